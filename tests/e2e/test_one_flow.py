"""In Chromium, a new production carried through the flow, nothing typed twice: two
channels chosen at creation become deliverables, the script's sets are placed at a
location (saved twice, reloaded), the accepted plan de travail feeds the carbon forecast
and pre-fills a contract that is saved twice unchanged. axe-core on every page."""

from __future__ import annotations

from typing import Any

import pytest
from django.forms.models import model_to_dict
from playwright.sync_api import Page, expect

from flow_helpers import SCRIPT
from tournage.web.delivery.models import Deliverable
from tournage.web.labor.models import Contract
from tournage.web.productions.models import Location, Person, Production
from tournage.web.scheduling import services as scheduling

from .browser import assert_accessible, log_in, user_with_role

pytestmark = pytest.mark.django_db(transaction=True)


def _visit(page: Page, url: str) -> None:
    page.goto(url)
    assert_accessible(page)


def _create_production(page: Page, live: str) -> Production:
    _visit(page, f"{live}/productions/new/")
    page.locator("input[name=title]").fill("Le Passeur")
    page.locator("select[name=format]").select_option("short")
    page.locator("input[name=channels][value=dcp_cinema]").check()
    page.locator("input[name=channels][value=fr_pad_hd_file]").check()
    page.locator("input[name=shoot_start]").fill("2027-03-01")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator(".errorlist")).to_have_count(0)
    return Production.objects.get(title="Le Passeur")


def _place_sets(page: Page, base: str, maison: Location) -> None:
    _visit(page, f"{base}/script/sets/")
    page.get_by_label("CUISINE").select_option(str(maison.pk))
    for _ in range(2):  # saved twice: the second save changes nothing
        page.get_by_role("button", name="Enregistrer").click()
        expect(page.get_by_text("Décors placés.")).to_be_visible()
    page.reload()
    expect(page.get_by_label("CUISINE")).to_have_value(str(maison.pk))
    maison.refresh_from_db()
    assert maison.sets == ["CUISINE"]


def test_a_new_production_flows_from_channels_to_contract(page: Page, live_server: Any) -> None:
    user_with_role("claire", None)
    log_in(page, live_server.url, "claire")
    production = _create_production(page, live_server.url)
    base = f"{live_server.url}/p/{production.pk}"

    _visit(page, f"{base}/delivery/")
    assert Deliverable.objects.filter(production=production).count() == 2
    expect(page.get_by_text("d’après le canal « Cinéma / festivals (DCP) »")).to_be_visible()

    _visit(page, f"{base}/script/")
    page.locator("input[type=file]").set_input_files(
        {"name": "deux-lieux.fountain", "mimeType": "text/plain", "buffer": SCRIPT}
    )
    page.get_by_role("button", name="Importer et dépouiller").click()
    expect(page.get_by_role("link", name="Décors et lieux")).to_be_visible()

    maison = Location.objects.create(
        production=production,
        name="Maison Roussel",
        city="Rabastens",
        latitude=43.88,
        longitude=1.79,
    )
    crew = Person.objects.create(
        production=production,
        first_name="Yann",
        last_name="Le Goff",
        kind="crew",
        functions="Chef opérateur",
        daily_rate="310.00",
        home_city="Toulouse",
        home_latitude=43.6,
        home_longitude=1.44,
    )
    _place_sets(page, base, maison)

    schedule = scheduling.optimise(production, seconds=2)  # the solver page is tested apart
    assert schedule is not None
    scheduling.accept(schedule)

    _visit(page, f"{base}/carbon/")
    expect(page.get_by_text(f"d’après le plan de travail v{schedule.number}").first).to_be_visible()

    _visit(page, f"{base}/teams/contracts/new/?person={crew.pk}")
    expect(page.locator("input[name=function]")).to_have_value("Directeur de la photographie")
    page.locator("input[name=programme]").fill("Le Passeur")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator(".errorlist")).to_have_count(0)
    contract = Contract.objects.get(production=production)
    assert contract.workplace == "Maison Roussel, Rabastens" and contract.idcc == 3097
    before = model_to_dict(contract)
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator(".errorlist")).to_have_count(0)
    assert model_to_dict(Contract.objects.get(pk=contract.pk)) == before
