"""Child performers' rules (``data/labor/child_actors.yaml``), typed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tournage.common.rules import RuleTable


@dataclass(frozen=True)
class AgeCap:
    age: str  # "under 3" or "6-11"
    max_hours_per_day: Decimal

    def covers(self, age: int) -> bool:
        if self.age.startswith("under "):
            return age < int(self.age.removeprefix("under "))
        low, high = (int(x) for x in self.age.split("-"))
        return low <= age <= high


@dataclass(frozen=True)
class ChildRule:
    id: str
    source: str
    rule: str = ""
    note: str = ""
    uncertain: bool = False
    under_age: int | None = None
    night_window: str | None = None
    by_age: tuple[AgeCap, ...] = ()

    def cap_for(self, age: int) -> Decimal | None:
        return next((cap.max_hours_per_day for cap in self.by_age if cap.covers(age)), None)


@dataclass(frozen=True)
class ChildActors:
    authorisation: tuple[ChildRule, ...]
    penalties: tuple[ChildRule, ...]
    pay_and_pecule: tuple[ChildRule, ...]
    working_time_limits: tuple[ChildRule, ...]
    on_set_roles: tuple[ChildRule, ...]

    def rule(self, section: str, rule_id: str) -> ChildRule:
        rules: tuple[ChildRule, ...] = getattr(self, section)
        return next(rule for rule in rules if rule.id == rule_id)


CHILD_ACTORS = RuleTable("labor/child_actors.yaml", ChildActors)
