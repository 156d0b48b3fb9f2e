"""Read any supported subtitle file into a SubtitleDocument (format sniffed from the bytes)."""

from __future__ import annotations

from tournage.accessibility.cues import SubtitleDocument
from tournage.accessibility.errors import SubtitleFormatError
from tournage.accessibility.readers.decode import decode_text
from tournage.accessibility.readers.stl import looks_like_stl, read_stl
from tournage.accessibility.readers.text import read_text_cues
from tournage.accessibility.readers.ttml import read_ttml
from tournage.accessibility.timecode import FrameRate

FORMATS = ("srt", "vtt", "ass", "ssa", "ttml", "stl")
# a feature film has ~1,500 cues (< 200 kB); refuse what no subtitle file needs
MAX_BYTES = 20 * 1024 * 1024


def read_subtitles(data: bytes, frame_rate: FrameRate | None = None) -> SubtitleDocument:
    """Parse subtitle bytes; SubtitleFormatError with a French message if unreadable."""
    if not data.strip():
        raise SubtitleFormatError("subtitles.empty", "Fichier de sous-titres vide.")
    if len(data) > MAX_BYTES:
        raise SubtitleFormatError(
            "subtitles.too_large",
            f"Fichier trop gros ({len(data) // 1_048_576} Mo) pour des sous-titres "
            f"(limite {MAX_BYTES // 1_048_576} Mo).",
        )
    if looks_like_stl(data):
        header, cues = read_stl(data, frame_rate)
        return SubtitleDocument(
            "stl", cues, header.frame_rate, language=header.language, title=header.title
        )
    text, notes = decode_text(data)
    format_ = sniff_text_format(text)
    cues = read_ttml(text.encode("utf-8")) if format_ == "ttml" else read_text_cues(text, format_)
    if not cues:
        raise SubtitleFormatError(
            "subtitles.no_cue", f"Aucun sous-titre lisible dans ce fichier {format_.upper()}."
        )
    return SubtitleDocument(format_, cues, frame_rate, notes)


def sniff_text_format(text: str) -> str:
    head = text.lstrip("\ufeff \t\r\n")[:2000]
    if head.startswith("WEBVTT"):
        return "vtt"
    if head.startswith("<"):
        return "ttml"
    if "[Script Info]" in head or "[Events]" in text:
        return "ssa" if "[V4 Styles]" in text else "ass"
    if "-->" in head:
        return "srt"
    raise SubtitleFormatError(
        "subtitles.unknown_format",
        "Format de sous-titres non reconnu (SRT, WebVTT, ASS/SSA, TTML/EBU-TT-D ou EBU-STL).",
    )
