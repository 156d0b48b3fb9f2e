"""A producer edits the plan de travail in Chromium with the keyboard only: a strip moved
with Alt+↓ opens a draft (the accepted plan stays), the move is announced and the strip
keeps the focus, Ctrl+Z and Ctrl+Y undo and redo, the draft is compared with the accepted
plan, then accepted; axe-core finds nothing on the board and on the draft."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tournage.web.productions.models import Production, Role
from tournage.web.scheduling.models import Schedule, ScheduleStatus

from .browser import assert_accessible, log_in, user_with_role

pytestmark = pytest.mark.django_db(transaction=True)
SCRIPT = b"""Title: Essai

INT. CUISINE - JOUR

ANNA pose une tasse.

EXT. JARDIN - NUIT

BRUNO fume.

INT. CUISINE - JOUR

ANNA
Tu rentres ?
"""


def _accepted() -> tuple[Production, Schedule]:
    from tournage.web.scheduling.services import accept, optimise
    from tournage.web.screenplay.services import import_script

    production = Production.objects.create(
        title="Court", format="short", shoot_start=date(2027, 3, 1)
    )
    import_script(production, SCRIPT, "essai.fountain")
    schedule = optimise(production, 2.0)
    assert schedule is not None
    accept(schedule)
    return production, schedule


def _placement(schedule: Schedule) -> dict[str, date | None]:
    return {
        a.scene_key: a.day.date if a.day else None
        for a in schedule.assignments.select_related("day")
    }


def test_keyboard_moves_a_strip_in_a_draft_with_undo_and_accept(
    page: Page, live_server: Any
) -> None:
    production, accepted = _accepted()
    placed = _placement(accepted)
    user_with_role("prod", production, Role.PRODUCER)
    log_in(page, live_server.url, "prod")
    page.goto(f"{live_server.url}/p/{production.pk}/schedule/{accepted.pk}/")
    assert_accessible(page)
    strip = page.locator("#strip-1")
    strip.focus()
    strip.press("Alt+ArrowDown")
    expect(page.get_by_role("heading", name="Brouillon à partir de la v1")).to_be_visible()
    draft = Schedule.objects.get(production=production, status=ScheduleStatus.DRAFT)
    moved = _placement(draft)["1"]
    assert moved is not None and placed["1"] is not None and moved > placed["1"]
    expect(page.locator("#strip-1")).to_be_focused()
    expect(
        page.get_by_role("status").filter(has_text="La séquence 1 est désormais le")
    ).to_be_visible()
    expect(page.get_by_text("Ce brouillon par rapport au plan accepté (v1)")).to_be_visible()
    assert_accessible(page)
    accepted.refresh_from_db()
    assert accepted.status == ScheduleStatus.CURRENT and _placement(accepted) == placed

    page.keyboard.press("Control+z")
    expect(page.get_by_text("Déplacement de la séquence 1 annulé.")).to_be_visible()
    assert _placement(draft) == placed
    page.keyboard.press("Control+y")
    expect(page.get_by_text("Déplacement de la séquence 1 rétabli.")).to_be_visible()
    assert _placement(draft)["1"] == moved

    page.reload()  # a reload changes nothing
    assert _placement(draft)["1"] == moved
    page.get_by_role("button", name="Accepter ce brouillon").click()
    expect(
        page.get_by_text("Cette version est désormais le plan de travail en vigueur.")
    ).to_be_visible()
    draft.refresh_from_db()
    accepted.refresh_from_db()
    assert draft.status == ScheduleStatus.CURRENT and accepted.status == ScheduleStatus.ARCHIVED


def test_plan_settings_fill_save_twice_and_reload(page: Page, live_server: Any) -> None:
    from tournage.web.scheduling.models import PlanSettings

    production, _accepted_version = _accepted()
    user_with_role("prod", production, Role.PRODUCER)
    log_in(page, live_server.url, "prod")
    page.goto(f"{live_server.url}/p/{production.pk}/schedule/")
    page.get_by_role("link", name="Réglages du plan de travail").click()
    assert_accessible(page)
    page.locator("[name=second_unit_name]").fill("Équipe voiture")
    page.locator("[name=second_day_cost]").fill("600")
    page.locator("[name=split_call]").fill("18:30")
    page.locator("[name=weather_cover]").check()
    page.get_by_label("Équipe de la séquence 2").select_option("second")
    page.get_by_label("La séquence 1 est une séquence de repli météo").check()
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Réglages du plan enregistrés")).to_be_visible()
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Aucun changement.")).to_be_visible()
    page.reload()
    expect(page.locator("[name=second_unit_name]")).to_have_value("Équipe voiture")
    expect(page.locator("[name=split_call]")).to_have_value("18:30")
    expect(page.get_by_label("Équipe de la séquence 2")).to_have_value("second")
    expect(page.get_by_label("La séquence 1 est une séquence de repli météo")).to_be_checked()
    assert_accessible(page)
    stored = PlanSettings.objects.get(production=production)
    assert stored.second_day_cost == 600 and stored.second_unit_scenes == ["2"]
    assert stored.history.count() == 1
