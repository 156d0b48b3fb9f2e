"""Feasibility of the brief, dimension by dimension, from what tournage already knows."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from tournage.common.formatting import format_money, format_number

from .rules import RULES


class Verdict(StrEnum):
    FITS = "fits"
    TIGHT = "tight"
    DOES_NOT_FIT = "does_not_fit"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Dimension:
    dimension: str
    verdict: Verdict
    reasons: tuple[str, ...]
    uncertain: bool = False

    def to_dict(self) -> dict[str, object]:
        return {
            "dimension": self.dimension,
            "verdict": str(self.verdict),
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True)
class Inputs:
    """What feasibility reads; ``None`` where the production has no such data yet."""

    script_pages: float | None = None
    target_minutes: int | None = None
    budget_estimate: Decimal | None = None
    budget_envelope: Decimal | None = None
    pace_pages_per_day: Decimal | None = None
    shoot_start: date | None = None
    deadline: date | None = None
    minors: int = 0
    night_scenes: int = 0
    carbon_forecast_kg: Decimal | None = None
    labour_notes: tuple[str, ...] = field(default_factory=tuple)
    # (aid name, eligible | not_eligible | to_check) of the aids the financing plan targets
    aids: tuple[tuple[str, str], ...] | None = None


def estimated_minutes(pages: float) -> float:
    return pages * RULES.load().minutes_per_page.value


def _against(value: float, ceiling: float) -> Verdict:
    """At most the ceiling less the margin fits; up to the ceiling is tight."""
    margin = RULES.load().feasibility_margin.value
    if value <= ceiling * (1 - margin):
        return Verdict.FITS
    return Verdict.TIGHT if value <= ceiling else Verdict.DOES_NOT_FIT


def duration(inputs: Inputs) -> Dimension:
    if inputs.script_pages is None or not inputs.target_minutes:
        return Dimension("duration", Verdict.UNKNOWN, ("Pas de scénario ou pas de durée cible.",))
    minutes = estimated_minutes(inputs.script_pages)
    margin = RULES.load().feasibility_margin.value
    gap = abs(minutes - inputs.target_minutes) / inputs.target_minutes
    verdict = (
        Verdict.FITS
        if gap <= margin
        else Verdict.TIGHT
        if gap <= 2 * margin
        else Verdict.DOES_NOT_FIT
    )
    reason = (
        f"{format_number(inputs.script_pages, 1)} pages ≈ {format_number(minutes, 1)} min "
        f"pour {inputs.target_minutes} min demandées."
    )
    return Dimension("duration", verdict, (reason,), uncertain=True)


def budget(inputs: Inputs) -> Dimension:
    if inputs.budget_estimate is None or inputs.budget_envelope is None:
        return Dimension("budget", Verdict.UNKNOWN, ("Pas de devis ou pas d'enveloppe.",))
    verdict = _against(float(inputs.budget_estimate), float(inputs.budget_envelope))
    reason = (
        f"Devis {format_money(inputs.budget_estimate)} pour une enveloppe de "
        f"{format_money(inputs.budget_envelope)}."
    )
    return Dimension("budget", verdict, (reason,))


def shooting_days(pages: float, pace: Decimal) -> int:
    return math.ceil(pages / float(pace)) if pace > 0 else 0


def schedule(inputs: Inputs) -> Dimension:
    pages, pace = inputs.script_pages, inputs.pace_pages_per_day
    if pages is None or not pace:
        return Dimension("schedule", Verdict.UNKNOWN, ("Pas de scénario ou pas de rythme.",))
    days = shooting_days(pages, pace)
    reasons = [f"{days} jours de tournage à {format_number(pace, 1)} pages par jour."]
    if inputs.shoot_start is None or inputs.deadline is None:
        return Dimension("schedule", Verdict.UNKNOWN, (*reasons, "Début ou échéance inconnus."))
    available = (inputs.deadline - inputs.shoot_start).days
    reasons.append(f"{available} jours entre le premier jour de tournage et l'échéance.")
    return Dimension("schedule", _against(days, available), tuple(reasons))


def labour(inputs: Inputs) -> Dimension:
    reasons = list(inputs.labour_notes)
    if inputs.minors:
        reasons.append(f"{inputs.minors} enfant(s) au casting : autorisations et horaires réduits.")
    if inputs.night_scenes:
        reasons.append(f"{inputs.night_scenes} séquence(s) de nuit : majorations et repos.")
    verdict = Verdict.TIGHT if reasons else Verdict.FITS
    return Dimension("labour", verdict, tuple(reasons) or ("Ni enfant ni nuit.",))


def carbon(inputs: Inputs) -> Dimension:
    if inputs.carbon_forecast_kg is None:
        return Dimension("carbon", Verdict.UNKNOWN, ("Pas encore de bilan carbone prévisionnel.",))
    tonnes = inputs.carbon_forecast_kg / 1000
    reason = f"Bilan prévisionnel : {format_number(tonnes, 1)} t CO2e (ordre de grandeur)."
    return Dimension("carbon", Verdict.FITS, (reason,))


def aids(inputs: Inputs) -> Dimension:
    """The budget app's eligibility screen of the aids the financing plan targets."""
    if not inputs.aids:
        return Dimension("aids", Verdict.UNKNOWN, ("Aucune aide visée au plan de financement.",))
    refused = [name for name, status in inputs.aids if status == "not_eligible"]
    to_check = [name for name, status in inputs.aids if status not in ("eligible", "not_eligible")]
    if refused:
        return Dimension("aids", Verdict.DOES_NOT_FIT, (f"Non éligible : {', '.join(refused)}.",))
    if to_check:
        return Dimension("aids", Verdict.TIGHT, (f"À vérifier : {', '.join(to_check)}.",))
    return Dimension("aids", Verdict.FITS, (f"{len(inputs.aids)} aide(s) visée(s) éligible(s).",))


def assess(inputs: Inputs) -> list[Dimension]:
    return [
        duration(inputs),
        budget(inputs),
        schedule(inputs),
        labour(inputs),
        aids(inputs),
        carbon(inputs),
    ]
