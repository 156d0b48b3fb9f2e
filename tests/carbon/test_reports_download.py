"""The carbon report as PDF and XLSX."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import load_workbook

from .web_helpers import url

pytestmark = pytest.mark.django_db


def test_reports_download(planned: Any, member_client: Any) -> None:
    client = member_client("accountant")
    pdf = client.get(url("report_pdf", planned))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    xlsx = client.get(url("report_xlsx", planned))
    workbook = load_workbook(io.BytesIO(xlsx.content))
    assert "Lieux de tournage" in workbook.sheetnames
