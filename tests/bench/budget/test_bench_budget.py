"""Budget benchmarks: a 2,000-line devis with 5,000 expenses.

Run: .venv/bin/python -m pytest tests/bench/budget --benchmark-enable --benchmark-only
Figures are recorded in docs/budget.md.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from tournage.budget.chart import load_chart
from tournage.budget.compute import compute
from tournage.budget.cost_report import Commitment, Expense, cost_report
from tournage.budget.model import Budget, BudgetGlobal, BudgetLine
from tournage.budget.xlsx import devis_workbook, import_devis, to_bytes

ACCOUNTS = [a.code for c in load_chart("cinema").chapters for a in c.accounts if c.code != "4"]
CATEGORIES = [None, "technicien_intermittent", "artiste_interprete", "auteur"]


def big_budget(lines: int = 2000) -> Budget:
    rng = random.Random(7)
    return Budget(
        "Bench",
        globals={"tournage": BudgetGlobal("tournage", "Jours", Decimal(32))},
        overhead_percents={"frais_generaux": Decimal("7"), "imprevus": Decimal("5")},
        lines=[
            BudgetLine(
                rng.choice(ACCOUNTS),
                f"ligne {i}",
                Decimal(rng.randint(1, 40)),
                "j",
                Decimal(rng.randint(5000, 90000)) / 100,
                Decimal(rng.randint(1, 3)),
                rng.choice(CATEGORIES),
                quantity_ref=rng.choice([None, "tournage"]),
            )
            for i in range(lines)
        ],
    )


def expenses(count: int = 5000) -> list[Expense]:
    rng = random.Random(11)
    start = date(2026, 1, 1)
    return [
        Expense(
            start + timedelta(days=rng.randint(0, 300)),
            rng.choice(ACCOUNTS),
            Decimal(rng.randint(100, 500000)) / 100,
            Decimal(20),
        )
        for _ in range(count)
    ]


def test_bench_compute_2000_lines(benchmark: Any) -> None:
    budget = big_budget()
    totals = benchmark(compute, budget)
    assert len(totals.lines) == 2000


def test_bench_cost_report_5000_expenses(benchmark: Any) -> None:
    budget, spent = big_budget(), expenses()
    commitments = [Commitment(e.account, e.amount_ht) for e in spent[:1000]]
    report = benchmark(lambda: cost_report(compute(budget), commitments, spent))
    assert report.total.actual == sum(e.amount_ht for e in spent)


def test_bench_xlsx_roundtrip_2000_lines(benchmark: Any) -> None:
    totals = compute(big_budget())
    back = benchmark.pedantic(
        lambda: import_devis(to_bytes(devis_workbook(totals))), rounds=3, iterations=1
    )
    assert len(back.lines) == 2000


@pytest.mark.django_db
def test_bench_cost_report_page(benchmark: Any, production: Any, member_client: Any) -> None:
    from tournage.web.budget import models

    version = models.BudgetVersion.objects.create(
        production=production,
        name="v1",
        title="Bench",
        is_reference=True,
        frais_generaux_percent=Decimal(7),
        imprevus_percent=Decimal(5),
    )
    models.BudgetGlobal.objects.create(budget=version, code="tournage", label="j", value=32)
    models.BudgetLine.objects.bulk_create(
        models.BudgetLine(
            budget=version,
            position=i,
            account=line.account,
            label=line.label,
            quantity=line.quantity,
            quantity_ref=line.quantity_ref or "",
            rate=line.rate,
            number=line.number,
            category=line.category or "",
        )
        for i, line in enumerate(big_budget().lines)
    )
    models.Expense.objects.bulk_create(
        models.Expense(
            production=production,
            date=e.date,
            account=e.account,
            amount_ht=e.amount_ht,
            vat_rate=e.vat_rate,
        )
        for e in expenses()
    )
    client = member_client("accountant")
    page = reverse("budget:costs", kwargs={"production_id": production.pk})
    response = benchmark.pedantic(lambda: client.get(page), rounds=5, iterations=1, warmup_rounds=1)
    assert response.status_code == 200
