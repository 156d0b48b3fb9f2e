"""One version against another, term by term: what the optimiser's proposal or a hand-made
draft changes against the accepted plan (cost, moves, rest and other rule findings, each
cast member's work and hold days)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tournage.scheduling.dood import day_out_of_days

from .models import Schedule
from .services import assignment_of, problem_of

TERMS = {
    "calendar_days": gettext_lazy("Calendar days"),
    "shooting_days": gettext_lazy("Shooting days"),
    "holding_cost_eur": gettext_lazy("Cast holding (€)"),
    "company_moves": gettext_lazy("Company moves"),
    "moves_within_day": gettext_lazy("Moves within a day"),
    "move_cost_eur": gettext_lazy("Company moves (€)"),
    "move_km": gettext_lazy("Company moves (km)"),
    "move_kgco2e": gettext_lazy("Company moves (kgCO2e)"),
    "overtime_minutes": gettext_lazy("Overtime (minutes)"),
    "night_to_day_switches": gettext_lazy("Night-to-day switches"),
    "changes": gettext_lazy("Scenes moved"),
}


def _delta(before: Any, after: Any) -> Decimal | None:
    try:
        return Decimal(str(after)) - Decimal(str(before))
    except (InvalidOperation, TypeError, ValueError):
        return None


def _decimals(*values: Any) -> int:
    """Decimals to show: as many as the more precise of the two figures has."""
    places = [0]
    for value in values:
        try:
            exponent = Decimal(str(value)).as_tuple().exponent
        except (InvalidOperation, TypeError, ValueError):
            continue
        places.append(-exponent if isinstance(exponent, int) and exponent < 0 else 0)
    return max(places)


def _row(term: Any, before: Any, after: Any) -> dict[str, Any]:
    missing = before is None or after is None
    return {
        "term": term,
        "current": before,
        "proposed": after,
        "delta": None if missing else _delta(before, after),
        "decimals": _decimals(before, after),
    }


def _findings(schedule: Schedule | None, prefix: str = "") -> int | None:
    if schedule is None:
        return None
    return sum(1 for f in schedule.findings if str(f.get("code", "")).startswith(prefix))


def term_rows(current: Schedule | None, other: Schedule) -> list[dict[str, Any]]:
    """Rows (term, current, other, difference); ``current`` may be missing."""
    before = current.terms if current else {}
    rows = [_row(_("Cost (€)"), current.objective if current else None, other.objective)]
    rows += [_row(label, before.get(term), other.terms.get(term)) for term, label in TERMS.items()]
    rows.append(_row(_("Rest breaches"), _findings(current, "rest."), _findings(other, "rest.")))
    rows.append(_row(_("Rule findings"), _findings(current), _findings(other)))
    return rows


def _cast_days(schedule: Schedule) -> dict[str, tuple[str, int, int]]:
    _days, rows = day_out_of_days(problem_of(schedule), assignment_of(schedule))
    return {r.key: (r.name, r.work_days, r.hold_days) for r in rows if r.kind == "cast"}


def dood_changes(current: Schedule, other: Schedule) -> list[dict[str, Any]]:
    """Cast members whose work or hold days differ between the two versions."""
    before, after = _cast_days(current), _cast_days(other)
    changes = []
    for key in sorted(set(before) | set(after)):
        name = (after.get(key) or before[key])[0]
        old, new = before.get(key, (name, 0, 0)), after.get(key, (name, 0, 0))
        if old[1:] != new[1:]:
            changes.append({"name": name, "work": (old[1], new[1]), "hold": (old[2], new[2])})
    return changes
