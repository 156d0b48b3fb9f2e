"""Footprint = Σ quantity (converted to the factor's unit) × factor, line by line.

Arithmetic is decimal; each line is rounded to the gram and the totals are the sums of
the rounded lines, so a report always adds up.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tournage.carbon.activities import Activity
from tournage.carbon.errors import CarbonError
from tournage.carbon.factors import EmissionFactor, FactorTable, factor_table
from tournage.carbon.taxonomy import taxonomy
from tournage.carbon.units import unit_table

GRAM = Decimal("0.001")


@dataclass(frozen=True)
class Line:
    activity: Activity
    factor: EmissionFactor
    quantity: Decimal  # in the factor's unit
    kgco2e: Decimal | None  # None when the factor has no known value
    category: str
    section: str
    albert_group: str
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        activity = self.activity
        return {
            "factor": self.factor.id,
            "quantity": float(activity.quantity),
            "unit": activity.unit,
            "kgco2e": None if self.kgco2e is None else float(self.kgco2e),
            "quantity_in_factor_unit": float(self.quantity),
            "factor_value": None if self.factor.value is None else float(self.factor.value),
            "factor_unit": self.factor.unit,
            "factor_source_year": self.factor.source_year,
            "factor_family": self.factor.family,
            "category": self.category,
            "section": self.section,
            "albert_group": self.albert_group,
            "phase": activity.phase,
            "label": activity.label or self.factor.label_fr,
            "key": activity.key,
            "derivation": activity.derivation,
            "evidence": activity.evidence,
            "note": activity.note,
            "warnings": list(self.warnings),
        }


def _sum_by(lines: Iterable[Line], attribute: str) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for line in lines:
        if line.kgco2e is not None:
            totals[getattr(line, attribute)] += line.kgco2e
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


@dataclass(frozen=True)
class Footprint:
    vintage: str
    lines: tuple[Line, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def quantified(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.kgco2e is not None)

    @property
    def unknown(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.kgco2e is None)

    @property
    def total_kgco2e(self) -> Decimal:
        return sum((line.kgco2e for line in self.quantified if line.kgco2e), Decimal(0))

    def by_category(self) -> dict[str, Decimal]:
        return _sum_by(self.lines, "category")

    def by_section(self) -> dict[str, Decimal]:
        return _sum_by(self.lines, "section")

    def by_albert_group(self) -> dict[str, Decimal]:
        return _sum_by(self.lines, "albert_group")

    def to_dict(self) -> dict[str, Any]:
        def floats(totals: dict[str, Decimal]) -> dict[str, float]:
            return {key: float(value) for key, value in totals.items()}

        return {
            "total_kgco2e": float(self.total_kgco2e),
            "by_category": floats(self.by_category()),
            "by_section": floats(self.by_section()),
            "by_albert_group": floats(self.by_albert_group()),
            "factor_vintage": self.vintage,
            "lines": [line.to_dict() for line in self.quantified],
            "unknown": [line.to_dict() for line in self.unknown],
            "notes": list(self.notes),
        }


def _line_warnings(factor: EmissionFactor) -> tuple[str, ...]:
    warnings = []
    if factor.superseded_by:
        warnings.append(f"factor.superseded: remplacé par {factor.superseded_by}")
    if factor.low_quality:
        warnings.append("factor.monetary: ratio monétaire, qualité faible")
    if factor.value is None:
        warnings.append("factor.unknown_value: aucun facteur fiable trouvé, ligne non chiffrée")
    return tuple(warnings)


def price(activity: Activity, table: FactorTable) -> Line:
    """One activity priced with its factor; refuses a unit that does not fit."""
    factor = table.get(activity.factor)
    if not factor.is_emission_factor:
        raise CarbonError(
            "factor.not_emission",
            f"« {factor.id} » est un coefficient ({factor.unit}), pas un facteur d'émission.",
        )
    try:
        quantity = unit_table().convert(activity.quantity, activity.unit, factor.activity_unit)
    except CarbonError as error:
        where = activity.label or activity.key or factor.id
        raise CarbonError(error.code, f"{where} : {error.message}") from None
    names = taxonomy()
    category = names.category(activity.category or factor.category)
    section = names.check_section(activity.section or category.section)
    kg = None
    if factor.value is not None:
        kg = (quantity * factor.value).quantize(GRAM, rounding=ROUND_HALF_UP)
    return Line(
        activity=activity,
        factor=factor,
        quantity=quantity,
        kgco2e=kg,
        category=category.id,
        section=section,
        albert_group=category.albert_group,
        warnings=_line_warnings(factor),
    )


def _mixed_families(lines: Iterable[Line]) -> tuple[str, ...]:
    families: dict[str, set[str]] = defaultdict(set)
    for line in lines:
        if line.factor.family in {"ademe", "desnz"}:
            families[line.category].add(line.factor.family)
    return tuple(
        f"families.mixed: la catégorie {category} mélange des facteurs ADEME et DESNZ "
        "(conventions différentes, voir la documentation)"
        for category, found in sorted(families.items())
        if len(found) > 1
    )


def compute(activities: Iterable[Activity], table: FactorTable | None = None) -> Footprint:
    table = table or factor_table()
    lines = tuple(price(activity, table) for activity in activities)
    return Footprint(vintage=table.vintage, lines=lines, notes=_mixed_families(lines))
