"""Risky scenes: measures, a responsible person and a safety briefing on record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class RiskyScene:
    scene: str
    risks: tuple[str, ...]
    measures: bool  # every risk of the scene has prevention measures
    owner: bool  # every risk has a responsible person
    briefed: datetime | None = None  # the latest safety briefing held for the scene
    attendees: int = 0

    def missing(self) -> tuple[str, ...]:
        """What the scene still lacks, in the words of the safety file."""
        parts = []
        if not self.measures:
            parts.append("mesures")
        if not self.owner:
            parts.append("responsable")
        if self.briefed is None or self.attendees == 0:
            parts.append("briefing")
        return tuple(parts)
