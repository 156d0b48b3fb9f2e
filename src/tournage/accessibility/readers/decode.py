"""Bytes of a text subtitle file to text, with a note when the encoding was guessed."""

from __future__ import annotations

import codecs

from tournage.accessibility.errors import SubtitleFormatError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Text and reader notes; UTF-8 first, Windows-1252 as the usual legacy fallback."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), ()
            except UnicodeDecodeError as error:
                raise SubtitleFormatError(
                    "subtitles.bad_encoding",
                    f"Encodage {encoding.upper()} annoncé mais invalide (octet {error.start}).",
                ) from None
    if b"\x00" in data:
        raise SubtitleFormatError(
            "subtitles.binary", "Fichier binaire : ce n'est pas un fichier de sous-titres texte."
        )
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        return text, ("Fichier non UTF-8 : encodage Windows-1252 supposé.",)
