"""Working-time limits read from ``data/scheduling/labour_limits.yaml``.

An unknown value (``null`` in the data) falls back to the Code du travail baseline and is
reported in ``notes`` so the schedule says which limit it used and why. Each limit keeps
its source and whether it is uncertain: a finding resting on an uncertain value only warns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tournage.common.findings import Severity
from tournage.scheduling.errors import SchedulingError
from tournage.scheduling.tables import LABOUR_LIMITS, AgeCaps, Sourced

BASELINE = "code_du_travail"
MINUTES = 60


@dataclass(frozen=True)
class Limit:
    """One limit as applied, with where it comes from."""

    value: int
    source: str
    uncertain: bool = False

    def severity(self) -> Severity:
        return Severity.for_rule("fail", uncertain=self.uncertain)


@dataclass(frozen=True)
class WorkRules:
    convention: str
    max_daily: Limit  # minutes of effective work
    normal_day_minutes: int
    daily_rest: Limit  # hours
    max_consecutive: Limit  # days
    break_after_minutes: int
    break_minutes: int
    notes: tuple[str, ...] = field(default=())

    @property
    def max_daily_minutes(self) -> int:
        return self.max_daily.value

    @property
    def daily_rest_hours(self) -> int:
        return self.daily_rest.value

    @property
    def max_consecutive_days(self) -> int:
        return self.max_consecutive.value


def work_rules(convention: str) -> WorkRules:
    table = LABOUR_LIMITS.load()
    if convention not in table.conventions:
        raise SchedulingError(
            "rules.convention", f"Convention inconnue : {convention}.", convention=convention
        )
    chosen, baseline = table.conventions[convention], table.conventions[BASELINE]
    notes: list[str] = []

    def limit(key: str, scale: int = 1) -> Limit:
        entry: Sourced = getattr(chosen, key)
        if entry.value is None:
            notes.append(f"{key} inconnu pour {convention} : socle légal appliqué")
            fallback: Sourced = getattr(baseline, key)
            return Limit(int(fallback.value or 0) * scale, fallback.source, True)
        return Limit(int(entry.value) * scale, entry.source, entry.uncertain)

    rest = table.break_rule
    return WorkRules(
        convention=convention,
        max_daily=limit("max_daily_effective_hours", MINUTES),
        normal_day_minutes=int((table.normal_day_hours.value or 0) * MINUTES),
        daily_rest=limit("daily_rest_hours"),
        max_consecutive=limit("max_consecutive_working_days"),
        break_after_minutes=int(rest.after_hours * MINUTES),
        break_minutes=rest.minutes,
        notes=tuple(notes),
    )


def minor_caps(day: date, school_holidays: frozenset[date]) -> AgeCaps:
    minors = LABOUR_LIMITS.load().minors
    holidays = day in school_holidays
    return minors.daily_max_school_holidays if holidays else minors.daily_max_school_period


def minor_daily_cap_minutes(
    age: int | None, day: date, school_holidays: frozenset[date]
) -> int | None:
    """Daily cap of a child performer on ``day``; ``None`` when no cap applies."""
    if age is None:
        return None
    for band in minor_caps(day, school_holidays).by_age:
        if age <= band.max_age:
            return int(band.hours * MINUTES)
    return None


def minor_rule(rule: str) -> Limit:
    """``no_night_work`` / ``no_sunday_work``: the age under which it applies."""
    entry = getattr(LABOUR_LIMITS.load().minors, f"{rule}_under_age")
    return Limit(entry.value, entry.source, entry.uncertain)


def minor_restricted(age: int | None, rule: str) -> bool:
    """True if a performer of ``age`` falls under ``no_night_work`` / ``no_sunday_work``."""
    return age is not None and age < minor_rule(rule).value
