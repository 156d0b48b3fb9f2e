"""`tournage callsheet`, `report daily|progress` and `takes import` on the database."""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path
from typing import Any

import pytest

from referential.test_cli import cli
from tournage.web.followup.models import DailyReport, ReportedScene, Take

pytestmark = pytest.mark.django_db


def test_callsheet_json_and_pdf(scheduled: Any, cast: Any, capsys: Any, tmp_path: Path) -> None:
    production = scheduled.production
    target = tmp_path / "feuille.pdf"
    args = ("--json", "callsheet", str(production.pk), "--date", "2027-03-01", "-o", str(target))
    assert cli(*args) == 0
    sheet = json.loads(capsys.readouterr().out)
    assert {
        "date",
        "version",
        "unit_call",
        "locations",
        "scenes",
        "cast",
        "crew",
        "safety",
        "accessibility",
        "findings",
    } <= set(sheet)
    assert sheet["unit_call"] == "08:00" and [s["id"] for s in sheet["scenes"]] == ["1", "3"]
    assert set(sheet["cast"][0]) == {"name", "role", "pickup", "makeup", "on_set", "minor"}
    assert target.read_bytes().startswith(b"%PDF")
    assert [m["name"] for m in sheet["minors"]] == [str(cast["ANNA"])]  # a child of 9
    assert cli("callsheet", str(production.pk), "--date", "2027-03-01") == 0
    assert f"Mineur {cast['ANNA']} (9 ans)" in capsys.readouterr().out
    assert cli("callsheet", str(production.pk), "--date", "2027-03-09") == 1
    assert "n'est pas un jour de tournage" in capsys.readouterr().err
    assert cli("callsheet", str(production.pk), "--date", "mars") == 1


def test_report_daily_and_progress(scheduled: Any, cast: Any, capsys: Any) -> None:
    production = scheduled.production
    report = DailyReport.objects.create(
        production=production, date="2027-03-01", call=time(8), wrap=time(18)
    )
    ReportedScene.objects.create(report=report, scene="1", eighths=1)
    assert cli("--json", "report", "progress", str(production.pk)) == 0
    progress = json.loads(capsys.readouterr().out)
    assert (progress["days_shot"], progress["eighths_shot"], progress["eighths_planned"]) == (
        1,
        1,
        3,
    )
    assert progress["days_ahead"] == "-0.7" and progress["findings"][0]["code"] == "progress.behind"
    assert cli("--json", "report", "daily", str(production.pk), "--date", "2027-03-01") == 0
    daily = json.loads(capsys.readouterr().out)
    assert daily["scenes_planned"] == ["1", "3"] and daily["scenes"][0]["scene"] == "1"
    assert (daily["call"], daily["wrap"]) == ("08:00", "18:00") and daily["incidents"] == []
    assert cli("report", "daily", str(production.pk), "--date", "2027-03-02") == 1
    assert "Aucun rapport" in capsys.readouterr().err


def test_takes_import_counts_and_refuses_bad_files(
    production: Any, capsys: Any, tmp_path: Path
) -> None:
    log = tmp_path / "resolve.csv"
    log.write_text("Scene,Shot,Take,Good Take\n4,1,1,\n4,1,2,1\n5,2,1,\n", encoding="utf-8")
    assert cli("--json", "takes", "import", str(production.pk), str(log)) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["takes"], summary["scenes"], summary["selected"]) == (3, 2, 1)
    bad = tmp_path / "bad.csv"
    bad.write_text("Scene,Shot\n4,1\n", encoding="utf-8")
    assert cli("takes", "import", str(production.pk), str(bad)) == 1
    assert "Colonnes absentes" in capsys.readouterr().err
    assert Take.objects.count() == 3
    assert cli("takes", "import", "999999", str(log)) == 1
