"""In a real browser: crew members never see other people's pay or accommodation needs;
the teams pages pass axe-core."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from tournage.web.labor.models import AccommodationNeed, Contract
from tournage.web.productions.models import Membership, Person, Production, Role

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a-long-test-password"


@pytest.fixture
def team() -> Production:
    production = Production.objects.create(title="Les Écluses", format="series_episode")
    person = Person.objects.create(
        production=production, first_name="Nadia", last_name="Benali", kind="crew"
    )
    Contract.objects.create(
        production=production,
        person=person,
        idcc=2642,
        function="Machiniste",
        programme="Série Les Écluses, épisode 3",
        start=date(2026, 3, 2),
        end=date(2026, 3, 6),
        pay_amount=Decimal("987.65"),
        workplace="Paris",
    )
    AccommodationNeed.objects.create(
        production=production, person=person, needs=["wheelchair"], consent=True
    )
    for username, role in (("chef", Role.PRODUCER), ("perche", Role.CREW)):
        user = get_user_model().objects.create_user(username, password=PASSWORD)
        Membership.objects.create(production=production, user=user, role=role)
    return production


def log_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Nom d’utilisateur").fill(username)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Mes productions")).to_be_visible()


def test_crew_sees_the_team_without_pay_or_needs(
    page: Page, live_server: Any, team: Production
) -> None:
    log_in(page, live_server.url, "perche")
    page.goto(f"{live_server.url}/p/{team.pk}/teams/")
    expect(page.get_by_role("heading", name="Équipe et contrats")).to_be_visible()
    expect(page.get_by_text("Nadia Benali")).to_be_visible()
    assert "987" not in page.content() and "wheelchair" not in page.content()
    assert Axe().run(page).violations_count == 0
    for path in ("compliance/", "accessibility/"):
        response = page.goto(f"{live_server.url}/p/{team.pk}/teams/{path}")
        assert response is not None and response.status == 403


def test_producer_sees_pay_and_checks(page: Page, live_server: Any, team: Production) -> None:
    log_in(page, live_server.url, "chef")
    page.goto(f"{live_server.url}/p/{team.pk}/teams/")
    expect(page.get_by_text("987,65 €", exact=False)).to_be_visible()
    page.get_by_role("link", name="Nadia Benali").click()
    expect(page.get_by_role("heading", name="Contrôles avant signature")).to_be_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
