"""Environmental side of the closing file: the final footprint frozen and dated, forecast
against final by category with the explanations, the levers applied, the Ecoprod score.

Footprints are the carbon domain's (forecast and actual lines by category, in kgCO2e).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from tournage.closing.rules import rules
from tournage.common.formatting import format_number
from tournage.referential.registry import CheckResult
from tournage.referential.verdicts import coverage, present, unknown

CLOSING = "data/closing/closing_file.yaml environmental"


@dataclass(frozen=True)
class Measure:
    label: str
    applied: bool
    saving_kg: Decimal | None = None


@dataclass(frozen=True)
class CarbonInput:
    available: bool = True  # False: the carbon data cannot be computed
    forecast: dict[str, Decimal] = field(default_factory=dict)  # kgCO2e by category
    actual: dict[str, Decimal] = field(default_factory=dict)
    actual_total: Decimal = Decimal(0)  # sum of the actual lines as recorded
    frozen_on: date | None = None
    frozen_kg: Decimal | None = None
    comments: dict[str, str] = field(default_factory=dict)  # category -> explanation
    measures: tuple[Measure, ...] = ()
    ecoprod_targeted: bool = False
    ecoprod_score: Decimal | None = None
    ecoprod_mandatory_met: bool | None = None


@dataclass(frozen=True)
class DeltaRow:
    category: str
    forecast: Decimal
    final: Decimal
    comment: str

    @property
    def delta(self) -> Decimal:
        return self.final - self.forecast

    @property
    def percent(self) -> Decimal | None:
        if self.forecast == 0:
            return None
        return (self.delta * 100 / self.forecast).quantize(Decimal("0.1"))

    @property
    def gap_text(self) -> str:
        """« +12,5 % », or the actual kilograms when nothing was forecast."""
        percent = self.percent
        if percent is None:
            return f"non prévu : {format_number(self.final, 0)} kgCO2e"
        return f"{format_number(percent, 1)} %"

    def is_large(self, threshold: Decimal) -> bool:
        percent = self.percent
        return self.final != 0 if percent is None else abs(percent) > threshold

    def to_dict(self) -> dict[str, Any]:
        percent = self.percent
        return {
            "category": self.category,
            "forecast_kg": str(self.forecast),
            "final_kg": str(self.final),
            "delta_kg": str(self.delta),
            "delta_percent": None if percent is None else str(percent),
            "comment": self.comment,
        }


def delta_rows(data: CarbonInput) -> list[DeltaRow]:
    categories = sorted(set(data.forecast) | set(data.actual))
    zero = Decimal(0)
    return [
        DeltaRow(c, data.forecast.get(c, zero), data.actual.get(c, zero), data.comments.get(c, ""))
        for c in categories
    ]


def threshold() -> Decimal:
    return Decimal(str(rules().forecast_final_delta.large_delta_percent.value))


def final_footprint_present(data: CarbonInput) -> CheckResult:
    if not data.available:
        return unknown("Empreinte carbone non calculable (données carbone invalides).")
    if not data.actual:
        return present(
            False,
            met="",
            not_met="Aucune empreinte définitive (pas d'activités réelles saisies).",
            source=f"{CLOSING}.cnc_final_footprint",
        )
    frozen = data.frozen_on is not None
    return present(
        frozen,
        met=f"Empreinte définitive de {format_number(data.frozen_kg or 0, 0)} kgCO2e figée "
        f"le {data.frozen_on}.",
        not_met="Empreinte réelle saisie mais pas figée ni datée dans le dossier de clôture.",
        source=f"{CLOSING}.cnc_final_footprint",
        action="Figer l'empreinte définitive dans le dossier de clôture.",
    )


def forecast_final_delta(data: CarbonInput) -> CheckResult:
    if not data.available or not data.forecast or not data.actual:
        return unknown("Il faut l'empreinte prévisionnelle et l'empreinte réelle.")
    limit = threshold()
    rows = delta_rows(data)
    large = [r for r in rows if r.is_large(limit)]
    silent = [f"{r.category} ({r.gap_text})" for r in large if not r.comment.strip()]
    return coverage(
        len(large) or len(rows),
        silent,
        met=f"Écarts prévisionnel / réel calculés pour {len(rows)} catégories ; chaque écart "
        f"de plus de {limit} % est expliqué.",
        not_met=f"Écarts de plus de {limit} % sans explication",
        empty="",
        source=f"{CLOSING}.forecast_vs_final",
        uncertain=True,  # the threshold is a user choice (rules.yaml)
    )


def ecoprod_score(data: CarbonInput) -> CheckResult:
    ecoprod = rules().ecoprod
    source = f"{CLOSING}.ecoprod_label.threshold"
    if not data.ecoprod_targeted:
        return present(
            True,
            met="Le label Ecoprod n'est pas visé : pas d'auto-évaluation requise.",
            not_met="",
            source=source,
        )
    if data.ecoprod_score is None:
        return unknown(
            "Label Ecoprod visé mais pas de score d'auto-évaluation saisi.", source=source
        )
    minimum = Decimal(str(ecoprod.min_score_percent.value))
    ok = data.ecoprod_score >= minimum and data.ecoprod_mandatory_met is True
    return present(
        ok,
        met=f"Auto-évaluation Ecoprod {data.ecoprod_score} % (seuil {minimum} %), critères "
        "obligatoires tenus.",
        not_met=f"Auto-évaluation Ecoprod {data.ecoprod_score} % (seuil {minimum} %)"
        + ("" if data.ecoprod_mandatory_met else ", critères obligatoires non tous tenus")
        + ".",
        source=source,
        value=str(data.ecoprod_score),
    )


def carbon_gaps(data: CarbonInput) -> list[str]:
    """carbon final = sum of actuals (``closing_numbers_reconcile``, carbon side)."""
    if not data.available or data.frozen_kg is None:
        return ["empreinte définitive non figée"]
    tolerance = rules().reconcile.carbon_tolerance_kg
    if abs(data.frozen_kg - data.actual_total) > tolerance:
        return [
            f"empreinte figée {format_number(data.frozen_kg, 1)} kg ≠ somme des activités "
            f"réelles {format_number(data.actual_total, 1)} kg"
        ]
    return []


def section(data: CarbonInput) -> dict[str, Any]:
    return {
        "available": data.available,
        "final_kg": str(data.actual_total) if data.actual else None,
        "frozen_kg": None if data.frozen_kg is None else str(data.frozen_kg),
        "frozen_on": data.frozen_on.isoformat() if data.frozen_on else None,
        "forecast_vs_final": [r.to_dict() for r in delta_rows(data)],
        "large_delta_percent": str(threshold()),
        "measures": [
            {
                "label": m.label,
                "applied": m.applied,
                "saving_kg": None if m.saving_kg is None else str(m.saving_kg),
            }
            for m in data.measures
        ],
        "ecoprod": {
            "targeted": data.ecoprod_targeted,
            "score_percent": None if data.ecoprod_score is None else str(data.ecoprod_score),
            "mandatory_met": data.ecoprod_mandatory_met,
        },
    }
