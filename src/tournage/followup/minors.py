"""Child performers on the call sheet (``call_sheet.yaml`` cast.minor): each child called,
their presence window, the daily cap of their age band, who supervises them and their
schooling; findings when the planned presence breaks a rule of ``labor/child_actors.yaml``.

The caps come from a secondary source marked uncertain in the data, so exceeding one
warns instead of blocking; a missing prefect's authorisation blocks (L.7124-1).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from tournage.common.findings import Finding, Severity
from tournage.common.formatting import format_number
from tournage.labor.calendar import age_on, hours_in_window, parse_window
from tournage.labor.child_actors import CHILD_ACTORS, ChildRule


@dataclass(frozen=True)
class Child:
    """A child performer called that day, with their planned wrap and what their contract
    records."""

    name: str
    birth_date: date
    wrap: datetime
    authorisation: str = ""  # the prefect's authorisation reference
    guardian: str = ""  # legal guardian or chaperone on set
    schooling: str = ""  # school or tutoring arrangements


@dataclass(frozen=True)
class Presence:
    """A child's planned presence: from their HMC call to their wrap."""

    arrival: datetime
    departure: datetime

    @property
    def hours(self) -> float:
        return max(0.0, (self.departure - self.arrival).total_seconds() / 3600)


@dataclass(frozen=True)
class MinorLine:
    """One row of the minors section; ``cap`` is "" when the data has no cap for the age."""

    name: str
    age: int
    authorisation: str
    arrival: str
    departure: str
    hours: str
    cap: str
    period: str
    guardian: str
    supervisors: tuple[str, ...]
    schooling: str
    over_cap: bool
    source: str


def _period(holiday: bool) -> tuple[str, str]:
    if holiday:
        return "daily_max_school_holidays", "vacances scolaires"
    return "daily_max_school_period", "période scolaire"


def minors_section(
    children: Sequence[Child],
    arrival: datetime,
    school_holiday: bool,
    supervisors: Sequence[str],
) -> tuple[tuple[MinorLine, ...], list[Finding]]:
    """The section's rows and findings; ``arrival`` is the cast's HMC call (work starts
    there), ``supervisors`` the crew called that day in the data's supervisor function."""
    rule_id, period = _period(school_holiday)
    cap_rule = CHILD_ACTORS.load().rule("working_time_limits", rule_id)
    lines, findings = [], []
    for child in children:
        presence = Presence(arrival, child.wrap)
        age = age_on(child.birth_date, arrival.date())
        cap = cap_rule.cap_for(age)
        over = cap is not None and presence.hours > float(cap)
        lines.append(
            MinorLine(
                name=child.name,
                age=age,
                authorisation=child.authorisation,
                arrival=f"{presence.arrival:%H:%M}",
                departure=f"{presence.departure:%H:%M}",
                hours=format_number(presence.hours, 1),
                cap="" if cap is None else format_number(cap, 1),
                period=period,
                guardian=child.guardian,
                supervisors=tuple(supervisors),
                schooling=child.schooling,
                over_cap=over,
                source=cap_rule.source,
            )
        )
        findings += _findings(child, age, presence, cap_rule, lines[-1], bool(supervisors))
    return tuple(lines), findings


def _findings(
    child: Child,
    age: int,
    presence: Presence,
    cap_rule: ChildRule,
    line: MinorLine,
    supervised: bool,
) -> list[Finding]:
    out = []
    if line.over_cap:
        out.append(
            _finding(
                "callsheet.minor_hours",
                Severity.for_rule("fail", uncertain=cap_rule.uncertain),
                f"{child.name} ({age} ans) : présence prévue {line.hours} h "
                f"({line.arrival}–{line.departure}), plafond {line.cap} h en {line.period}"
                + (" (source secondaire, à confirmer)." if cap_rule.uncertain else "."),
                cap_rule,
                child.name,
            )
        )
    elif not line.cap:
        out.append(
            _finding(
                "callsheet.minor_hours",
                Severity.INFO,
                f"{child.name} ({age} ans) : aucun plafond journalier connu pour cet âge.",
                cap_rule,
                child.name,
            )
        )
    out += _night(child, age, presence)
    authorisation = CHILD_ACTORS.load().rule("authorisation", "prior_individual_authorisation")
    if not child.authorisation:
        out.append(
            _finding(
                "callsheet.minor_authorisation",
                Severity.FAIL,
                f"{child.name} ({age} ans) : pas d'autorisation préfectorale sur son contrat.",
                authorisation,
                child.name,
            )
        )
    if not child.guardian and not supervised:
        out.append(
            _finding(
                "callsheet.minor_guardian",
                Severity.WARN,
                f"{child.name} : ni représentant légal ou accompagnateur sur le contrat, ni "
                "responsable des enfants convoqué ce jour.",
                authorisation,
                child.name,
            )
        )
    return out


def _night(child: Child, age: int, presence: Presence) -> list[Finding]:
    rule = CHILD_ACTORS.load().rule("working_time_limits", "other_restrictions")
    if rule.night_window is None or rule.under_age is None or age >= rule.under_age:
        return []
    hours = hours_in_window(presence.arrival, presence.departure, parse_window(rule.night_window))
    if hours <= 0:
        return []
    return [
        _finding(
            "callsheet.minor_night",
            Severity.for_rule("fail", uncertain=rule.uncertain),
            f"{child.name} ({age} ans) : présence prévue jusqu'à {presence.departure:%H:%M}, "
            f"dans la plage {rule.night_window} interdite aux enfants.",
            rule,
            child.name,
        )
    ]


def _finding(code: str, severity: Severity, message: str, rule: ChildRule, name: str) -> Finding:
    return Finding(
        code, severity, message, source=f"child_actors.yaml {rule.id} : {rule.source}", subject=name
    )
