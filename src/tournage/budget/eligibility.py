"""Which aids a production can claim, which it cannot, and why.

Reads funding_sources.yaml (facts with sources) and aid_criteria.yaml (tournage's
machine-checkable reading of them). A verdict is "likely eligible / to check", never a
promise: most aids are selective. Unknown profile values give "to check", not a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from tournage.budget.money import HUNDRED, money
from tournage.data import load_yaml

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


@cache
def _data() -> tuple[dict[str, Any], dict[str, Any]]:
    return load_yaml("budget/funding_sources.yaml"), load_yaml("budget/aid_criteria.yaml")


def cross_cutting_conditions() -> list[dict[str, Any]]:
    """Conditions shared by several aids (forecast footprint, accessibility files)."""
    return list(_data()[1]["cross_cutting"])


def match_aids(profile: ProjectProfile) -> list[AidVerdict]:
    facts, criteria = _data()
    return [
        _verdict(profile, aid, criteria["aids"][aid["id"]], criteria["cross_cutting"])
        for aid in facts["aids"]
    ]


def _verdict(
    profile: ProjectProfile, fact: dict[str, Any], rule: dict[str, Any], cross: list[Any]
) -> AidVerdict:
    failed: list[str] = []
    unknown: list[str] = []
    documents = [str(d) for d in fact.get("required_documents", [])]
    _check_scope(profile, rule, failed)
    if rule.get("superseded_by"):
        failed.append(f"Dispositif remplacé par « {rule['superseded_by']} ».")
    for criterion in rule["criteria"]:
        if profile.stage in criterion.get("stages", [profile.stage]):
            _check(profile, criterion, criterion["reason"], failed, unknown)
    for condition in cross:
        if fact["id"] in condition["applies_to"] and profile.genre in condition["genres"]:
            _check(profile, condition["criterion"], condition["reason"], failed, unknown)
            documents.append(condition["document"])
    warnings = [f"Champ peu sourcé : {u}" for u in fact.get("uncertain", [])]
    if rule.get("warning"):
        warnings.append(rule["warning"])
    status = NOT_ELIGIBLE if failed else TO_CHECK if unknown else ELIGIBLE
    reasons = failed + [f"À vérifier : {u}" for u in unknown]
    if status == ELIGIBLE:
        reasons.append("Conditions connues remplies ; aide sélective : décision d'une commission.")
    if rule.get("bonus"):
        reasons.append(rule["bonus"])
    low, high = _amount(profile, rule)
    return AidVerdict(
        aid=fact["id"],
        name=fact["name"],
        status=status,
        reasons=tuple(reasons),
        amount_min=low,
        amount_max=high,
        documents=tuple(documents),
        warnings=tuple(warnings),
        sources=tuple(fact.get("sources", ())),
        as_of=str(fact.get("as_of", "")),
    )


_SCOPE = (
    ("format", "formats", "Format non couvert ({value} ; couverts : {allowed})."),
    ("genre", "genres", "Genre non couvert ({value} ; couverts : {allowed})."),
    ("stage", "stages", "Étape non couverte ({value} ; couvertes : {allowed})."),
)


def _check_scope(profile: ProjectProfile, rule: dict[str, Any], failed: list[str]) -> None:
    for attribute, key, message in _SCOPE:
        value = getattr(profile, attribute)
        if value not in rule[key]:
            failed.append(message.format(value=value, allowed=", ".join(rule[key])))


def _check(
    profile: ProjectProfile,
    criterion: dict[str, Any],
    reason: str,
    failed: list[str],
    unknown: list[str],
) -> None:
    outcome = _outcome(profile, criterion)
    if outcome is None:
        unknown.append(reason)
    elif not outcome:
        failed.append(reason)


def _outcome(profile: ProjectProfile, criterion: dict[str, Any]) -> bool | None:
    """True when met, False when failed, None when the profile does not say."""
    if "flag" in criterion:
        value = profile.flags.get(criterion["flag"])
        return None if value is None else value == criterion["expected"]
    if "region" in criterion:
        return criterion["region"] in profile.regions
    field_name = criterion.get("min") or criterion["max"]
    number = getattr(profile, field_name)
    if number is None:
        return None
    limit = Decimal(str(criterion["value"]))
    return bool(Decimal(number) >= limit) if "min" in criterion else bool(Decimal(number) <= limit)


def _amount(profile: ProjectProfile, rule: dict[str, Any]) -> tuple[Decimal | None, Decimal | None]:
    amount: dict[str, Any] = rule["amount"]
    low, high = amount.get("min_eur"), amount.get("max_eur")
    for row in amount.get("by", []):
        if _row_matches(profile, row):
            low, high = row.get("min_eur", low), row["max_eur"]
            break
    ceiling = _dec(high)
    ceiling = _min(ceiling, _budget_share(profile, amount))
    region = next((c["region"] for c in rule["criteria"] if "region" in c), None)
    ceiling = _min(ceiling, _spend_cap(profile, amount, region))
    return _dec(low), ceiling


def _row_matches(profile: ProjectProfile, row: dict[str, Any]) -> bool:
    return all(
        getattr(profile, attribute) in row[key] for attribute, key, _ in _SCOPE if key in row
    )


def _budget_share(profile: ProjectProfile, amount: dict[str, Any]) -> Decimal | None:
    key = "max_percent_of_budget"
    if profile.flags.get("female_director") and "max_percent_of_budget_female_director" in amount:
        key = "max_percent_of_budget_female_director"
    if key not in amount or profile.budget_total_eur is None:
        return None
    return money(profile.budget_total_eur * Decimal(str(amount[key])) / HUNDRED)


def _spend_cap(
    profile: ProjectProfile, amount: dict[str, Any], region: str | None
) -> Decimal | None:
    """Aids tied to regional spend cannot exceed spend / (percent required of the aid)."""
    spend = profile.regional_spend_eur.get(region or "")
    if "spend_percent_of_aid" not in amount or spend is None:
        return None
    return money(spend * HUNDRED / Decimal(str(amount["spend_percent_of_aid"])))


def _dec(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _min(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    if a is None or b is None:
        return a if b is None else b
    return min(a, b)
