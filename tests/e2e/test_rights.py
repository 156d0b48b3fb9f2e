"""The rights pages in Chromium: every page of the demo passes axe-core; a clearance is
edited, saved twice and read back after a reload."""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tournage.demo import DEMO_PASSWORD
from tournage.web.development.models import ChannelPlan
from tournage.web.productions.demo import load_demo
from tournage.web.rights.models import Clearance

from .browser import assert_accessible, log_in

pytestmark = pytest.mark.django_db(transaction=True)
PAGES = ("", "clearances/", "authors/", "permits/", "release/", "cuesheet/")


def test_rights_pages_and_clearance_round_trip(page: Page, live_server: Any) -> None:
    production, _logins = load_demo()
    log_in(page, live_server.url, "producer", DEMO_PASSWORD)
    base = f"{live_server.url}/p/{production.pk}/rights/"
    for path in PAGES:
        response = page.goto(base + path)
        assert response is not None and response.status == 200, path
        assert_accessible(page)
    song = Clearance.objects.get(production=production, type="music_work_sync")
    page.goto(f"{base}clearances/{song.pk}/")
    page.locator("#id_status").select_option("granted")
    page.locator("#id_ends").fill("2031-12-31")
    page.locator("#id_fee").fill("1 200,50")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Enregistré.")).to_be_visible()
    page.goto(f"{base}clearances/{song.pk}/")
    with page.expect_navigation():  # unchanged: nothing moves
        page.get_by_role("button", name="Enregistrer").click()
    page.reload()
    song.refresh_from_db()
    assert (song.status, song.ends.isoformat(), str(song.fee)) == (
        "granted",
        "2031-12-31",
        "1200.50",
    )
    assert song.channels == ["fr_pad_hd_file", "dcp_cinema", "youtube_upload"]
    page.goto(base + "cuesheet/")
    expect(page.get_by_text("Chanson radio atelier").first).to_be_visible()


def test_the_signage_follows_the_slot_typed_in_the_distribution_plan(
    page: Page, live_server: Any
) -> None:
    production, _logins = load_demo()
    log_in(page, live_server.url, "producer", DEMO_PASSWORD)
    release = f"{live_server.url}/p/{production.pk}/rights/release/"
    page.goto(release)
    row = page.locator("tr", has_text="Diffusion PAD HD")
    expect(row.locator("td").nth(2)).to_have_text("20:30")  # the demo's one slot
    page.get_by_role("link", name="Modifier les cases dans le plan de diffusion").click()
    page.get_by_role("link", name="PAD HD").first.click()
    edit = page.url
    page.locator("#id_slot").fill("22:15")
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer").click()
    page.goto(edit)
    expect(page.locator("#id_slot")).to_have_value("22:15")
    with page.expect_navigation():  # saved again unchanged: nothing moves
        page.get_by_role("button", name="Enregistrer").click()
    page.goto(edit)
    plan = ChannelPlan.objects.get(production=production, channel="fr_pad_hd_file")
    assert plan.slot == time(22, 15)
    page.goto(release)
    expect(page.locator("tr", has_text="Diffusion PAD HD").locator("td").nth(2)).to_have_text(
        "22:15"
    )
    assert_accessible(page)
