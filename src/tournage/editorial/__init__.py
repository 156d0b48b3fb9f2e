"""Edit decision lists: CMX 3600 EDL and OpenTimelineIO files, read into one ``Timeline``.

Framework-free and shared: the rights domain builds the music cue sheet from it, the
shoot follow-up the takes used in the edit. Every file a user can upload goes through
``read_timeline``: size, emptiness, binary content and structure are checked, and any
refusal is an ``EditorialError`` with a French message.
"""

from __future__ import annotations

from pathlib import PurePath

from tournage.editorial.errors import EditorialError
from tournage.editorial.model import Clip, Timeline, TrackKind
from tournage.editorial.timecode import FrameRate, format_timecode, frame_rate, parse_timecode

__all__ = [
    "Clip",
    "EditorialError",
    "FrameRate",
    "Timeline",
    "TrackKind",
    "format_timecode",
    "frame_rate",
    "parse_timecode",
    "read_timeline",
]

SUFFIXES = {".edl": "edl", ".otio": "otio"}


def read_timeline(content: bytes, filename: str = "", rate: str | None = None) -> Timeline:
    """The timeline of an ``.edl`` (read at ``rate``, 25 by default) or ``.otio`` file."""
    suffix = PurePath(filename).suffix.lower()
    kind = SUFFIXES.get(suffix)
    if kind is None:
        if suffix:
            raise EditorialError(
                "editorial.format",
                f"Extension « {suffix[:10]} » non prise en charge : fournissez une EDL (.edl) "
                "ou un fichier OpenTimelineIO (.otio).",
            )
        kind = "otio" if content.lstrip()[:1] == b"{" else "edl"
    fps = frame_rate(rate)
    if kind == "otio":
        from tournage.editorial.otio import read_otio

        return read_otio(content, fps if rate is not None else None)
    from tournage.editorial.edl import read_edl

    return read_edl(content, fps)
