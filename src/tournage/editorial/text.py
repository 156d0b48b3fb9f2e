"""Bytes of an uploaded list to text: size, emptiness and binary content checked first."""

from __future__ import annotations

from tournage.editorial.errors import EditorialError
from tournage.editorial.rules import FORMATS


def decode_text(content: bytes, what: str) -> str:
    """``content`` as text (UTF-8, else Windows-1252 as older editing systems write)."""
    limit = FORMATS.load().limits.max_bytes
    if not content.strip():
        raise EditorialError("editorial.empty", f"Le fichier {what} est vide.")
    if len(content) > limit:
        raise EditorialError(
            "editorial.too_large",
            f"Fichier {what} trop volumineux (limite {limit // (1024 * 1024)} Mo).",
            limit=limit,
        )
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError as error:
            raise EditorialError("editorial.encoding", f"Fichier {what} illisible.") from error
    if b"\x00" in content:
        raise EditorialError(
            "editorial.binary", f"Fichier binaire : ce n'est pas un fichier {what} texte."
        )
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")
