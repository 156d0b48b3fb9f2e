"""Devis versions: XLSX round trip, copy and comparison."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tournage.web.budget import adapters

from .web_helpers import url

pytestmark = pytest.mark.django_db


def test_xlsx_export_imports_back_as_a_new_version(budgeted: Any, member_client: Any) -> None:
    client = member_client("producer")
    response = client.get(url("export", budgeted, fmt="xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    response = client.post(
        url("devis_import", budgeted),
        {"name": "v2", "file": SimpleUploadedFile("devis.xlsx", response.content)},
    )
    assert response.status_code == 302
    v1, v2 = budgeted.budget_versions.order_by("pk")
    from tournage.budget.compute import compute

    assert compute(adapters.core_budget(v2)).total == compute(adapters.core_budget(v1)).total
    assert client.get(url("export", budgeted, fmt="pdf")).content.startswith(b"%PDF")
    broken = client.post(
        url("devis_import", budgeted),
        {"name": "v3", "file": SimpleUploadedFile("devis.xlsx", b"PK\x03\x04 broken")},
    )
    assert broken.status_code == 200 and not budgeted.budget_versions.filter(name="v3").exists()


def test_new_version_copies_and_compares(budgeted: Any, member_client: Any) -> None:
    client = member_client("producer")
    response = client.post(
        url("version_new", budgeted),
        {
            "name": "v2",
            "title": "Devis révisé",
            "variant": "cinema",
            "is_reference": "on",
            "frais_generaux_percent": "7",
            "imprevus_percent": "8",
        },
    )
    assert response.status_code == 302
    v1, v2 = budgeted.budget_versions.order_by("pk")
    assert v2.lines.count() == v1.lines.count() and v2.is_reference
    v1.refresh_from_db()
    assert not v1.is_reference
    page = client.get(url("compare", budgeted), {"a": v1.pk, "b": v2.pk}).content.decode()
    assert "Imprévus" in page
