"""A QC report is data that may come from an archive: every place that shows it escapes it
and survives values of the wrong type (no markup interpreted, no 500)."""

from __future__ import annotations

from typing import Any

import pdfplumber
import pytest

from tournage.web.delivery.models import Deliverable, QCRun, QCStatus
from tournage.web.productions.models import Role

pytestmark = pytest.mark.django_db

MARKUP = '<img src="/etc/hostname"/><b>gras</b><script>alert(1)</script>'
HOSTILE_REPORT: dict[str, Any] = {
    "verdict": "<i>pwn</i>",
    "profile_label": MARKUP,
    "file": {"name": MARKUP, "size_bytes": MARKUP, "sha256": MARKUP},
    "graphs": {"momentary": ["<x>", None, 1e308, True], "short_term": [-20, "a"], "levels": []},
    "checks": [
        {
            "id": MARKUP,
            "status": "<u>odd</u>",
            "measured": MARKUP,
            "expected": MARKUP,
            "message": MARKUP,
            "events": [{"start_tc": MARKUP, "end_tc": "<", "kind": MARKUP}],
        }
    ],
}


@pytest.fixture
def hostile_run(production: Any) -> QCRun:
    deliverable = Deliverable.objects.create(
        production=production, name="PAD", kind="broadcast", profile="pad-hd-fr"
    )
    return QCRun.objects.create(
        deliverable=deliverable,
        source_name="m.mxf",
        status=QCStatus.DONE,
        verdict="fail",
        report=HOSTILE_REPORT,
    )


def _url(production: Any, run: QCRun, suffix: str = "") -> str:
    return f"/p/{production.pk}/delivery/runs/{run.pk}/{suffix}"


def test_the_run_page_and_the_html_report_escape_every_field(
    member_client: Any, production: Any, hostile_run: QCRun
) -> None:
    client = member_client(Role.PRODUCER)
    for suffix in ("", "report.html"):
        response = client.get(_url(production, hostile_run, suffix))
        assert response.status_code == 200, suffix
        body = response.content.decode()
        assert "<img" not in body and "<script>alert" not in body, suffix
        assert "&lt;img" in body, suffix


def test_the_pdf_report_shows_markup_as_text(
    member_client: Any, production: Any, hostile_run: QCRun, tmp_path: Any
) -> None:
    response = member_client(Role.PRODUCER).get(_url(production, hostile_run, "report.pdf"))
    assert response.status_code == 200
    path = tmp_path / "qc.pdf"
    path.write_bytes(response.content)
    with pdfplumber.open(path) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
        assert not any(page.images for page in pdf.pages)
    assert '<img src="/etc/hostname"/>' in text.replace("\n", "")
