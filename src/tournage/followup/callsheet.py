"""The call sheet (feuille de service) of one shooting day, from plain inputs.

The web app gathers the accepted schedule's day, the people called, the locations, the
risks and the accommodations; this module computes each person's call (pick-up, HMC,
on set), checks the daily rest since each person's last wrap, and lists what a required
field of ``data/followup/call_sheet.yaml`` still lacks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from tournage.common.findings import Finding, Severity
from tournage.common.formatting import format_number
from tournage.followup.minors import Child, MinorLine, minors_section
from tournage.followup.tables import CALL_SHEET, FOLLOWUP, EmergencyNumber

# required fields of the data a call sheet is checked for, with the attribute holding them
REQUIRED = (
    ("conditions", "weather", "weather"),
    ("safety", "nearest_hospital", "hospital"),
    ("safety", "safety_notes", "safety"),
    ("contacts", "key_contacts", "contacts"),
)


@dataclass(frozen=True)
class Rest:
    """The daily rest in hours, where it comes from, and whether the value is uncertain."""

    hours: int
    source: str
    uncertain: bool = False


@dataclass(frozen=True)
class Called:
    """One person called: ``role`` is the character for the cast, the function for the crew."""

    key: str
    name: str
    role: str
    cast: bool
    department: str = ""
    phone: str = ""
    minor: bool = False
    accommodations: tuple[str, ...] = ()


@dataclass(frozen=True)
class SceneLine:
    id: str
    label: str
    eighths: int
    cast: tuple[str, ...] = ()
    elements: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    """A location of the day; sunrise and sunset are "HH:MM", empty when the location has
    no coordinates, ``polar`` says "day"/"night" when the sun does not rise or set."""

    name: str
    address: str = ""
    access: str = ""
    parking: str = ""
    sunrise: str = ""
    sunset: str = ""
    polar: str = ""


@dataclass(frozen=True)
class CastCall:
    name: str
    role: str
    pickup: str
    makeup: str
    on_set: str
    minor: bool


@dataclass(frozen=True)
class CrewCall:
    department: str
    name: str
    call: str
    phone: str = ""


@dataclass(frozen=True)
class DayInput:
    """What the schedule and the production manager say about the day."""

    date: date
    day_number: int
    total_days: int
    unit_call: time
    scenes: tuple[SceneLine, ...]
    places: tuple[Place, ...] = ()
    weather: str = ""
    hospital: str = ""
    safety: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    notes: str = ""
    advance: tuple[str, ...] = ()
    school_holiday: bool = False  # the accepted plan's calendar: sets the children's caps


@dataclass(frozen=True)
class CallSheet:
    date: date
    version: int
    unit_call: time
    day_number: int
    total_days: int
    locations: tuple[Place, ...]
    scenes: tuple[SceneLine, ...]
    cast: tuple[CastCall, ...]
    crew: tuple[CrewCall, ...]
    safety: tuple[str, ...]
    accessibility: tuple[str, ...]
    emergency: tuple[EmergencyNumber, ...]
    weather: str
    hospital: str
    contacts: tuple[str, ...]
    advance: tuple[str, ...]
    elements: tuple[str, ...]
    minors: tuple[MinorLine, ...] = ()
    findings: tuple[Finding, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``tournage callsheet --json`` and of a stored snapshot."""
        data = asdict(replace(self, findings=()))  # findings have their own to_dict
        data["date"] = self.date.isoformat()
        data["unit_call"] = self.unit_call.strftime("%H:%M")
        data["findings"] = [f.to_dict() for f in self.findings]
        return data


def for_recipient(content: Mapping[str, Any], name: str) -> dict[str, Any]:
    """What one person receives of an issued sheet: no one else's accommodations or phone
    (personal data), no findings (they are for the production office), and their own call.
    Of the children, everyone sees the presence windows and caps the set must keep; the
    authorisation and schooling only on the child's own row (a sheet issued before the
    minors section has none)."""
    data = dict(content)
    data["accessibility"] = [a for a in content["accessibility"] if a.startswith(f"{name} :")]
    data["crew"] = [{**c, "phone": ""} for c in content["crew"]]
    data["minors"] = [
        m if m["name"] == name else {**m, "authorisation": "", "schooling": ""}
        for m in content.get("minors", [])
    ]
    data["findings"] = []
    data["personal_call"] = _personal_call(content, name)
    return data


def _personal_call(content: Mapping[str, Any], name: str) -> str:
    for row in content["cast"]:
        if row["name"] == name:
            return f"ramassage {row['pickup']}, HMC {row['makeup']}, plateau {row['on_set']}"
    for row in content["crew"]:
        if row["name"] == name:
            return str(row["call"])
    return str(content["unit_call"])


def build_call_sheet(
    day: DayInput,
    people: Sequence[Called],
    last_wraps: Mapping[str, datetime],
    rest: Rest,
    *,
    version: int = 1,
    children: Sequence[Child] = (),
) -> CallSheet:
    """The call sheet of ``day``; ``last_wraps`` holds each person's previous wrap (the
    actual one from a report when known, else the planned one); ``children`` are the
    minors among ``people``."""
    calls = FOLLOWUP.load().calls
    unit = datetime.combine(day.date, day.unit_call)
    makeup = unit - timedelta(minutes=calls.hmc_lead_minutes)
    pickup = makeup - timedelta(minutes=calls.pickup_lead_minutes)
    cast = tuple(
        CastCall(p.name, p.role, _hm(pickup), _hm(makeup), _hm(unit), p.minor)
        for p in people
        if p.cast
    )
    crew = tuple(
        CrewCall(p.department or p.role, p.name, _hm(unit), p.phone) for p in people if not p.cast
    )
    # work starts at HMC for the cast (the pick-up drive is travel), at the unit call for the crew
    starts = {p.key: makeup if p.cast else unit for p in people}
    supervisor = FOLLOWUP.load().minors.supervisor_function.casefold()
    minors, minor_findings = minors_section(
        children,
        makeup,
        day.school_holiday,
        [p.name for p in people if not p.cast and supervisor in p.department.casefold()],
    )
    sheet = CallSheet(
        date=day.date,
        version=version,
        unit_call=day.unit_call,
        day_number=day.day_number,
        total_days=day.total_days,
        locations=day.places,
        scenes=day.scenes,
        cast=cast,
        crew=crew,
        safety=day.safety,
        accessibility=tuple(f"{p.name} : {need}" for p in people for need in p.accommodations),
        emergency=CALL_SHEET.load().field("safety", "emergency_numbers").values,
        weather=day.weather,
        hospital=day.hospital,
        contacts=day.contacts,
        advance=day.advance,
        elements=tuple(sorted({e for s in day.scenes for e in s.elements})),
        minors=minors,
    )
    findings = [
        *rest_findings(((p.name, starts[p.key], last_wraps.get(p.key)) for p in people), rest),
        *minor_findings,
        *missing_required(sheet),
    ]
    if calls.uncertain:
        findings.append(
            Finding(
                "callsheet.lead_times",
                Severity.INFO,
                f"Convocations HMC {calls.hmc_lead_minutes} min et ramassage "
                f"{calls.pickup_lead_minutes} min avant le PAT : valeurs par défaut à ajuster.",
                source=calls.source,
            )
        )
    return replace(sheet, findings=tuple(findings))


def _hm(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def rest_findings(
    calls: Iterable[tuple[str, datetime, datetime | None]], rest: Rest
) -> list[Finding]:
    """One finding per (name, call, previous wrap) whose gap is shorter than the daily rest."""
    findings = []
    for name, call, wrap in calls:
        if wrap is None or wrap >= call:
            continue
        hours = (call - wrap).total_seconds() / 3600
        if hours < rest.hours:
            findings.append(
                Finding(
                    "callsheet.rest",
                    Severity.for_rule("fail", uncertain=rest.uncertain),
                    f"{name} : {format_number(hours, 1)} h de repos entre la fin le "
                    f"{wrap:%d/%m à %H:%M} et la "
                    f"convocation le {call:%d/%m à %H:%M} (minimum {rest.hours} h).",
                    source=rest.source,
                    subject=name,
                    evidence={"wrap": wrap.isoformat(), "call": call.isoformat()},
                )
            )
    return findings


def missing_required(sheet: CallSheet) -> list[Finding]:
    """Required fields of the data left empty on this sheet (warnings: no text requires them)."""
    spec = CALL_SHEET.load()
    findings = []
    for section, field_id, attribute in REQUIRED:
        if not getattr(sheet, attribute):
            label = spec.field(section, field_id).fr
            findings.append(
                Finding(
                    "callsheet.required",
                    Severity.WARN,
                    f"Feuille de service du {sheet.date:%d/%m/%Y} : « {label} » non renseigné.",
                    source="call_sheet.yaml",
                    subject=field_id,
                )
            )
    if not any(place.address for place in sheet.locations):
        findings.append(
            Finding(
                "callsheet.required",
                Severity.WARN,
                f"Feuille de service du {sheet.date:%d/%m/%Y} : adresse du décor non renseignée.",
                source="call_sheet.yaml",
                subject="address",
            )
        )
    return findings


def complete(content: Mapping[str, Any]) -> bool:
    """A stored sheet carries times, locations, safety notes and contacts
    (the referential check call_sheet_each_day)."""
    return bool(
        content.get("unit_call")
        and content.get("locations")
        and content.get("safety")
        and content.get("contacts")
    )
