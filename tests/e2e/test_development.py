"""The development pages in Chromium: every page of the demo passes axe-core; the brief
is edited, saved twice and read back after a reload."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tournage.demo import DEMO_PASSWORD
from tournage.web.development.models import Brief, Objective
from tournage.web.productions.demo import load_demo

from .browser import assert_accessible, log_in

pytestmark = pytest.mark.django_db(transaction=True)
PAGES = ("", "benchmark/", "notes/", "distribution/", "cdc/", "approvals/", "dossiers/")


def test_development_pages_and_brief_round_trip(page: Page, live_server: Any) -> None:
    production, _logins = load_demo()
    log_in(page, live_server.url, "producer", DEMO_PASSWORD)
    base = f"{live_server.url}/p/{production.pk}/development/"
    for path in PAGES:
        response = page.goto(base + path)
        assert response is not None and response.status == 200, path
        assert_accessible(page)
    page.goto(base + "brief/")
    page.get_by_label("Contraintes posées par le client").fill("Pas de tournage en crue réelle.")
    page.get_by_label("Échéance").fill("2027-10-15")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Pas de tournage en crue réelle.")).to_be_visible()
    page.goto(base + "brief/")
    with page.expect_navigation():  # unchanged: nothing moves
        page.get_by_role("button", name="Enregistrer").click()
    page.reload()
    brief = Brief.objects.get(production=production)
    assert brief.constraints == "Pas de tournage en crue réelle."
    assert brief.deadline.isoformat() == "2027-10-15"
    page.goto(base + "objectives/new/")
    page.get_by_label("Objectif").fill("Toucher un public scolaire")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Toucher un public scolaire")).to_be_visible()
    assert Objective.objects.filter(production=production).count() == 4
