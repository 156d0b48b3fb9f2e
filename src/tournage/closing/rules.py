"""The closing rule tables, typed (``data/closing/rules.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from tournage.common.rules import RuleTable


@dataclass(frozen=True)
class ElementKind:
    label_fr: str
    label_en: str
    technical: bool
    marketing: bool = False


@dataclass(frozen=True)
class Destination:
    label_fr: str
    international: bool
    expects: tuple[str, ...]
    source: str
    uncertain: bool = False


@dataclass(frozen=True)
class Trigger:
    financing_kind: str
    rule: str
    source: Any
    formats: tuple[str, ...] = ()
    min_amount: Decimal | None = None
    uncertain: bool = False


@dataclass(frozen=True)
class Certification:
    triggers: tuple[Trigger, ...]


@dataclass(frozen=True)
class Sourced:
    value: Any
    source: Any = ""
    uncertain: bool = False
    note: str = ""


@dataclass(frozen=True)
class ProductionAccount:
    audiovisual_months_after_completion: Sourced
    cinema_months_after_visa: Sourced


@dataclass(frozen=True)
class Delta:
    large_delta_percent: Sourced
    source: str


@dataclass(frozen=True)
class Ecoprod:
    min_score_percent: Sourced
    commitment_scheme_min_score_percent: Sourced


@dataclass(frozen=True)
class Marketing:
    synopsis_languages: tuple[str, ...]
    source: str
    uncertain: bool = False


@dataclass(frozen=True)
class Reconcile:
    money_tolerance: Decimal
    carbon_tolerance_kg: Decimal
    source: str


@dataclass(frozen=True)
class ClosingRules:
    element_kinds: dict[str, ElementKind]
    destinations: dict[str, Destination]
    marketing: Marketing
    spec_checks: tuple[str, ...]
    format_checks: tuple[str, ...]
    international_profiles: tuple[str, ...]
    outlet_profiles: tuple[str, ...]
    certification: Certification
    production_account: ProductionAccount
    post_production_chapters: Sourced
    forecast_final_delta: Delta
    ecoprod: Ecoprod
    reconcile: Reconcile
    acceptance_duration_tolerance_s: Sourced
    contract_closure: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class OutlineSection:
    id: str
    content: str


@dataclass(frozen=True)
class Outline:
    sections: tuple[OutlineSection, ...]
    note: str = ""
    uncertain: bool = False


RULES = RuleTable("closing/rules.yaml", ClosingRules)
OUTLINE = RuleTable(
    "closing/closing_file.yaml", Outline, select=lambda d: d["closing_file_outline"]
)


def rules() -> ClosingRules:
    return RULES.load()


def marketing_kinds() -> tuple[str, ...]:
    return tuple(k for k, kind in rules().element_kinds.items() if kind.marketing)


def is_technical(kind: str) -> bool:
    element = rules().element_kinds.get(kind)
    return element is not None and element.technical
