"""The demo production's safety file decides every check of the safety domain."""

from __future__ import annotations

import pytest

from tournage.referential.registry import Status, evaluator_for
from tournage.referential.registry import check_key as key
from tournage.web.productions.demo import load_demo
from tournage.web.safety import api

pytestmark = pytest.mark.django_db

CHECKS = [
    "duer_present",
    "risky_scene_measures_b3",
    "location_hygiene",
    "location_checklist_done",
    "checklist_per_location",
    "incident_closed",
    "accidents_declared",
    "referent_handicap",
    "parity_grid",
    "parity_indicator",
    "disability_quota_info",
    "chefs_de_poste_form",
]


def test_demo_decides_every_safety_check() -> None:
    production, _ = load_demo()
    results = {}
    for check in CHECKS:
        evaluator = evaluator_for(check)
        assert evaluator is not None, check
        results[key(check)] = evaluator(production)
    undecided = {k: r.message for k, r in results.items() if r.status is Status.UNKNOWN}
    assert undecided == {}
    # the one location whose accessible toilets were never checked
    assert results["location_checklist_done"].status is Status.PARTLY
    assert "Maison Roussel" in results["location_checklist_done"].message
    assert results["incident_closed"].status is Status.MET
    assert results["accidents_declared"].status is Status.MET
    assert results["duer_present"].status is Status.MET


def test_demo_feeds_the_followup_api() -> None:
    from datetime import date

    production, _ = load_demo()
    day = api.incidents_on(production, date(2027, 4, 20))
    assert [row["accident"] for row in day] == [True]
    assert day[0]["declared_at"] <= day[0]["declaration_deadline"]
    status = api.briefing_status(production)
    assert status and all(row["missing"] == [] for row in status.values())
