"""`tournage safety ID --json` on a production of the database."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.utils import timezone

from referential.test_cli import cli
from tournage.web.safety.models import Incident, SafetyFile

pytestmark = pytest.mark.django_db


def test_safety_json_document(production: Any, capsys: Any) -> None:
    SafetyFile.objects.create(production=production, company_headcount=40)
    Incident.objects.create(
        production=production, occurred_at=timezone.now(), description="Chute", accident=True
    )
    assert cli("--json", "safety", str(production.pk)) == 0
    document = json.loads(capsys.readouterr().out)
    assert set(document) == {
        "production",
        "duer",
        "briefings",
        "locations",
        "incidents",
        "incident_findings",
        "inclusion",
    }
    assert document["inclusion"]["oeth_required"] == 2
    assert document["incidents"][0]["accident"] is True
    assert document["incidents"][0]["declaration_deadline"]
    assert document["duer"]["findings"][0]["code"] == "SAF-DUER-MISSING"
    assert [f["code"] for f in document["incident_findings"]] == [
        "SAF-INCIDENT-OPEN",
        "SAF-ACCIDENT-TO-DECLARE",
    ]


def test_missing_production_fails_in_french(db: None, capsys: Any) -> None:
    assert cli("safety", "999999") == 1
    assert "Aucune production n°999999" in capsys.readouterr().err
