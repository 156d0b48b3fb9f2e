"""`tournage referential check|portfolio` on a production of the database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from tournage.cli import main
from tournage.cli.output import options
from tournage.referential.framework import FRAMEWORK

pytestmark = pytest.mark.django_db


def cli(*args: str) -> int:
    try:
        with pytest.raises(SystemExit) as done:
            main(list(args))
            raise SystemExit(0)
    finally:
        options.json = False
    return int(done.value.code or 0)


def test_check_prints_every_check_once_in_the_documented_shape(
    production: Any, capsys: Any
) -> None:
    assert cli("--json", "referential", "check", str(production.pk)) == 0
    document = json.loads(capsys.readouterr().out)
    assert set(document) == {"framework", "summary", "blocks", "judgements"}
    assert set(document["framework"]) == {"title", "as_of"}
    checks = [c for b in document["blocks"] for r in b["criteria"] for c in r["checks"]]
    assert sorted(c["id"] for c in checks) == sorted(s.id for _, s in FRAMEWORK.load().checks())
    assert set(checks[0]) == {"id", "level", "status", "evidence", "value", "source", "message"}
    assert sum(document["summary"].values()) == 151


def test_check_of_a_missing_production_fails_in_french(db: None, capsys: Any) -> None:
    assert cli("referential", "check", "999999") == 1
    assert "Aucune production n°999999" in capsys.readouterr().err


def test_portfolio_writes_an_accessible_pdf(production: Any, tmp_path: Path) -> None:
    target = tmp_path / "portefeuille.pdf"
    assert cli("referential", "portfolio", str(production.pk), "-o", str(target)) == 0
    assert str(pikepdf.open(target).Root.Lang) == "fr-FR"


def test_portfolio_refuses_an_unknown_format(production: Any, tmp_path: Path, capsys: Any) -> None:
    assert cli("referential", "portfolio", str(production.pk), "-o", str(tmp_path / "x.doc")) == 1
    assert "Format de portefeuille inconnu" in capsys.readouterr().err
