"""What other apps and the CLI may call in the labor (teams) app."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from tournage.labor.premiums import first_overtime_premium
from tournage.web.labor.models import (
    AccommodationNeed,
    Contract,
    Risk,
    Timesheet,
    TimesheetKind,
)
from tournage.web.labor.services import (
    core_worker,
    employer,
    location_access,
    locations_used,
    risk_entries,
    schedule_calls,
    team_plan,
)
from tournage.web.productions.history import save_changed

__all__ = [
    "ChildTerms",
    "ContractSummary",
    "accommodation_needs",
    "actual_shifts",
    "child_terms",
    "contract_summaries",
    "employer",
    "hourly_rates",
    "location_access",
    "locations_used",
    "people_without_contract",
    "record_shifts",
    "risk_entries",
    "scene_risks",
    "schedule_calls",
    "shifts_from",
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


@dataclass(frozen=True)
class ChildTerms:
    """What a child performer's contract records for the set (call_sheet.yaml cast.minor)."""

    authorisation: str
    guardian: str
    schooling: str


def child_terms(production: Any, day: date) -> dict[int, ChildTerms]:
    """By person id: the terms of the contract covering ``day`` (else the latest one)."""
    contracts = Contract.objects.filter(production=production).order_by("start", "pk")
    terms: dict[int, tuple[bool, ChildTerms]] = {}
    for c in contracts:
        covers = c.start <= day <= c.end
        if covers or not terms.get(c.person_id, (False,))[0]:
            guardian, schooling = c.minor_guardian or "", c.minor_schooling or ""
            found = ChildTerms(c.minor_authorisation, guardian, schooling)
            terms[c.person_id] = (covers, found)
    return {person: found for person, (_, found) in terms.items()}


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


def record_shifts(
    production: Any, origin: str, shifts: list[tuple[int, datetime, datetime, int]]
) -> dict[int, int]:
    """The actual timesheets a document (``origin``) gives: (person id, call, wrap, break
    minutes) each. Rows of the same origin are updated in place (with their history, and
    only when a value changed); an actual timesheet typed here for the same person and
    day is taken over rather than doubled; rows of people the document no longer gives
    are removed. Returns the timesheet id by person id."""
    ids = {}
    sheets = Timesheet.objects.filter(production=production, kind=TimesheetKind.ACTUAL)
    for person_id, start, end, break_minutes in shifts:
        mine = sheets.filter(person_id=person_id)
        row = (
            mine.filter(origin=origin).first()
            or mine.filter(origin=None, start__date=timezone.localtime(start).date()).first()
        )
        values = {"start": start, "end": end, "break_minutes": break_minutes, "origin": origin}
        if row is None:
            row = Timesheet.objects.create(
                production=production, person_id=person_id, kind=TimesheetKind.ACTUAL, **values
            )
        ids[person_id] = save_changed(Timesheet, {"pk": row.pk}, values).pk
    for stale in sheets.filter(origin=origin).exclude(pk__in=ids.values()):
        stale.delete()  # one by one: the history records each removal
    return ids


def hourly_rates(production: Any) -> dict[int, tuple[Decimal | None, Decimal | None]]:
    """By person id: the contract's hourly rate and the first overtime premium of their
    agreement and job (``None`` where the contract or the data does not say)."""
    contracts = Contract.objects.filter(production=production).select_related("person")
    return {
        c.person_id: (c.hourly_rate, first_overtime_premium(core_worker(c)))
        for c in contracts.order_by("start", "pk")
    }


def shifts_from(production: Any, origin: str) -> list[Timesheet]:
    """The timesheets the document ``origin`` wrote."""
    rows = Timesheet.objects.filter(production=production, origin=origin)
    return list(rows.select_related("person").order_by("person__last_name", "start"))
