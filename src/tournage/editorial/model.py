"""A timeline read from an edit decision list: one shape for CMX 3600 and OpenTimelineIO.

Every event of every track is a ``Clip``: where it comes from (reel, clip name, file,
source in/out) and where it sits in the programme (track, record in/out), in frames at
the timeline's rate. Readers keep what they do not interpret (comments, metadata), so a
takes log or a cue sheet can use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from tournage.editorial.timecode import FrameRate, format_timecode, seconds


class TrackKind(StrEnum):
    VIDEO = "video"
    AUDIO = "audio"


@dataclass(frozen=True)
class Clip:
    number: int  # event number (EDL) or rank on its track (OTIO), from 1
    track: str  # V, V2..., A1, A2...
    kind: TrackKind
    reel: str
    source_in: int
    source_out: int
    record_in: int
    record_out: int
    name: str = ""
    source_file: str = ""
    transition: str = "C"
    transition_frames: int | None = None
    speed: Decimal | None = None  # M2 speed as a ratio of the normal speed
    comments: tuple[str, ...] = ()
    metadata: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    line: int | None = None  # line of the event in an EDL

    @property
    def duration(self) -> int:
        return self.record_out - self.record_in

    @property
    def label(self) -> str:
        """What an editor calls this clip: its name, else its file, else its reel."""
        return self.name or self.source_file or self.reel


@dataclass(frozen=True)
class Timeline:
    title: str
    format: str  # "edl" or "otio"
    rate: FrameRate
    drop_frame: bool
    clips: tuple[Clip, ...]
    warnings: tuple[str, ...] = ()

    def timecode(self, frames: int) -> str:
        return format_timecode(frames, self.rate, self.drop_frame)

    def seconds(self, frames: int) -> Decimal:
        return seconds(frames, self.rate)

    @property
    def duration(self) -> int:
        """From the first record in to the last record out (0 when empty)."""
        if not self.clips:
            return 0
        return max(c.record_out for c in self.clips) - min(c.record_in for c in self.clips)

    def tracks(self) -> list[str]:
        return sorted({c.track for c in self.clips}, key=_track_order)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "format": self.format,
            "rate": self.rate.label,
            "drop_frame": self.drop_frame,
            "warnings": list(self.warnings),
            "clips": [
                {
                    "number": c.number,
                    "track": c.track,
                    "reel": c.reel,
                    "name": c.name,
                    "source_file": c.source_file,
                    "source_in": self.timecode(c.source_in),
                    "source_out": self.timecode(c.source_out),
                    "record_in": self.timecode(c.record_in),
                    "record_out": self.timecode(c.record_out),
                    "duration_s": str(self.seconds(c.duration)),
                    "transition": c.transition,
                    "speed": None if c.speed is None else str(c.speed),
                    "comments": list(c.comments),
                    "metadata": dict(c.metadata),
                }
                for c in self.clips
            ],
        }


def _track_order(name: str) -> tuple[int, int]:
    number = name[1:]
    return (0 if name.startswith("V") else 1, int(number) if number.isdigit() else 1)
