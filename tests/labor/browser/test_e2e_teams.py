"""In a real browser: crew members never see other people's contracts, pay or
accommodation needs; the teams pages pass axe-core."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from e2e.browser import assert_accessible, log_in, user_with_role
from tournage.web.labor.models import AccommodationNeed, Contract
from tournage.web.productions.models import Person, Production, Role

pytestmark = pytest.mark.django_db(transaction=True)


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
    user_with_role("chef", production, Role.PRODUCER)
    user_with_role("perche", production, Role.CREW)
    return production


def test_crew_sees_no_one_elses_contract_pay_or_needs(
    page: Page, live_server: Any, team: Production
) -> None:
    log_in(page, live_server.url, "perche")
    page.goto(f"{live_server.url}/p/{team.pk}/teams/")
    expect(page.get_by_role("heading", name="Équipe et contrats")).to_be_visible()
    expect(page.get_by_role("heading", name="Mon contrat")).to_be_visible()
    expect(page.get_by_text("Nadia Benali")).to_have_count(0)
    assert "987" not in page.content() and "wheelchair" not in page.content()
    assert_accessible(page)
    for path in ("compliance/", "accessibility/"):
        response = page.goto(f"{live_server.url}/p/{team.pk}/teams/{path}")
        assert response is not None and response.status == 403


def test_producer_sees_pay_and_checks(page: Page, live_server: Any, team: Production) -> None:
    log_in(page, live_server.url, "chef")
    page.goto(f"{live_server.url}/p/{team.pk}/teams/")
    expect(page.get_by_text("987,65 €", exact=False)).to_be_visible()
    page.get_by_role("link", name="Nadia Benali").click()
    expect(page.get_by_role("heading", name="Contrôles avant signature")).to_be_visible()
    assert_accessible(page)
