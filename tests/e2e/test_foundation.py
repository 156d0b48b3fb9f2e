"""A producer's first steps in a real browser, and an outsider kept out; axe-core on each page."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tournage.web.productions.models import Production, Role

from .browser import assert_accessible, log_in, user_with_role

pytestmark = pytest.mark.django_db(transaction=True)


def test_producer_creates_a_production_and_switches_language(page: Page, live_server: Any) -> None:
    user_with_role("claire", None)
    log_in(page, live_server.url, "claire")
    assert_accessible(page)

    page.get_by_role("link", name="Nouvelle production").click()
    assert_accessible(page)
    page.get_by_label("Titre").fill("Les Hautes Eaux")
    page.get_by_label("Format").select_option("short")
    page.get_by_label("Enveloppe budgétaire").fill("95000")
    page.get_by_label("Diffusion PAD HD (télévision française)").check()
    page.get_by_role("button", name="Enregistrer").click()

    expect(page.get_by_role("heading", name="Les Hautes Eaux", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="1. Développer")).to_be_visible()
    expect(page.get_by_role("heading", name="4. Postproduire et clôturer")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Langue").select_option("en")
    page.get_by_role("button", name="Changer de langue").click()
    expect(page.get_by_role("heading", name="1. Develop")).to_be_visible()
    expect(page.get_by_role("link", name="People")).to_be_visible()
    assert Production.objects.get(title="Les Hautes Eaux").memberships.get().role == Role.PRODUCER


def test_member_of_another_production_cannot_reach_it(page: Page, live_server: Any) -> None:
    secret = Production.objects.create(title="Projet confidentiel", format="feature")
    mine = Production.objects.create(title="Mon documentaire", format="documentary")
    user_with_role("intrus", mine, Role.PRODUCTION_MANAGER)
    log_in(page, live_server.url, "intrus")
    expect(page.get_by_role("link", name="Mon documentaire")).to_be_visible()
    expect(page.get_by_text("Projet confidentiel")).to_have_count(0)
    response = page.goto(f"{live_server.url}/p/{secret.pk}/")
    assert response is not None and response.status == 404
    expect(page.get_by_text("Projet confidentiel")).to_have_count(0)


def test_people_and_locations_pages_are_accessible(page: Page, live_server: Any) -> None:
    production = Production.objects.create(title="Court", format="short")
    user_with_role("regie", production, Role.PRODUCTION_MANAGER)
    log_in(page, live_server.url, "regie")
    for path in ("people/", "people/new/", "locations/", "locations/new/", "members/", "history/"):
        page.goto(f"{live_server.url}/p/{production.pk}/{path}")
        assert_accessible(page)
