"""Small builders shared by the budget tests."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tournage.budget.document import ProductionBudget, parse_text
from tournage.budget.model import Budget, BudgetGlobal, BudgetLine

SAMPLE = Path(__file__).with_name("sample_budget.yaml")


def sample() -> ProductionBudget:
    return parse_text(SAMPLE.read_text(encoding="utf-8"))


def small_budget(**overheads: str) -> Budget:
    return Budget(
        title="Court essai",
        lines=[
            BudgetLine(
                "2.11",
                "Électro",
                Decimal(1),
                "jour",
                Decimal("300"),
                Decimal(2),
                "technicien_intermittent",
                quantity_ref="tournage",
            ),
            BudgetLine("7.1", "Caméra", Decimal(3), "jour", Decimal("333.333")),
        ],
        globals={"tournage": BudgetGlobal("tournage", "Jours de tournage", Decimal(10))},
        overhead_percents={k: Decimal(v) for k, v in overheads.items()},
    )
