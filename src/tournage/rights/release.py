"""National release steps, what each destination expects, and youth-protection signage.

The regime (cinema feature, cinema short, audiovisual work) comes from the format and
the planned channels; each applicable step is dated from an anchor of the production
(first shoot day, first public screening, delivery) and carries its reference number and
document. Destinations follow from the channels (and a sales agreement).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from tournage.common.findings import Finding, Severity
from tournage.common.formatting import format_date
from tournage.rights.rules import RELEASE, Destination, StepRule

DONE = "done"
NOT_APPLICABLE = "not_applicable"


def regime(format_id: str, channels: Sequence[str]) -> str:
    rules = RELEASE.load().regimes
    if any(c in rules.cinema_channels for c in channels):
        return rules.cinema_formats.get(format_id, rules.otherwise)
    return rules.otherwise


def applicable_steps(regime_id: str, channels: Sequence[str], aided: bool) -> list[StepRule]:
    steps = []
    for step in RELEASE.load().steps:
        if regime_id not in step.applies_to or (step.only_if_aided and not aided):
            continue
        if step.needs_channel and not set(step.needs_channel) & set(channels):
            continue
        steps.append(step)
    return steps


def due_date(step: StepRule, anchors: Mapping[str, date | None]) -> date | None:
    anchor = anchors.get(step.anchor) if step.anchor else None
    return None if anchor is None else anchor + timedelta(days=step.offset_days)


@dataclass(frozen=True)
class StepFacts:
    step: str
    status: str  # planned | in_progress | done | not_applicable
    due: date | None = None
    done_on: date | None = None
    reference: str = ""
    has_document: bool = False


def step_findings(
    rule: StepRule, facts: StepFacts | None, anchors: Mapping[str, date | None], today: date
) -> list[Finding]:
    def finding(code: str, message: str, level: str = "fail") -> Finding:
        severity = Severity.for_rule(level, uncertain=rule.uncertain)
        return Finding(code, severity, message, rule.source, rule.fr)

    if facts is None:
        return [finding("REL-MISSING", f"{rule.fr} : étape sans statut ni date.")]
    if facts.status == NOT_APPLICABLE:
        return []
    found = []
    due = due_date(rule, anchors) or facts.due
    if due is None and facts.status != DONE:
        found.append(finding("REL-NO-DATE", f"{rule.fr} : pas d'échéance.", "warn"))
    if facts.status == DONE:
        if rule.reference and not facts.reference.strip():
            found.append(finding("REL-REFERENCE", f"{rule.fr} : numéro non renseigné."))
        if due is not None and facts.done_on is not None and facts.done_on > due:
            found.append(
                finding(
                    "REL-LATE",
                    f"{rule.fr} : fait le {format_date(facts.done_on)}, "
                    f"après l'échéance du {format_date(due)}.",
                )
            )
    elif due is not None and due < today:
        found.append(finding("REL-OVERDUE", f"{rule.fr} : échéance du {format_date(due)} passée."))
    return found


def destinations(channels: Sequence[str], sales_agreement: bool) -> list[Destination]:
    def wanted(destination: Destination) -> bool:
        by_channel = bool(set(destination.channels) & set(channels))
        return by_channel or (destination.when == "sales_agreement" and sales_agreement)

    return [d for d in RELEASE.load().destinations if wanted(d)]


@dataclass(frozen=True)
class RatingFacts:
    """The target signage of one TV / on-demand channel."""

    channel: str
    category: str  # I..V, "" when not set
    slot: time | None = None
    catalogue: bool = False  # on-demand catalogue placement instead of a slot
    cinema_channel: bool = False
    children_programme: bool = False
    trailer_signage: bool = False


def slot_max(slot: time, cinema_channel: bool) -> str:
    """The highest category a slot starting at ``slot`` allows."""
    rules = RELEASE.load().rating
    text = slot.strftime("%H:%M")
    for row in rules.slots["cinema" if cinema_channel else "general"]:
        if row["from"] <= text < row["to"]:
            return row["max"]
    return rules.children_programme_max


def rating_findings(facts: RatingFacts, visa_ban: str = "") -> list[Finding]:
    """Slot vs category, visa floor and trailer signage of one channel."""
    rules = RELEASE.load().rating
    level = Severity.for_rule("fail", uncertain=rules.uncertain)
    subject = facts.channel
    if not facts.category:
        return [
            Finding(
                "RATE-MISSING",
                level,
                f"{facts.channel} : pas de catégorie visée.",
                rules.source,
                subject,
            )
        ]
    found = []
    if facts.slot is None and not facts.catalogue:
        found.append(
            Finding(
                "RATE-SLOT-MISSING",
                level,
                f"{facts.channel} : ni case horaire ni placement catalogue.",
                rules.source,
                subject,
            )
        )
    allowed = _allowed(facts)
    if allowed is not None and rules.rank(facts.category) > rules.rank(allowed):
        found.append(
            Finding(
                "RATE-SLOT",
                level,
                f"{facts.channel} : catégorie {facts.category} incompatible avec "
                f"la case (au plus {allowed}).",
                rules.source,
                subject,
                {"allowed": allowed},
            )
        )
    floor = rules.visa_floor.get(visa_ban)
    if floor and rules.rank(facts.category) < rules.rank(floor):
        found.append(
            Finding(
                "RATE-VISA-FLOOR",
                level,
                f"{facts.channel} : film interdit aux moins de {visa_ban} ans en "
                f"salle, catégorie {floor} au moins.",
                rules.source,
                subject,
            )
        )
    return found


def _allowed(facts: RatingFacts) -> str | None:
    rules = RELEASE.load().rating
    if facts.children_programme:
        return rules.children_programme_max
    if facts.slot is None:
        return None
    return slot_max(facts.slot, facts.cinema_channel)


def trailer_needs_signage(facts: RatingFacts) -> bool:
    rules = RELEASE.load().rating
    return bool(facts.category) and rules.rank(facts.category) >= rules.rank(
        rules.trailer_signage_from
    )
