"""In Chromium: a location checklist and an accident filled, saved twice, read back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tournage.web.productions.models import Location, Production, Role
from tournage.web.safety.models import Incident, LocationCheck

from .browser import assert_accessible, log_in, user_with_role

pytestmark = pytest.mark.django_db(transaction=True)


def test_checklist_and_accident_survive_two_saves(page: Page, live_server: Any) -> None:
    production = Production.objects.create(
        title="Les Hautes Eaux",
        format="short",
        budget_envelope=Decimal("95000.00"),
        shoot_start=date(2027, 4, 19),
    )
    lock = Location.objects.create(production=production, key="ecluse", name="Écluse de Lavaur")
    user_with_role("claire", production, Role.PRODUCER)
    log_in(page, live_server.url, "claire")
    base = f"{live_server.url}/p/{production.pk}/safety"

    page.goto(f"{base}/locations/{lock.pk}/")
    assert_accessible(page)
    page.get_by_label("Eau potable à disposition").select_option("yes")
    page.get_by_label("Espace de repos abrité (pauses, repas)").select_option("no")
    page.get_by_label("Vérifié le").fill("2027-04-12")
    for _ in range(2):
        page.get_by_role("button", name="Enregistrer").click()
        expect(page.get_by_role("heading", name="Check-lists des lieux")).to_be_visible()
        page.goto(f"{base}/locations/{lock.pk}/")
    expect(page.get_by_label("Eau potable à disposition")).to_have_value("yes")
    expect(page.get_by_label("Espace de repos abrité (pauses, repas)")).to_have_value("no")
    expect(page.get_by_label("Vérifié le")).to_have_value("2027-04-12")
    answers = LocationCheck.objects.get(location=lock).answers
    assert answers["drinking_water"] is True and answers["rest_area"] is False

    page.goto(f"{base}/incidents/")
    assert_accessible(page)
    page.get_by_label("Survenu le").fill("2027-04-20T11:05")
    page.get_by_label("Description").fill("Entorse en déchargeant le camion.")
    page.get_by_label("Accident du travail (à déclarer)").check()
    page.get_by_label("Déclaré à la CPAM le").fill("2027-04-21T09:30")
    page.get_by_role("button", name="Ajouter").click()
    incident = Incident.objects.get(production=production)
    page.goto(f"{base}/incidents/{incident.pk}/")
    for _ in range(2):
        page.get_by_role("button", name="Enregistrer").click()
        page.goto(f"{base}/incidents/{incident.pk}/")
    expect(page.get_by_label("Déclaré à la CPAM le")).to_have_value("2027-04-21T09:30")
    incident.refresh_from_db()
    assert incident.accident and incident.declared_at.date() == date(2027, 4, 21)


def test_a_head_planned_on_the_cnc_form_shows_in_the_cahier_des_charges(
    page: Page, live_server: Any
) -> None:
    production = Production.objects.create(title="Les Hautes Eaux", format="short")
    user_with_role("claire", production, Role.PRODUCER)
    log_in(page, live_server.url, "claire")
    page.goto(f"{live_server.url}/p/{production.pk}/safety/inclusion/")
    page.get_by_label("Poste").select_option(label="Chef·fe monteur·se image")
    page.get_by_label("À recruter avant le").fill("2027-03-01")
    page.get_by_role("button", name="Ajouter").click()
    expect(page.get_by_text("à recruter avant le 2027-03-01")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/p/{production.pk}/development/cdc/")
    planned = page.get_by_text("Chef·fe monteur·se image : à recruter avant le 2027-03-01")
    expect(planned).to_be_visible()
    assert_accessible(page)
