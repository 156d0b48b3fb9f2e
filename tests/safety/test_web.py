"""Safety pages: forms save what they show, bad dates are refused, roles are kept."""

from __future__ import annotations

from html import escape
from typing import Any

import pytest

from tournage.safety.rules import CHECKLIST
from tournage.web.labor.models import Risk
from tournage.web.safety.models import Hazard, Incident, LocationCheck

pytestmark = pytest.mark.django_db


def _url(production: Any, path: str = "") -> str:
    return f"/p/{production.pk}/safety/{path}"


def test_location_checklist_saves_answers_and_resubmits_unchanged(
    production: Any, member_client: Any, make_location: Any
) -> None:
    place = make_location(production, name="Gare")
    client = member_client("producer")
    typed = [item for item in CHECKLIST.load().items if item.teams is None]
    data = {f"item_{item.id}": "yes" for item in typed}
    data[f"item_{typed[0].id}"] = "no"
    data[f"item_{typed[1].id}"] = ""
    data.update({"checked_on": "2027-04-12", "checked_by": "Régie"})
    for _ in range(2):
        response = client.post(_url(production, f"locations/{place.pk}/"), data)
        assert response.status_code == 302
    answers = LocationCheck.objects.get(location=place).answers
    assert answers[typed[0].id] is False and answers[typed[1].id] is None
    assert answers[typed[2].id] is True
    page = client.get(_url(production, f"locations/{place.pk}/")).content.decode()
    assert 'value="no" selected' in page
    # the teams' items are shown, never asked here
    teams = next(item for item in CHECKLIST.load().items if item.teams)
    assert f"item_{teams.id}" not in page and escape(teams.label) in page


def test_incident_before_declaration_dates_is_refused(production: Any, member_client: Any) -> None:
    client = member_client("production_manager")
    response = client.post(
        _url(production, "incidents/"),
        {
            "add_incident": "1",
            "occurred_at": "2027-04-20T11:00",
            "description": "Entorse",
            "accident": "on",
            "declared_at": "2027-04-19T09:00",
        },
    )
    assert response.status_code == 200
    assert not Incident.objects.exists()
    assert "précéder" in response.content.decode()


def test_duer_takes_the_register_and_rates_a_hazard(production: Any, member_client: Any) -> None:
    Risk.objects.create(production=production, scene="4", code="height", label="Hauteur")
    client = member_client("producer")
    assert client.post(_url(production, "duer/sync/")).status_code == 302
    hazard = Hazard.objects.get(production=production, scene="4")
    edit = _url(production, f"duer/{hazard.pk}/")
    assert client.post(edit, {"severity": "5", "likelihood": "2"}).status_code == 200
    assert (
        client.post(edit, {"severity": "3", "likelihood": "2", "due": "2027-04-15"}).status_code
        == 302
    )
    hazard.refresh_from_db()
    assert (hazard.severity, hazard.likelihood) == (3, 2)
    pdf = client.get(_url(production, "duer/duer.pdf"))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_crew_reads_the_register_but_not_the_inclusion_page(
    production: Any, member_client: Any
) -> None:
    crew = member_client("crew")
    assert crew.get(_url(production, "incidents/")).status_code == 200
    assert crew.get(_url(production, "inclusion/")).status_code == 403
    response = crew.post(
        _url(production, "incidents/"),
        {"add_incident": "1", "occurred_at": "2027-04-20T11:00", "description": "x"},
    )
    assert response.status_code == 403 and not Incident.objects.exists()


def test_heads_form_csv_neutralises_formulas(
    production: Any, member_client: Any, make_person: Any
) -> None:
    from tournage.web.safety.models import HeadOfDepartment

    person = make_person(production, first_name="=HYPERLINK(1)", last_name="x")
    HeadOfDepartment.objects.create(production=production, post="director", person=person, sex="f")
    body = member_client("producer").get(_url(production, "inclusion/chefs-de-poste.csv"))
    assert "'=HYPERLINK(1) x" in body.content.decode()


def test_rule_texts_are_french_on_french_pages(production: Any, member_client: Any) -> None:
    """The data keeps the source's wording and a French one; a French page shows the latter."""
    client = member_client("producer")
    for page, french, english in (
        ("incidents/", "non compris les dimanches et jours fériés", "Sundays and public"),
        ("inclusion/", "arrondi à l&#x27;unité inférieure", "the count is rounded down"),
    ):
        text = client.get(_url(production, page), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
        assert french in text, page
        assert english not in text, page
