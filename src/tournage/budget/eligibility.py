"""Which aids a production can claim, which it cannot, and why.

Reads funding_sources.yaml (facts with sources) and aid_criteria.yaml (tournage's
machine-checkable reading of them). A verdict is "likely eligible / to check", never a
promise: most aids are selective. Unknown profile values give "to check", not a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from tournage.budget.money import HUNDRED, money
from tournage.budget.tables import (
    AID_CRITERIA,
    FUNDING_SOURCES,
    AidFact,
    AidRule,
    Amount,
    AmountRow,
    Criterion,
    CrossCutting,
)

ELIGIBLE, NOT_ELIGIBLE, TO_CHECK = "eligible", "not_eligible", "to_check"


@dataclass
class ProjectProfile:
    format: str
    genre: str
    stage: str = "production"
    budget_total_eur: Decimal | None = None
    regions: list[str] = field(default_factory=list)
    regional_spend_eur: dict[str, Decimal] = field(default_factory=dict)
    coproduction_countries: int | None = 1
    subscribers: int | None = None
    flags: dict[str, bool | None] = field(default_factory=dict)


@dataclass(frozen=True)
class AidVerdict:
    aid: str
    name: str
    status: str
    reasons: tuple[str, ...]
    amount_min: Decimal | None
    amount_max: Decimal | None
    documents: tuple[str, ...]
    warnings: tuple[str, ...]
    sources: tuple[str, ...]
    as_of: str

    @property
    def eligible(self) -> bool:
        return self.status == ELIGIBLE


def cross_cutting_conditions() -> tuple[CrossCutting, ...]:
    """Conditions shared by several aids (forecast footprint, accessibility files)."""
    return AID_CRITERIA.load().cross_cutting


def match_aids(profile: ProjectProfile) -> list[AidVerdict]:
    criteria = AID_CRITERIA.load()
    return [
        _verdict(profile, aid, criteria.aids[aid.id], criteria.cross_cutting)
        for aid in FUNDING_SOURCES.load().aids
    ]


def _verdict(
    profile: ProjectProfile, fact: AidFact, rule: AidRule, cross: tuple[CrossCutting, ...]
) -> AidVerdict:
    failed: list[str] = []
    unknown: list[str] = []
    documents = list(fact.required_documents)
    _check_scope(profile, rule, failed)
    if rule.superseded_by:
        failed.append(f"Dispositif remplacé par « {rule.superseded_by} ».")
    for criterion in rule.criteria or ():
        if criterion.stages is None or profile.stage in criterion.stages:
            _check(profile, criterion, criterion.reason, failed, unknown)
    for condition in cross:
        if fact.id in condition.applies_to and profile.genre in condition.genres:
            _check(profile, condition.criterion, condition.reason, failed, unknown)
            documents.append(condition.document)
    warnings = [f"Champ peu sourcé : {u}" for u in fact.uncertain]
    if rule.warning:
        warnings.append(rule.warning)
    status = NOT_ELIGIBLE if failed else TO_CHECK if unknown else ELIGIBLE
    reasons = failed + [f"À vérifier : {u}" for u in unknown]
    if status == ELIGIBLE:
        reasons.append("Conditions connues remplies ; aide sélective : décision d'une commission.")
    if rule.bonus:
        reasons.append(rule.bonus)
    low, high = _amount(profile, rule)
    return AidVerdict(
        aid=fact.id,
        name=fact.name,
        status=status,
        reasons=tuple(reasons),
        amount_min=low,
        amount_max=high,
        documents=tuple(documents),
        warnings=tuple(warnings),
        sources=fact.sources,
        as_of=str(fact.as_of),
    )


_SCOPE = (
    ("format", "formats", "Format non couvert ({value} ; couverts : {allowed})."),
    ("genre", "genres", "Genre non couvert ({value} ; couverts : {allowed})."),
    ("stage", "stages", "Étape non couverte ({value} ; couvertes : {allowed})."),
)


def _check_scope(profile: ProjectProfile, rule: AidRule, failed: list[str]) -> None:
    for attribute, key, message in _SCOPE:
        value = getattr(profile, attribute)
        allowed: tuple[str, ...] = getattr(rule, key)
        if value not in allowed:
            failed.append(message.format(value=value, allowed=", ".join(allowed)))


def _check(
    profile: ProjectProfile,
    criterion: Criterion,
    reason: str,
    failed: list[str],
    unknown: list[str],
) -> None:
    outcome = _outcome(profile, criterion)
    if outcome is None:
        unknown.append(reason)
    elif not outcome:
        failed.append(reason)


def _outcome(profile: ProjectProfile, criterion: Criterion) -> bool | None:
    """True when met, False when failed, None when the profile does not say."""
    if criterion.flag is not None:
        value = profile.flags.get(criterion.flag)
        return None if value is None else value == criterion.expected
    if criterion.region is not None:
        return criterion.region in profile.regions
    bound = criterion.bound
    assert bound is not None  # a criterion of no known kind is refused when the table is read
    field_name, limit = bound
    number = getattr(profile, field_name)
    if number is None:
        return None
    return bool(Decimal(number) >= limit) if criterion.min else bool(Decimal(number) <= limit)


def _amount(profile: ProjectProfile, rule: AidRule) -> tuple[Decimal | None, Decimal | None]:
    amount = rule.amount
    low, high = amount.min_eur, amount.max_eur
    for row in amount.by:
        if _row_matches(profile, row):
            low, high = row.min_eur if row.min_eur is not None else low, row.max_eur
            break
    ceiling = _min(high, _budget_share(profile, amount))
    region = next((c.region for c in rule.criteria or () if c.region is not None), None)
    ceiling = _min(ceiling, _spend_cap(profile, amount, region))
    return low, ceiling


def _row_matches(profile: ProjectProfile, row: AmountRow) -> bool:
    scopes = ((attribute, getattr(row, key)) for attribute, key, _ in _SCOPE)
    return all(
        getattr(profile, attribute) in allowed
        for attribute, allowed in scopes
        if allowed is not None
    )


def _budget_share(profile: ProjectProfile, amount: Amount) -> Decimal | None:
    percent = amount.max_percent_of_budget
    if (
        profile.flags.get("female_director")
        and amount.max_percent_of_budget_female_director is not None
    ):
        percent = amount.max_percent_of_budget_female_director
    if percent is None or profile.budget_total_eur is None:
        return None
    return money(profile.budget_total_eur * percent / HUNDRED)


def _spend_cap(profile: ProjectProfile, amount: Amount, region: str | None) -> Decimal | None:
    """Aids tied to regional spend cannot exceed spend / (percent required of the aid)."""
    spend = profile.regional_spend_eur.get(region or "")
    if amount.spend_percent_of_aid is None or spend is None:
        return None
    return money(spend * HUNDRED / amount.spend_percent_of_aid)


def _min(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    if a is None or b is None:
        return a if b is None else b
    return min(a, b)
