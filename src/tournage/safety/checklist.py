"""The checklist of a location: hygiene and accessibility items, answered yes/no/unknown."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tournage.safety.rules import CHECKLIST, Item

Answers = Mapping[str, bool | None]


@dataclass(frozen=True)
class LocationStatus:
    location: str
    unanswered: tuple[Item, ...]  # items nobody checked yet
    failing: tuple[Item, ...]  # items answered "no"

    @property
    def complete(self) -> bool:
        return not self.unanswered

    def describe(self) -> str:
        parts = [f"{item.label} : non" for item in self.failing]
        parts += [f"{item.label} : ?" for item in self.unanswered]
        return f"{self.location} ({'; '.join(parts)})" if parts else self.location


def status(location: str, answers: Answers, group: str | None = None) -> LocationStatus:
    """The location's answers against the data's items (of one group, or all)."""
    table = CHECKLIST.load()
    items = table.in_group(group) if group else table.items
    return LocationStatus(
        location,
        tuple(item for item in items if answers.get(item.id) is None),
        tuple(item for item in items if answers.get(item.id) is False),
    )


def group_source(group: str) -> str:
    return CHECKLIST.load().groups[group].source
