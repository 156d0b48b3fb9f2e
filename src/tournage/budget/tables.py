"""The budget domain's YAML tables (``data/budget/*.yaml``), typed and validated when read.

Figures keep their source and their ``uncertain`` flag as the data gives them. A file that
does not match these shapes is refused with a ``RuleTableError`` naming the file and key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tournage.common.rules import RuleTable, iso_dates

# funding_sources.yaml: the facts, with sources ------------------------------------------


@dataclass(frozen=True)
class AidFact:
    id: str
    name: str
    required_documents: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    as_of: str | int = ""
    uncertain: tuple[str, ...] = ()  # fields of this fact that are poorly sourced


@dataclass(frozen=True)
class AidIntensity:
    """Public-aid ceilings, in percent of the final cost (CNC rules)."""

    source: str
    long_metrage_percent: Decimal
    long_metrage_difficile_ou_petit_budget_percent: Decimal
    long_metrage_difficile_sans_credit_impot_percent: Decimal
    audiovisuel_percent: Decimal
    audiovisuel_difficile_percent: Decimal
    court_metrage_percent: Decimal
    small_budget_definition_eur: Decimal


@dataclass(frozen=True)
class CrossCuttingFacts:
    public_aid_intensity: AidIntensity


@dataclass(frozen=True)
class FundingSources:
    aids: tuple[AidFact, ...]
    cross_cutting_conditions: CrossCuttingFacts


# aid_criteria.yaml: tournage's machine-checkable reading of those facts -----------------


@dataclass(frozen=True)
class Criterion:
    """One of: ``flag`` with ``expected``; ``min`` or ``max`` (a profile field) with
    ``value``; ``region``. ``stages``: the stages it applies to (all when absent)."""

    flag: str | None = None
    expected: bool | None = None
    min: str | None = None
    max: str | None = None
    value: Decimal | None = None
    region: str | None = None
    stages: tuple[str, ...] | None = None
    reason: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        kinds = [self.flag is not None, self.bound is not None, self.region is not None]
        if kinds.count(True) != 1:
            raise ValueError("un critère est soit flag, soit min/max avec value, soit region")

    @property
    def bound(self) -> tuple[str, Decimal] | None:
        """(profile field, limit) of a ``min`` or ``max`` criterion."""
        field_name = self.min or self.max
        if field_name is None or self.value is None:
            return None
        return field_name, self.value


@dataclass(frozen=True)
class CrossCutting:
    id: str
    applies_to: tuple[str, ...]
    genres: tuple[str, ...]
    criterion: Criterion
    reason: str
    document: str
    source: str


@dataclass(frozen=True)
class AmountRow:
    """An amount for the profiles whose format, genre and stage are listed (when given)."""

    max_eur: Decimal | None
    min_eur: Decimal | None = None
    formats: tuple[str, ...] | None = None
    genres: tuple[str, ...] | None = None
    stages: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Amount:
    max_eur: Decimal | None
    min_eur: Decimal | None = None
    by: tuple[AmountRow, ...] = ()
    max_percent_of_budget: Decimal | None = None
    max_percent_of_budget_female_director: Decimal | None = None
    spend_percent_of_aid: Decimal | None = None  # the aid <= regional spend / this percent
    note: str = ""


@dataclass(frozen=True)
class AidRule:
    formats: tuple[str, ...]
    genres: tuple[str, ...]
    stages: tuple[str, ...]
    amount: Amount
    criteria: tuple[Criterion, ...] | None = ()  # written empty (null) for some aids
    superseded_by: str = ""
    warning: str = ""
    bonus: str = ""


@dataclass(frozen=True)
class AidCriteria:
    cross_cutting: tuple[CrossCutting, ...]
    aids: dict[str, AidRule]


# financing_kinds.yaml -------------------------------------------------------------------


@dataclass(frozen=True)
class KindSpec:
    label: str
    public: bool
    uncertain: bool = False


@dataclass(frozen=True)
class FinancingKinds:
    kinds: dict[str, KindSpec]


# tax_credits.yaml and tax_credit_base.yaml ------------------------------------------------


@dataclass(frozen=True)
class CinemaRates:
    base_percent: Decimal
    raised_percent: Decimal
    raised_applies_to: str


@dataclass(frozen=True)
class Cap:
    per_work_eur: Decimal


@dataclass(frozen=True)
class CinemaCredit:
    id: str
    name: str
    rates: CinemaRates
    cap: Cap


@dataclass(frozen=True)
class AudiovisualRates:
    documentary_percent: Decimal
    fiction_percent: Decimal
    animation_percent: Decimal
    uncertain: bool = False


@dataclass(frozen=True)
class CostStep:
    """A per-minute cap for fiction below an upper cost per minute (none: the last step)."""

    cap_eur: Decimal
    cost_per_minute_below_eur: Decimal | None = None
    below_eur: Decimal | None = None

    @property
    def upper(self) -> Decimal | None:
        return self.cost_per_minute_below_eur or self.below_eur


@dataclass(frozen=True)
class PerMinuteCaps:
    documentary: Decimal
    animation: Decimal
    fiction_by_cost_per_minute: tuple[CostStep, ...]
    animation_uncertain: bool = False


@dataclass(frozen=True)
class AudiovisualCredit:
    id: str
    name: str
    rates: AudiovisualRates
    per_minute_caps_eur: PerMinuteCaps


def _credit(credit_id: str) -> Callable[[Any], Any]:
    """The entry of tax_credits.yaml's ``credits`` list with that id (empty if none)."""
    return lambda document: next((c for c in document["credits"] if c["id"] == credit_id), {})


@dataclass(frozen=True)
class TaxCreditBase:
    eligible_chapters: frozenset[str]
    caveats: tuple[str, ...]


# chart_cinema.yaml and chart_audiovisual.yaml ------------------------------------------


@dataclass(frozen=True)
class Reference:
    url: str
    title: str
    date: str = ""


@dataclass(frozen=True)
class AccountSpec:
    code: str
    label: str


@dataclass(frozen=True)
class ChapterSpec:
    code: str
    label: str
    accounts: tuple[AccountSpec, ...]
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class OverheadSpec:
    """Frais généraux or imprévus: a percentage of the chapters total chosen by the producer."""

    code: str
    key: str
    label: str
    max_percent: Decimal | None
    rule: str
    base_uncertain: bool = False
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChartMeta:
    title: str
    uncertain: bool = False
    accounts_from: str | None = None  # the variant whose chapters this one reuses


@dataclass(frozen=True)
class ChartFile:
    meta: ChartMeta
    chapters: tuple[ChapterSpec, ...] = ()
    overheads: tuple[OverheadSpec, ...] = ()
    sources: dict[str, Reference] | None = None


# fringes.yaml ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DatedRate:
    rate: Decimal
    source: str
    as_of: str
    uncertain: bool
    detail: str = ""


@dataclass(frozen=True)
class ComponentSpec:
    """A rate with its source and date; ``rate`` null where no sourced figure was found."""

    label: str
    rate: Decimal | None
    source: str | None = None
    as_of: str | None = None
    uncertain: bool | None = None  # unset: uncertain exactly when the rate is unknown
    detail: str = ""
    note: str = ""
    short_cddu: DatedRate | None = None  # the rate for a CDDU of three months or less


@dataclass(frozen=True)
class CategorySpec:
    label: str
    account: str
    components: tuple[str, ...]


@dataclass(frozen=True)
class Fringes:
    components: dict[str, ComponentSpec]
    categories: dict[str, CategorySpec]


FUNDING_SOURCES = RuleTable("budget/funding_sources.yaml", FundingSources, select=iso_dates)
AID_CRITERIA = RuleTable("budget/aid_criteria.yaml", AidCriteria)
FINANCING_KINDS = RuleTable("budget/financing_kinds.yaml", FinancingKinds)
CINEMA_CREDIT = RuleTable(
    "budget/tax_credits.yaml", CinemaCredit, select=_credit("credit_impot_cinema")
)
AUDIOVISUAL_CREDIT = RuleTable(
    "budget/tax_credits.yaml", AudiovisualCredit, select=_credit("credit_impot_audiovisuel")
)
TAX_CREDIT_BASE = RuleTable("budget/tax_credit_base.yaml", TaxCreditBase)
FRINGES = RuleTable("budget/fringes.yaml", Fringes)
CHARTS = {
    variant: RuleTable(f"budget/chart_{variant}.yaml", ChartFile, select=iso_dates)
    for variant in ("cinema", "audiovisual")
}
