"""Financing plan: sources, balance against the budget, public-aid share and its ceiling."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from tournage.budget.errors import BudgetError
from tournage.budget.money import ZERO, share_percent
from tournage.budget.tables import FINANCING_KINDS, FUNDING_SOURCES

STATUSES = ("planned", "confirmed", "received")


@dataclass(frozen=True)
class SourceKind:
    key: str
    label: str
    public: bool
    uncertain: bool


@cache
def source_kinds() -> dict[str, SourceKind]:
    return {
        key: SourceKind(key, spec.label, spec.public, spec.uncertain)
        for key, spec in FINANCING_KINDS.load().kinds.items()
    }


def source_kind(key: str) -> SourceKind:
    try:
        return source_kinds()[key]
    except KeyError:
        raise BudgetError(
            "UNKNOWN_SOURCE_KIND", f"Type de financement « {key} » inconnu."
        ) from None


@dataclass
class FinancingSource:
    kind: str
    label: str
    amount: Decimal
    status: str = "planned"
    received: Decimal = ZERO
    aid_id: str | None = None

    def __post_init__(self) -> None:
        source_kind(self.kind)
        if self.status not in STATUSES:
            raise BudgetError("UNKNOWN_STATUS", f"Statut de financement « {self.status} » inconnu.")

    @property
    def public(self) -> bool:
        return source_kind(self.kind).public


@dataclass
class FinancingPlan:
    sources: list[FinancingSource] = field(default_factory=list)


@dataclass(frozen=True)
class IntensityCeiling:
    percent: Decimal
    rule: str
    source: str


@dataclass(frozen=True)
class FinancingSummary:
    total: Decimal
    public_total: Decimal
    public_share: Decimal | None
    ceiling: IntensityCeiling | None
    over_ceiling: bool
    gap: Decimal  # budget - financing: > 0 means not yet financed
    received: Decimal


def summarize(
    plan: FinancingPlan, budget_total: Decimal, ceiling: IntensityCeiling | None
) -> FinancingSummary:
    total = sum((s.amount for s in plan.sources), ZERO)
    public_total = sum((s.amount for s in plan.sources if s.public), ZERO)
    share = share_percent(public_total, budget_total)
    return FinancingSummary(
        total=total,
        public_total=public_total,
        public_share=share,
        ceiling=ceiling,
        over_ceiling=ceiling is not None and share is not None and share > ceiling.percent,
        gap=budget_total - total,
        received=sum((s.received for s in plan.sources), ZERO),
    )


def intensity_ceiling(
    work_format: str,
    budget_total: Decimal,
    difficult: bool | None = None,
    uses_tax_credit: bool = True,
) -> IntensityCeiling | None:
    """Public-aid ceiling (share of final cost) from the CNC rules quoted in the data.

    ``difficult``: first or second film (cinema) / derogation for a difficult work (TV).
    """
    rules = FUNDING_SOURCES.load().cross_cutting_conditions.public_aid_intensity
    source = rules.source
    small = budget_total <= rules.small_budget_definition_eur
    if work_format == "court_metrage":
        return IntensityCeiling(rules.court_metrage_percent, "Court métrage", source)
    if work_format == "long_metrage":
        if (difficult or small) and not uses_tax_credit:
            percent, rule = (
                rules.long_metrage_difficile_sans_credit_impot_percent,
                ("Long métrage difficile ou à petit budget sans crédit d'impôt"),
            )
        elif difficult or small:
            percent, rule = (
                rules.long_metrage_difficile_ou_petit_budget_percent,
                ("Long métrage difficile (1er ou 2e film) ou petit budget"),
            )
        else:
            percent, rule = rules.long_metrage_percent, "Long métrage"
        return IntensityCeiling(percent, rule, source)
    if work_format in ("unitaire_tv", "serie_tv"):
        if difficult:
            return IntensityCeiling(
                rules.audiovisuel_difficile_percent,
                "Œuvre audiovisuelle difficile (dérogation)",
                source,
            )
        return IntensityCeiling(rules.audiovisuel_percent, "Œuvre audiovisuelle", source)
    return None
