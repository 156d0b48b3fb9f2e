"""Team planning: who works when (contract periods and shifts), exported as ICS per person."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from tournage.labor.errors import LaborError
from tournage.labor.timesheet import Shift

PHASES = (
    "preparation",
    "shoot",
    "editing",
    "grading",
    "mixing",
    "subtitling",
    "audio_description",
    "qc",
    "delivery",
)


@dataclass(frozen=True)
class Period:
    """A stretch of someone's engagement on the production timeline."""

    person: str
    start: date
    end: date
    phase: str = "shoot"
    label: str = ""

    def __post_init__(self) -> None:
        if self.phase not in PHASES:
            raise LaborError(
                "labor.phase_unknown",
                f"Phase inconnue « {self.phase} » (attendu : {', '.join(PHASES)}).",
            )
        if self.end < self.start:
            raise LaborError(
                "labor.period_order", f"{self.person} : la période finit avant de commencer."
            )


def timeline(periods: Iterable[Period]) -> list[dict[str, object]]:
    """Periods in date order, grouped per person, for one production-wide timeline."""
    rows: dict[str, list[Period]] = {}
    for period in sorted(periods, key=lambda p: (p.start, p.person)):
        rows.setdefault(period.person, []).append(period)
    return [{"person": person, "periods": items} for person, items in rows.items()]


def person_ics(
    person: str,
    production: str,
    periods: Iterable[Period],
    shifts: Iterable[Shift],
    stamp: datetime,
) -> bytes:
    """An iCalendar file with ``person``'s engagement periods (all-day) and calls."""
    from icalendar import Calendar  # imported here: only the ICS export needs it

    calendar = Calendar()
    calendar.add("prodid", "-//tournage//équipes//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{production} — {person}")
    for index, period in enumerate(p for p in periods if p.person == person):
        event = _event(f"period-{index}", stamp, f"{production} : {period.label or period.phase}")
        event.add("dtstart", period.start)
        event.add("dtend", period.end + timedelta(days=1))
        calendar.add_component(event)
    for index, shift in enumerate(s for s in shifts if s.person == person):
        event = _event(f"shift-{index}", stamp, f"{production} : convocation")
        event.add("dtstart", shift.start)
        event.add("dtend", shift.end)
        calendar.add_component(event)
    content: bytes = calendar.to_ical()
    return content


def _event(uid: str, stamp: datetime, summary: str) -> Any:
    from icalendar import Event

    event = Event()
    event.add("uid", f"{uid}-{stamp:%Y%m%dT%H%M%S}@tournage")
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    return event
