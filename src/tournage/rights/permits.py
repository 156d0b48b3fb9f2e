"""Shooting permits against the shoot days of the accepted plan de travail.

A location shot on some days needs, per authority, a permit requested before the
authority's lead time counted back from its first shoot day, and granted before each
day; or a "not needed" answer with its reason. Lead times resting on an uncertain
source only warn.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from tournage.common.findings import Finding, Severity
from tournage.common.formatting import format_date
from tournage.rights.calendar import deadline
from tournage.rights.rules import PERMITS, Authority

REQUESTED = frozenset({"requested", "granted"})


@dataclass(frozen=True)
class PermitFacts:
    """One permit of the register, with the days its location is shot."""

    location: str
    authority: str
    status: str  # to_request | requested | granted | refused | not_needed
    shoot_days: tuple[date, ...]
    requested_on: date | None = None
    granted_on: date | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    reason: str = ""
    insurance_on_file: bool = False

    @property
    def first_day(self) -> date | None:
        return min(self.shoot_days, default=None)

    def covers(self, day: date) -> bool:
        """Granted before ``day`` and valid on it."""
        if self.status == "not_needed":
            return bool(self.reason.strip())
        if self.status != "granted" or self.granted_on is None or self.granted_on > day:
            return False
        return (self.valid_from or date.min) <= day <= (self.valid_to or date.max)


@dataclass(frozen=True)
class PermitReport:
    facts: PermitFacts
    authority_name: str
    deadline: date | None
    uncertain: bool
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def uncovered_days(self) -> tuple[date, ...]:
        return tuple(d for d in self.facts.shoot_days if not self.facts.covers(d))


def request_deadline(facts: PermitFacts) -> tuple[date | None, Authority | None]:
    authority = PERMITS.load().authority(facts.authority)
    first = facts.first_day
    if authority is None or authority.lead_time is None or first is None:
        return None, authority
    return deadline(first, authority.lead_time), authority


def evaluate(facts: PermitFacts, today: date) -> PermitReport:
    due, authority = request_deadline(facts)
    uncertain = bool(authority and authority.lead_time and authority.lead_time.uncertain)
    source = authority.source if authority else PERMITS.load().source
    findings = [*_status(facts, source), *_timing(facts, due, today, uncertain, source)]
    findings += _coverage(facts, today, source)
    return PermitReport(
        facts,
        authority.name_fr if authority else facts.authority,
        due,
        uncertain,
        tuple(findings),
    )


def _finding(
    code: str,
    level: str,
    message: str,
    facts: PermitFacts,
    source: str,
    uncertain: bool = False,
    **evidence: object,
) -> Finding:
    return Finding(
        code,
        Severity.for_rule(level, uncertain=uncertain),
        message,
        source,
        facts.location,
        evidence,
    )


def _status(facts: PermitFacts, source: str) -> Iterable[Finding]:
    if facts.status == "not_needed" and not facts.reason.strip():
        yield _finding(
            "PERMIT-REASON",
            "fail",
            f"{facts.location} : « pas d'autorisation nécessaire » sans motif.",
            facts,
            source,
        )
    if facts.status == "refused":
        yield _finding(
            "PERMIT-REFUSED",
            "fail",
            f"{facts.location} : autorisation refusée, trouver un autre lieu.",
            facts,
            source,
        )
    if facts.status in REQUESTED and not facts.insurance_on_file:
        rule = PERMITS.load().insurance_certificate
        yield _finding(
            "PERMIT-INSURANCE",
            "warn",
            f"{facts.location} : pas d'attestation d'assurance RC jointe à la demande.",
            facts,
            rule.source,
        )


def _timing(
    facts: PermitFacts, due: date | None, today: date, uncertain: bool, source: str
) -> Iterable[Finding]:
    if due is None or facts.status == "not_needed":
        return
    filed = facts.requested_on if facts.status in REQUESTED else None
    if filed is not None:
        if filed > due:
            yield _finding(
                "PERMIT-LATE",
                "fail",
                f"{facts.location} : demande déposée le {format_date(filed)}, "
                f"après la date limite du {format_date(due)}.",
                facts,
                source,
                uncertain,
                deadline=due,
                requested_on=filed,
            )
        return
    if today > due:
        yield _finding(
            "PERMIT-DEADLINE-PASSED",
            "fail",
            f"{facts.location} : date limite de demande dépassée "
            f"({format_date(due)}) pour le {format_date(facts.first_day)}.",
            facts,
            source,
            uncertain,
            deadline=due,
        )
    elif today + timedelta(days=PERMITS.load().warning_days) >= due:
        yield _finding(
            "PERMIT-DEADLINE-NEAR",
            "warn",
            f"{facts.location} : demande à déposer avant le {format_date(due)}.",
            facts,
            source,
            deadline=due,
        )


def _coverage(facts: PermitFacts, today: date, source: str) -> Iterable[Finding]:
    if facts.status == "not_needed":
        return
    missing = [d for d in facts.shoot_days if not facts.covers(d)]
    if not missing:
        return
    passed = [d for d in missing if d <= today]
    level = "fail" if passed else "warn"
    days = ", ".join(format_date(d) for d in missing[:5])
    yield _finding(
        "PERMIT-NOT-GRANTED",
        level,
        f"{facts.location} : pas d'autorisation accordée pour le(s) jour(s) {days}.",
        facts,
        source,
        days=[d.isoformat() for d in missing],
    )


def unpermitted_locations(
    shot: dict[str, Sequence[date]], permits: Iterable[PermitFacts]
) -> list[str]:
    """Locations of the plan (name → shoot days) without any permit entry."""
    known = {p.location for p in permits}
    return sorted(name for name, days in shot.items() if days and name not in known)
