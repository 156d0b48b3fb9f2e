"""Importing an accounting export of expenses: all or nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tournage.web.budget import models

from .web_helpers import url

pytestmark = pytest.mark.django_db


def test_expense_import_is_all_or_nothing(budgeted: Any, member_client: Any) -> None:
    client = member_client("accountant")
    before = models.Expense.objects.count()
    csv_bad = "Date;Compte;Montant HT\n01/05/2027;7.1;100,00\n02/05/2027;99.1;abc\n"
    client.post(
        url("expense_import", budgeted),
        {"file": SimpleUploadedFile("banque.csv", csv_bad.encode())},
    )
    mapping = {"date": "Date", "account": "Compte", "amount_ht": "Montant HT"}
    response = client.post(url("expense_mapping", budgeted), mapping)
    assert response.status_code == 200
    assert "Compte « 99.1 » inconnu" in response.content.decode()
    assert models.Expense.objects.count() == before
    csv_good = "Date;Compte;Montant HT\n01/05/2027;7.1;100,00\n02/05/2027;6.4;50\n"
    client.post(
        url("expense_import", budgeted),
        {"file": SimpleUploadedFile("banque.csv", csv_good.encode())},
    )
    response = client.post(url("expense_mapping", budgeted), mapping)
    assert response.status_code == 302
    assert models.Expense.objects.count() == before + 2


def test_upload_rejects_wrong_type(budgeted: Any, member_client: Any) -> None:
    response = member_client("accountant").post(
        url("expense_import", budgeted), {"file": SimpleUploadedFile("x.exe", b"MZ")}
    )
    assert response.status_code == 200 and "CSV" in response.content.decode()
