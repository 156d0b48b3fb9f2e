"""What every check receives, and the fixes several checks share."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from tournage.accessibility.cues import Cue
from tournage.accessibility.findings import CueFinding, Fix
from tournage.accessibility.timecode import FrameRate

Params = dict[str, Any]


@dataclass(frozen=True)
class Context:
    cues: tuple[Cue, ...]
    rate: FrameRate
    checks: dict[str, Params]  # the whole rule set, for checks that read a sibling's value
    notes: tuple[str, ...] = ()
    language: str | None = None
    programme_ms: int | None = None
    counting: str | None = None  # override of the rule set's counting convention
    live: bool = False

    @property
    def min_gap_ms(self) -> int:
        gap = self.checks.get("min_gap")
        return self.rate.frames_to_ms(gap["frames"]) if gap else 0

    def counting_for(self, params: Params) -> str:
        return self.counting or params.get("counting", "all")

    def following(self, position: int) -> Cue | None:
        """The cue displayed after ``self.cues[position]`` (file order)."""
        return self.cues[position + 1] if position + 1 < len(self.cues) else None

    def extension(self, position: int, needed_ms: float) -> Fix | None:
        """Extend the out-time to ``start + needed_ms`` if the gap before the next cue allows."""
        cue = self.cues[position]
        target = cue.start_ms + math.ceil(needed_ms)
        following = self.following(position)
        limit = following.start_ms - self.min_gap_ms if following else self.programme_ms
        if target <= cue.end_ms or (limit is not None and target > limit):
            return None
        return self.extend_to(target)

    def extend_to(self, target: int) -> Fix:
        return Fix(f"Prolonger la sortie jusqu'à {self.rate.ms_to_tc(target)}", end_ms=target)

    def pull_back(self, cue: Cue, target: int) -> Fix | None:
        """Bring the out-time back to ``target`` if the cue keeps a positive duration."""
        if target <= cue.start_ms:
            return None
        return Fix(f"Avancer la sortie à {self.rate.ms_to_tc(target)}", end_ms=target)


Check = Callable[[Context, Params], Iterator[CueFinding]]
