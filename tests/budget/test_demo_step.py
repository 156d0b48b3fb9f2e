"""The budget's demo step: within the envelope, idempotent, archived whole."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from archive_snapshot import snapshot
from tournage.budget.report import analyse
from tournage.web.budget import adapters, models
from tournage.web.budget.demo import load_demo_budget
from tournage.web.productions.archive import export_production, import_production

pytestmark = pytest.mark.django_db


def test_demo_budget_fits_the_envelope_and_is_idempotent(budgeted: Any) -> None:
    document = adapters.production_budget(budgeted)
    totals, report, financing = analyse(document)
    envelope = budgeted.budget_envelope
    assert envelope - Decimal("500") < totals.total <= envelope
    assert financing.gap == 0  # the plan balances the devis
    assert report.total.actual > 0 and financing.public_share < financing.ceiling.percent
    counts = (models.BudgetLine.objects.count(), models.Expense.objects.count())
    load_demo_budget(budgeted)
    assert (models.BudgetLine.objects.count(), models.Expense.objects.count()) == counts


def test_archive_round_trip_keeps_the_budget(budgeted: Any) -> None:
    expense = models.Expense.objects.filter(production=budgeted).first()
    expense.receipt = SimpleUploadedFile("recu.pdf", b"%PDF receipt")
    expense.save()
    models.CostStatement.objects.create(
        production=budgeted, version="v1", final=True, document={"total": {"final": "1.00"}}
    )
    buffer = io.BytesIO()
    export_production(budgeted, buffer)
    buffer.seek(0)
    copy = import_production(buffer)
    assert snapshot(copy)["budget"] == snapshot(budgeted)["budget"]
    assert copy.budget_expenses.exclude(receipt="").get().receipt.read() == b"%PDF receipt"
    assert copy.cost_statements.get(final=True).document == {"total": {"final": "1.00"}}
