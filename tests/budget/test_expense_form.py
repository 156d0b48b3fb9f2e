"""Recording, typing and deleting an expense."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tournage.web.budget import models

from .web_helpers import url

pytestmark = pytest.mark.django_db


def test_accountant_records_an_expense_eco_referent_cannot(
    budgeted: Any, member_client: Any
) -> None:
    def data(**changes: str) -> dict[str, Any]:
        return {
            "date": "2027-05-02",
            "account": "7.1",
            "supplier": "Loueur",
            "label": "Solde",
            "amount_ht": "1200.00",
            "vat_rate": "20",
            "payment_status": "to_pay",
            "receipt": SimpleUploadedFile("recu.pdf", b"%PDF-1.4 recu", "application/pdf"),
            **changes,
        }

    assert (
        member_client("eco_referent").post(url("expense_new", budgeted), data()).status_code == 403
    )
    response = member_client("accountant").post(url("expense_new", budgeted), data())
    assert response.status_code == 302
    expense = models.Expense.objects.get(label="Solde")
    assert expense.receipt.name.startswith("budget/receipts/")
    assert expense.history.count() == 1
    bad = data(account="99.9", label="Mauvais")
    response = member_client("accountant").post(url("expense_new", budgeted), bad)
    assert (
        response.status_code == 200 and not models.Expense.objects.filter(label="Mauvais").exists()
    )


def test_amounts_can_be_typed_the_french_way(budgeted: Any, member_client: Any) -> None:
    response = member_client("accountant").post(
        url("commitment_new", budgeted),
        {"account": "7.4", "supplier": "Son", "amount": "1200,50", "reference": "BC-9"},
    )
    assert response.status_code == 302
    assert models.Commitment.objects.get(reference="BC-9").amount == Decimal("1200.50")
    page = member_client("producer").get(url("costs", budgeted)).content.decode()
    assert "1\u202f200,50" in page  # French grouping: a narrow no-break space


def test_delete_asks_then_deletes(budgeted: Any, member_client: Any) -> None:
    client = member_client("accountant")
    expense = models.Expense.objects.filter(production=budgeted).first()
    page = client.get(url("expense_delete", budgeted, expense_id=expense.pk)).content.decode()
    assert url("costs", budgeted) in page  # cancel goes back to the cost report
    assert client.post(url("expense_delete", budgeted, expense_id=expense.pk)).status_code == 302
    assert not models.Expense.objects.filter(pk=expense.pk).exists()
    assert expense.history.filter(history_type="-").exists()
