"""Estimate of the French production tax credit from the eligible expenses of the devis.

Rates, caps and per-minute caps come from tax_credits.yaml; the chapters feeding the base
from tax_credit_base.yaml (an interpretation, shown as such with its caveats).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tournage.budget.compute import BudgetTotals, LineResult
from tournage.budget.money import HUNDRED, ZERO, money
from tournage.budget.tables import (
    AUDIOVISUAL_CREDIT,
    CINEMA_CREDIT,
    TAX_CREDIT_BASE,
    PerMinuteCaps,
)


@dataclass(frozen=True)
class TaxCreditEstimate:
    credit_id: str
    name: str
    rate_percent: Decimal
    eligible_base: Decimal
    cap: Decimal | None
    amount: Decimal
    notes: tuple[str, ...]
    uncertain: bool


def eligible_base(totals: BudgetTotals) -> Decimal:
    chapters = TAX_CREDIT_BASE.load().eligible_chapters
    return sum((r.amount + r.fringe for r in totals.lines if _eligible(r, totals, chapters)), ZERO)


def _eligible(result: LineResult, totals: BudgetTotals, chapters: frozenset[str]) -> bool:
    line = result.line
    if line.tax_credit_eligible is not None:
        return line.tax_credit_eligible and line.spent_in_france
    return line.spent_in_france and totals.chart.chapter_of(line.account).code in chapters


def estimate(
    totals: BudgetTotals,
    work_format: str,
    genre: str,
    french_language: bool | None = None,
    duration_minutes: int | None = None,
) -> TaxCreditEstimate | None:
    """The credit this devis would generate, or None for formats no credit covers."""
    base = eligible_base(totals)
    caveats = TAX_CREDIT_BASE.load().caveats
    if work_format == "long_metrage":
        return _cinema(base, genre, french_language, caveats)
    if work_format in ("unitaire_tv", "serie_tv") and genre in (
        "fiction",
        "documentaire",
        "animation",
    ):
        return _audiovisual(base, totals.total, genre, duration_minutes, caveats)
    return None


def _cinema(
    base: Decimal, genre: str, french_language: bool | None, caveats: tuple[str, ...]
) -> TaxCreditEstimate:
    credit = CINEMA_CREDIT.load()
    rates = credit.rates
    raised = genre == "animation" or bool(french_language)
    rate = rates.raised_percent if raised else rates.base_percent
    notes = [f"Taux {rate} % ({rates.raised_applies_to})." if raised else f"Taux de base {rate} %."]
    if french_language is None and genre != "animation":
        notes.append("Langue de tournage non renseignée : taux de base retenu.")
    cap = credit.cap.per_work_eur
    return TaxCreditEstimate(
        credit.id,
        credit.name,
        rate,
        base,
        cap,
        min(money(base * rate / HUNDRED), cap),
        (*notes, *caveats),
        True,
    )


def _audiovisual(
    base: Decimal, cost: Decimal, genre: str, minutes: int | None, caveats: tuple[str, ...]
) -> TaxCreditEstimate:
    credit = AUDIOVISUAL_CREDIT.load()
    rates = credit.rates
    rate = {
        "documentaire": rates.documentary_percent,
        "fiction": rates.fiction_percent,
        "animation": rates.animation_percent,
    }[genre]
    amount = money(base * rate / HUNDRED)
    notes = list(caveats)
    cap: Decimal | None = None
    if minutes:
        cap = _per_minute_cap(credit.per_minute_caps_eur, genre, cost / minutes) * minutes
        amount = min(amount, cap)
    else:
        notes.append("Durée non renseignée : plafond par minute non appliqué.")
    return TaxCreditEstimate(credit.id, credit.name, rate, base, cap, amount, tuple(notes), True)


def _per_minute_cap(caps: PerMinuteCaps, genre: str, cost_per_minute: Decimal) -> Decimal:
    if genre == "documentaire":
        return caps.documentary
    if genre == "animation":
        return caps.animation
    steps = caps.fiction_by_cost_per_minute
    for step in steps:
        if step.upper is not None and cost_per_minute < step.upper:
            return step.cap_eur
    return steps[-1].cap_eur
