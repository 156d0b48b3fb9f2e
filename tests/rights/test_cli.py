"""`tournage rights check|cuesheet` on a production of the database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from referential.test_cli import cli
from tournage.web.rights.models import Clearance, Cue, EditImport

pytestmark = pytest.mark.django_db

EDL = b"""TITLE: ESSAI
FCM: NON-DROP FRAME

001  MUS01    AA    C        00:00:00:00 00:00:10:00 01:00:00:00 01:00:10:00
* FROM CLIP NAME: La Valse lente.wav
"""


def test_check_prints_the_documented_shape(production: Any, capsys: Any) -> None:
    Clearance.objects.create(
        production=production, type="music_work_sync", subject="Valse", status="replaced"
    )
    assert cli("--json", "rights", "check", str(production.pk)) == 0
    document = json.loads(capsys.readouterr().out)
    assert set(document) == {"clearances", "authors", "permits", "release", "findings"}
    (item,) = document["clearances"]
    assert {"id", "type", "scenes", "status", "scope", "findings"} <= set(item)
    assert item["findings"][0]["code"] == "CLR-REASON"
    assert set(document["findings"][0]) == {"code", "severity", "message", "source"}
    assert {r["step"] for r in document["release"]} >= {"rca_immatriculation", "visa_exploitation"}


def test_cuesheet_writes_the_sheet(production: Any, tmp_path: Path, capsys: Any) -> None:
    edl = tmp_path / "final.edl"
    edl.write_bytes(EDL)
    out = tmp_path / "releve.xlsx"
    assert (
        cli("--json", "rights", "cuesheet", str(production.pk), "--edl", str(edl), "-o", str(out))
        == 0
    )
    assert json.loads(capsys.readouterr().out)["cues"] == 1
    assert out.read_bytes().startswith(b"PK") and Cue.objects.get().name == "La Valse lente"


@pytest.mark.parametrize(
    ("content", "output", "message"),
    [
        (EDL, "releve.doc", "Format inconnu"),
        (b"\x00\x01binaire", "releve.csv", "Erreur"),
    ],
)
def test_cuesheet_errors_are_french_and_write_nothing(
    production: Any, tmp_path: Path, capsys: Any, content: bytes, output: str, message: str
) -> None:
    edl = tmp_path / "final.edl"
    edl.write_bytes(content)
    code = cli(
        "rights", "cuesheet", str(production.pk), "--edl", str(edl), "-o", str(tmp_path / output)
    )
    assert code == 1 and message in capsys.readouterr().err
    assert not (tmp_path / output).exists() and not EditImport.objects.exists()


def test_a_missing_production(capsys: Any, db: None) -> None:
    assert cli("rights", "check", "999") == 1
    assert "Aucune production" in capsys.readouterr().err
