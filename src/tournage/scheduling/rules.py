"""Working-time limits read from ``data/scheduling/labour_limits.yaml``.

An unknown value (``null`` in the data) falls back to the Code du travail baseline and is
reported in ``notes`` so the schedule says which limit it used and why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tournage.data import load_yaml
from tournage.scheduling.errors import SchedulingError

BASELINE = "code_du_travail"


@dataclass(frozen=True)
class WorkRules:
    convention: str
    max_daily_minutes: int
    normal_day_minutes: int
    daily_rest_hours: int
    max_consecutive_days: int
    notes: tuple[str, ...] = field(default=())


def _table() -> dict[str, Any]:
    table: dict[str, Any] = load_yaml("scheduling/labour_limits.yaml")
    return table


def work_rules(convention: str) -> WorkRules:
    conventions = _table()["conventions"]
    if convention not in conventions:
        raise SchedulingError("rules.convention", f"Convention inconnue : {convention}.")
    notes: list[str] = []

    def value(key: str) -> int:
        entry = conventions[convention][key]
        if entry["value"] is None:
            notes.append(f"{key} inconnu pour {convention} : socle légal appliqué")
            return int(conventions[BASELINE][key]["value"])
        return int(entry["value"])

    return WorkRules(
        convention=convention,
        max_daily_minutes=value("max_daily_effective_hours") * 60,
        normal_day_minutes=int(_table()["normal_day_hours"]["value"] * 60),
        daily_rest_hours=value("daily_rest_hours"),
        max_consecutive_days=value("max_consecutive_working_days"),
        notes=tuple(notes),
    )


def minor_daily_cap_minutes(
    age: int | None, day: date, school_holidays: frozenset[date]
) -> int | None:
    """Daily cap of a child performer on ``day``; ``None`` when no cap applies."""
    if age is None:
        return None
    key = "daily_max_school_holidays" if day in school_holidays else "daily_max_school_period"
    for band in _table()["minors"][key]["by_age"]:
        if age <= band["max_age"]:
            return int(band["hours"] * 60)
    return None


def minor_restricted(age: int | None, rule: str) -> bool:
    """True if a performer of ``age`` falls under ``no_night_work`` / ``no_sunday_work``."""
    limit = int(_table()["minors"][f"{rule}_under_age"]["value"])
    return age is not None and age < limit
