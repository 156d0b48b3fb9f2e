"""`tournage delivery register` and `tournage closing report` on a production of the database."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tournage.cli import main
from tournage.cli.output import options
from tournage.web.closing.models import Destination, RegisterItem

pytestmark = pytest.mark.django_db


def cli(*args: str) -> int:
    try:
        with pytest.raises(SystemExit) as done:
            main(list(args))
            raise SystemExit(0)
    finally:
        options.json = False
    return int(done.value.code or 0)


@pytest.fixture
def registered(production: Any) -> Any:
    target = Destination.objects.create(production=production, name="Chaîne", kind="broadcaster")
    RegisterItem.objects.create(
        destination=target,
        kind="sme",
        label="SME",
        due=date(2020, 1, 10),
        delivered_on=date(2020, 1, 12),
    )
    return production


def test_register_prints_the_documented_shape(registered: Any, capsys: Any) -> None:
    assert cli("--json", "delivery", "register", str(registered.pk)) == 0
    document = json.loads(capsys.readouterr().out)
    item = document["destinations"][0]["items"][0]
    assert document["destinations"][0]["name"] == "Chaîne"
    assert set(item) >= {
        "id",
        "kind",
        "due",
        "file_sha256",
        "qc_run",
        "qc_verdict",
        "delivered",
        "accepted",
        "findings",
    }
    assert [f["code"] for f in item["findings"]] == ["item.late"]


def test_report_prints_the_sections_and_checks(registered: Any, capsys: Any) -> None:
    assert cli("--json", "closing", "report", str(registered.pk)) == 0
    document = json.loads(capsys.readouterr().out)
    assert {"financial", "legal", "environmental", "accessibility", "checks", "reconciled"} <= (
        set(document)
    )
    assert set(document["checks"][0]) >= {"id", "status", "message", "source"}
    assert document["reconciled"] is False  # nothing frozen yet


def test_report_writes_pdf_and_xlsx(registered: Any, tmp_path: Path) -> None:
    pdf, xlsx = tmp_path / "cloture.pdf", tmp_path / "cloture.xlsx"
    assert cli("closing", "report", str(registered.pk), "-o", str(pdf)) == 0
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert cli("closing", "report", str(registered.pk), "-o", str(xlsx)) == 0
    assert "Contrôles" in load_workbook(xlsx).sheetnames


def test_unknown_production_and_format_fail_in_french(
    db: None, capsys: Any, tmp_path: Path
) -> None:
    assert cli("delivery", "register", "999999") == 1
    assert "Aucune production n°999999" in capsys.readouterr().err
    assert cli("closing", "report", "1", "-o", str(tmp_path / "x.doc")) == 1
    assert "Format inconnu" in capsys.readouterr().err
