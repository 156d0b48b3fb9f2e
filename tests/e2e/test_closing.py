"""A production manager fills the delivery register in a real browser: add a destination,
an element with its checksum, save it twice, reload; axe-core on each page."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tournage.web.closing.models import RegisterItem
from tournage.web.productions.models import Production, Role

from .browser import assert_accessible, log_in, user_with_role

pytestmark = pytest.mark.django_db(transaction=True)
SHA = "0123456789abcdef" * 4


def test_register_element_saved_twice_keeps_its_values(page: Page, live_server: Any) -> None:
    production = Production.objects.create(title="Avant la crue", format="short")
    user_with_role("regie", production, Role.PRODUCTION_MANAGER)
    log_in(page, live_server.url, "regie")
    page.goto(f"{live_server.url}/p/{production.pk}/closing/")
    assert_accessible(page)
    page.get_by_label("Nom").fill("France 3 Occitanie")
    page.get_by_label("Type").select_option("broadcaster")
    page.get_by_role("button", name="Ajouter").click()
    expect(page.get_by_role("heading", name="France 3 Occitanie")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Élément").select_option("pad")
    page.get_by_label("Libellé").fill("PAD HD 25p")
    page.get_by_label("Échéance").fill("2027-09-15")
    page.get_by_label("Livré le").fill("2027-09-10")
    page.get_by_label("ou son SHA-256").fill(SHA.upper())
    page.get_by_role("button", name="Ajouter").click()
    page.get_by_role("link", name="PAD HD 25p").click()
    assert_accessible(page)
    for _ in range(2):
        page.get_by_role("button", name="Enregistrer").click()
        expect(page.get_by_text("Élément enregistré.")).to_be_visible()
    page.reload()
    expect(page.get_by_label("ou son SHA-256")).to_have_value(SHA)
    item = RegisterItem.objects.get()
    assert item.file_sha256 == SHA and str(item.due) == "2027-09-15"


def test_trailer_signage_and_credits_in_french_and_english(page: Page, live_server: Any) -> None:
    """The trailer's signage is checked against the rights register's target category; the
    générique lists its blocks and the mentions it must carry, in both languages."""
    from tournage.web.rights.models import ChannelRating

    production = Production.objects.create(
        title="Avant la crue", format="short", channels=["fr_pad_hd_file"]
    )
    ChannelRating.objects.create(production=production, channel="fr_pad_hd_file", category="III")
    user_with_role("prod", production, Role.PRODUCER)
    log_in(page, live_server.url, "prod")
    page.goto(f"{live_server.url}/p/{production.pk}/closing/marketing/")
    assert_accessible(page)
    page.get_by_label("Pièce").select_option("trailer")
    page.get_by_label("Titre").fill("Bande-annonce 1'30")
    page.get_by_label("Signalétique").select_option("II")
    page.get_by_role("button", name="Ajouter").click()
    expect(page.locator("[data-signage='warn']")).to_contain_text("attendu")
    expect(page.get_by_role("heading", name="Générique", exact=True)).to_be_visible()
    expect(page.locator("[data-mention='missing']").first).to_be_visible()
    assert_accessible(page)

    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.reload()
    expect(page.get_by_role("heading", name="Trailer signage")).to_be_visible()
    expect(page.get_by_role("heading", name="Mentions the credits must carry")).to_be_visible()
    expect(page.get_by_text("Every author named with their quality")).to_be_visible()
    assert_accessible(page)
