"""Coût définitif: the financial part of the closing report.

At wrap, the final cost of each chapter is what was actually spent; it is set against the
devis, and the financing actually received against the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tournage.budget.cost_report import CostReport
from tournage.budget.financing import FinancingPlan
from tournage.budget.money import ZERO, money, share_percent


@dataclass(frozen=True)
class FinalRow:
    code: str
    label: str
    devis: Decimal
    final: Decimal

    @property
    def difference(self) -> Decimal:
        return self.final - self.devis


@dataclass(frozen=True)
class FinalCost:
    chapters: tuple[FinalRow, ...]
    total: FinalRow
    financing: tuple[FinalRow, ...]
    financing_total: FinalRow
    unpaid_commitments: Decimal  # committed but not yet spent: the statement is not final


def final_cost(report: CostReport, plan: FinancingPlan) -> FinalCost:
    chapters = tuple(FinalRow(r.code, r.label, r.budget, r.actual) for r in report.chapters)
    financing = tuple(FinalRow(s.kind, s.label, s.amount, s.received) for s in plan.sources)
    return FinalCost(
        chapters=chapters,
        total=FinalRow("total", "Total", report.total.budget, report.total.actual),
        financing=financing,
        financing_total=FinalRow(
            "total",
            "Total",
            sum((r.devis for r in financing), ZERO),
            sum((r.final for r in financing), ZERO),
        ),
        unpaid_commitments=sum((max(r.committed - r.actual, ZERO) for r in report.accounts), ZERO),
    )


def final_cost_document(final: FinalCost) -> dict[str, Any]:
    def row(r: FinalRow) -> dict[str, Any]:
        ratio = share_percent(r.difference, r.devis)
        return {
            "code": r.code,
            "label": r.label,
            "devis": str(money(r.devis)),
            "final": str(money(r.final)),
            "difference": str(money(r.difference)),
            "difference_percent": None if ratio is None else str(ratio),
        }

    return {
        "chapters": [row(r) for r in final.chapters],
        "total": row(final.total),
        "financing": [row(r) for r in final.financing],
        "financing_total": row(final.financing_total),
        "unpaid_commitments": str(money(final.unpaid_commitments)),
    }
