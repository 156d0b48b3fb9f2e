"""What other apps and the CLI may call in the labor (teams) app."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tournage.web.labor.models import (
    AccommodationNeed,
    Contract,
    Risk,
    Timesheet,
    TimesheetKind,
)
from tournage.web.labor.services import (
    employer,
    location_access,
    locations_used,
    risk_entries,
    schedule_calls,
    team_plan,
)

__all__ = [
    "ContractSummary",
    "accommodation_needs",
    "actual_shifts",
    "contract_summaries",
    "employer",
    "location_access",
    "locations_used",
    "people_without_contract",
    "risk_entries",
    "scene_risks",
    "schedule_calls",
    "team_plan",
]


@dataclass(frozen=True)
class ContractSummary:
    id: int
    person: str
    function: str
    status: str  # draft | sent | signed | ended
    status_label: str
    start: date
    end: date


def contract_summaries(production: Any) -> list[ContractSummary]:
    """Every employment contract of ``production`` (the closing file's contract register)."""
    contracts = Contract.objects.filter(production=production).select_related("person")
    return [
        ContractSummary(
            c.pk, str(c.person), c.function, c.status, c.get_status_display(), c.start, c.end
        )
        for c in contracts.order_by("start", "pk")
    ]


def accommodation_needs(production: Any) -> dict[int, list[str]]:
    """Declared needs by person id (their labels), only those recorded with consent."""
    from tournage.web.labor.forms import NEED_CHOICES

    labels = {key: str(label) for key, label in NEED_CHOICES}
    rows = AccommodationNeed.objects.filter(production=production, consent=True)
    return {row.person_id: [labels.get(need, str(need)) for need in row.needs] for row in rows}


def scene_risks(production: Any) -> dict[str, list[str]]:
    """Risks of the register by scene: « risk : prevention measures »."""
    risks: dict[str, list[str]] = {}
    for risk in Risk.objects.filter(production=production):
        text = f"{risk.label} : {risk.measures}" if risk.measures else risk.label
        risks.setdefault(risk.scene, []).append(text)
    return risks


def actual_shifts(production: Any) -> dict[tuple[int, date], tuple[datetime, datetime]]:
    """Actual timesheets: (person id, day) -> (call, wrap)."""
    rows = Timesheet.objects.filter(production=production, kind=TimesheetKind.ACTUAL)
    return {(row.person_id, row.start.date()): (row.start, row.end) for row in rows}


def people_without_contract(production: Any) -> list[Any]:
    """People the accepted plan de travail calls who have no contract on the production."""
    called = set(schedule_calls(production))
    contracted = set(
        Contract.objects.filter(production=production).values_list("person_id", flat=True)
    )
    missing = called - contracted
    return list(production.people.filter(pk__in=missing).order_by("last_name", "first_name"))
