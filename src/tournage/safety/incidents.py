"""The incident and accident register: closure, and the employer's declaration delay.

A work accident is declared within 48 hours, Sundays and public holidays not counted
(``safety/accidents.yaml``); the public holidays are those of the working-time data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache

from tournage.common.findings import Finding, Severity
from tournage.labor.calendar import holiday_dates
from tournage.labor.rules import WORKING_TIME
from tournage.safety.rules import ACCIDENTS

SUNDAY = 6


@dataclass(frozen=True)
class Incident:
    label: str
    occurred: datetime
    accident: bool = False  # a work accident (accident du travail), to be declared
    action: str = ""
    closed: date | None = None
    known: datetime | None = None  # when the employer learned of it (default: occurred)
    declared: datetime | None = None

    @property
    def is_closed(self) -> bool:
        return bool(self.action.strip()) and self.closed is not None


@cache  # the rule tables are read-only: a year's holidays never change within a process
def _public_holidays(year: int) -> frozenset[date]:
    rows = WORKING_TIME.load().code_du_travail_baseline
    holidays = next((row.holidays for row in rows if row.id == "public_holidays"), ())
    return frozenset(holiday_dates(year, holidays))


def _counted(day: date) -> bool:
    rule = ACCIDENTS.load().employer_declaration
    if rule.skip_sundays and day.weekday() == SUNDAY:
        return False
    return not (rule.skip_public_holidays and day in _public_holidays(day.year))


def declaration_deadline(known: datetime) -> datetime:
    """The moment the declaration is late: the data's hours counted on days that count."""
    remaining = timedelta(hours=ACCIDENTS.load().employer_declaration.hours)
    cursor = known
    while True:
        midnight = datetime.combine(cursor.date() + timedelta(days=1), time(), cursor.tzinfo)
        if _counted(cursor.date()):
            if cursor + remaining <= midnight:
                return cursor + remaining
            remaining -= midnight - cursor
        cursor = midnight


def _source() -> str:
    rule = ACCIDENTS.load().employer_declaration
    return f"{rule.reference} ({rule.source})"


def accident_finding(incident: Incident, now: datetime) -> Finding | None:
    """``None`` when declared in time; else late (fail) or still to declare (info)."""
    if not incident.accident:
        return None
    deadline = declaration_deadline(incident.known or incident.occurred)
    evidence = {"deadline": deadline.isoformat()}
    if incident.declared is not None:
        if incident.declared <= deadline:
            return None
        code, severity, message = "SAF-ACCIDENT-LATE", Severity.FAIL, "déclaré hors délai"
    elif now > deadline:
        code, severity, message = (
            "SAF-ACCIDENT-UNDECLARED",
            Severity.FAIL,
            "non déclaré, délai dépassé",
        )
    else:
        code, severity, message = "SAF-ACCIDENT-TO-DECLARE", Severity.INFO, "à déclarer"
    return Finding(
        code,
        severity,
        f"Accident du travail {message} (échéance {deadline:%d/%m/%Y %H:%M}).",
        source=_source(),
        subject=incident.label,
        evidence=evidence,
    )


def findings(incidents: Iterable[Incident], now: datetime) -> list[Finding]:
    out = []
    for incident in incidents:
        if not incident.is_closed:
            out.append(
                Finding(
                    "SAF-INCIDENT-OPEN",
                    Severity.WARN,
                    "Incident sans action ou sans date de clôture.",
                    subject=incident.label,
                )
            )
        accident = accident_finding(incident, now)
        if accident is not None:
            out.append(accident)
    return out
