"""Element lists and breakdown sheets of a version."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import load_workbook

from tournage.web.screenplay.models import ScriptVersion

from .web_helpers import url

pytestmark = pytest.mark.django_db


def test_exports(imported: ScriptVersion, producer: Any, production: Any) -> None:
    response = producer.get(url("elements_xlsx", production))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert any(row[1] == "fusil" and row[2] == "3" for row in rows)
    for name in ("elements_pdf", "sheets_pdf"):
        pdf = producer.get(url(name, production))
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert "fusil" in producer.get(url("elements", production)).content.decode()
