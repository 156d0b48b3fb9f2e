"""Accessibility of locations, observation report and the inclusion page."""

from __future__ import annotations

from typing import Any

import pytest

from tournage.web.productions.models import Role

pytestmark = pytest.mark.django_db


def test_manager_accessibility_and_report(demo: Any, member_client: Any) -> None:
    from datetime import UTC, datetime

    from tournage.web.safety.models import Incident

    # incidents live in the safety file's register; the teams pages read them there
    when = datetime(2027, 4, 19, 13, 20, tzinfo=UTC)
    Incident.objects.create(production=demo, occurred_at=when, description="Glissade sur le ponton")
    manager = member_client(Role.PRODUCTION_MANAGER, on=demo)
    risks = manager.get(f"/p/{demo.pk}/teams/risks/").content.decode()
    assert "2027-04-19 — Glissade sur le ponton" in risks and "/safety/incidents/" in risks
    page = manager.get(f"/p/{demo.pk}/teams/accessibility/").content.decode()
    assert "LAB-ACCESS-UNMET" in page and "Gérard Albouy" in page
    report = manager.get(f"/p/{demo.pk}/teams/risks/report.pdf")
    assert report.status_code == 200 and report.content.startswith(b"%PDF")
    from tournage.labor.analysis import extract_text

    text = extract_text(report.content)
    for expected in (
        "Rapport d'observation",
        "Registre des risques",
        "Extérieur nuit",
        "Glissade sur le ponton",
        "Référent sécurité : Yannick Rouquette",
        "Atelier de Marcel",
        "Repos de 7 h",
    ):
        assert expected in text, expected


def test_inclusion_page_hides_small_groups(demo: Any, member_client: Any) -> None:
    manager = member_client(Role.PRODUCER, on=demo)
    page = manager.get(f"/p/{demo.pk}/teams/inclusion/").content.decode()
    # image: 6 answers (3 f, 3 m): total shown, each gender group (3 < 5) hidden
    assert "people : 6" in page and "gender_f : —" in page
    crew = member_client(Role.CREW, on=demo)
    assert crew.get(f"/p/{demo.pk}/teams/inclusion/").status_code == 403
    refused = manager.post(f"/p/{demo.pk}/teams/inclusion/", {"department": "son"})
    assert refused.status_code == 200  # not opted in: nothing stored
