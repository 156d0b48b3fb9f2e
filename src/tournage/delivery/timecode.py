"""SMPTE timecodes (non-drop-frame) for QC event lists."""

from __future__ import annotations

import math
import re

TIMECODE = re.compile(r"^(\d{2}):(\d{2}):(\d{2})[:;.](\d{2})$")


def timecode_frames(text: str | None, fps: int) -> int:
    """Frames since midnight of a ``HH:MM:SS:FF`` timecode; 0 when absent or unreadable."""
    match = TIMECODE.match(text or "")
    if not match:
        return 0
    hours, minutes, seconds, frames = (int(g) for g in match.groups())
    return ((hours * 60 + minutes) * 60 + seconds) * fps + frames


def to_timecode(seconds: float, fps: float | None, start: str | None = None) -> str:
    """``HH:MM:SS:FF`` at the video rate from the file's start timecode, else ``HH:MM:SS.mmm``."""
    if not fps:
        millis = round(seconds * 1000)
        hours, rest = divmod(millis, 3_600_000)
        minutes, rest = divmod(rest, 60_000)
        return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"
    rate = round(fps)
    total = timecode_frames(start, rate) + math.floor(seconds * fps + 1e-6)
    frames = total % rate
    total_seconds = total // rate
    hours, rest = divmod(total_seconds, 3600)
    return f"{hours % 24:02d}:{rest // 60:02d}:{rest % 60:02d}:{frames:02d}"
