"""The JSON documents of ``tournage budget show`` and ``tournage budget eligibility``.

Money is printed as decimal strings with two decimals ("123456.78"), never floats.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from tournage.budget.compare import Comparison, ComparisonRow
from tournage.budget.compute import BudgetTotals, compute
from tournage.budget.cost_report import CostReport, CostRow, cost_report
from tournage.budget.document import ProductionBudget
from tournage.budget.eligibility import AidVerdict, ProjectProfile, match_aids
from tournage.budget.financing import FinancingSummary, intensity_ceiling, source_kind, summarize
from tournage.budget.money import money
from tournage.budget.tax_credit import TaxCreditEstimate, estimate


def amount(value: Decimal | None) -> str | None:
    return None if value is None else str(money(value))


def analyse(document: ProductionBudget) -> tuple[BudgetTotals, CostReport, FinancingSummary]:
    totals = compute(document.budget)
    report = cost_report(
        totals,
        document.commitments,
        document.expenses,
        document.etc_overrides,
        document.etc_additions,
    )
    flags = document.profile.flags
    ceiling = intensity_ceiling(
        document.profile.format,
        totals.total,
        difficult=flags.get("first_or_second_film"),
        uses_tax_credit=any(s.kind == "tax_credit" for s in document.financing.sources),
    )
    return totals, report, summarize(document.financing, totals.total, ceiling)


def show_document(document: ProductionBudget) -> dict[str, Any]:
    totals, report, financing = analyse(document)
    credit = estimate(
        totals,
        document.profile.format,
        document.profile.genre,
        document.profile.flags.get("french_language"),
        document.duration_minutes,
    )
    return {
        "title": document.title,
        "version": document.budget.version,
        "variant": document.budget.variant,
        "currency": document.budget.currency,
        "total_ht": amount(totals.total),
        "chapters": [cost_row(row) for row in report.chapters],
        "alerts": [
            {"code": a.code, "chapter": a.chapter, "message": a.message} for a in report.alerts
        ],
        "findings": [
            {"code": f.code, "message": f.message, "severity": f.severity} for f in totals.findings
        ],
        "financing": financing_document(document, financing),
        "tax_credit": None if credit is None else tax_credit_document(credit),
    }


def cost_row(row: CostRow) -> dict[str, Any]:
    return {
        "code": row.code,
        "label": row.label,
        "budget": amount(row.budget),
        "committed": amount(row.committed),
        "actual": amount(row.actual),
        "etc": amount(row.etc),
        "efc": amount(row.efc),
        "variance": amount(row.variance),
    }


def financing_document(document: ProductionBudget, summary: FinancingSummary) -> dict[str, Any]:
    ceiling = summary.ceiling
    return {
        "total": amount(summary.total),
        "public_total": amount(summary.public_total),
        "public_share": None if summary.public_share is None else str(summary.public_share),
        "public_ceiling": None if ceiling is None else str(ceiling.percent),
        "public_ceiling_rule": None if ceiling is None else ceiling.rule,
        "public_ceiling_source": None if ceiling is None else ceiling.source,
        "over_ceiling": summary.over_ceiling,
        "gap": amount(summary.gap),
        "received": amount(summary.received),
        "sources": [
            {
                "kind": s.kind,
                "kind_label": source_kind(s.kind).label,
                "label": s.label,
                "amount": amount(s.amount),
                "status": s.status,
                "received": amount(s.received),
                "public": s.public,
                "aid_id": s.aid_id,
            }
            for s in document.financing.sources
        ],
    }


def tax_credit_document(credit: TaxCreditEstimate) -> dict[str, Any]:
    return {
        "id": credit.credit_id,
        "name": credit.name,
        "rate_percent": str(credit.rate_percent),
        "eligible_base": amount(credit.eligible_base),
        "cap": amount(credit.cap),
        "amount": amount(credit.amount),
        "notes": list(credit.notes),
        "uncertain": credit.uncertain,
    }


def profile_with_budget(profile: ProjectProfile, total: Decimal) -> ProjectProfile:
    """The profile with its budget total taken from the devis when not given."""
    if profile.budget_total_eur is not None:
        return profile
    return replace(profile, budget_total_eur=total)


def eligibility_document(document: ProductionBudget) -> list[dict[str, Any]]:
    total = compute(document.budget).total
    return [verdict_document(v) for v in match_aids(profile_with_budget(document.profile, total))]


def verdict_document(verdict: AidVerdict) -> dict[str, Any]:
    return {
        "aid": verdict.aid,
        "name": verdict.name,
        "eligible": verdict.eligible,
        "status": verdict.status,
        "reasons": list(verdict.reasons),
        "amount_min": amount(verdict.amount_min),
        "amount_max": amount(verdict.amount_max),
        "documents": list(verdict.documents),
        "warnings": list(verdict.warnings),
        "sources": list(verdict.sources),
        "as_of": verdict.as_of,
    }


def comparison_document(comparison: Comparison) -> dict[str, Any]:
    def row(r: ComparisonRow) -> dict[str, Any]:
        return {
            "code": r.code,
            "label": r.label,
            "before": amount(r.before),
            "after": amount(r.after),
            "difference": amount(r.difference),
            "difference_percent": None
            if r.difference_percent is None
            else str(r.difference_percent),
        }

    return {
        "before": comparison.before_version,
        "after": comparison.after_version,
        "chapters": [row(r) for r in comparison.chapters],
        "accounts": [row(r) for r in comparison.accounts],
        "total": row(comparison.total),
    }
