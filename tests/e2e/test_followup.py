"""A production manager completes a call sheet in Chromium: fill, save twice, reload, issue."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tournage.web.followup.models import CallSheet
from tournage.web.productions.models import Production, Role

from .browser import assert_accessible, log_in, user_with_role

pytestmark = pytest.mark.django_db(transaction=True)
SCRIPT = b"""Title: Essai

INT. CUISINE - JOUR

ANNA pose une tasse.

EXT. JARDIN - NUIT

BRUNO fume.
"""


def _scheduled() -> Production:
    from tournage.web.scheduling.services import accept, optimise
    from tournage.web.screenplay.services import import_script

    production = Production.objects.create(
        title="Court", format="short", shoot_start=date(2027, 3, 1)
    )
    import_script(production, SCRIPT, "essai.fountain")
    schedule = optimise(production, 2.0)
    assert schedule is not None
    accept(schedule)
    return production


def test_manager_completes_and_issues_a_call_sheet(page: Page, live_server: Any) -> None:
    production = _scheduled()
    user_with_role("regie", production, Role.PRODUCTION_MANAGER)
    log_in(page, live_server.url, "regie")
    page.goto(f"{live_server.url}/p/{production.pk}/followup/call-sheets/")
    assert_accessible(page)
    page.get_by_role("link", name="1 mars 2027").click()
    page.get_by_label("Prévision météo").fill("Soleil, 14 °C")
    page.get_by_label("Hôpital le plus proche").fill("CH d'Albi")
    page.get_by_label("Consignes de sécurité").fill("Câbles au sol")
    for _ in range(2):
        page.get_by_role("button", name="Enregistrer").click()
        expect(page.get_by_text("Feuille de service enregistrée.")).to_be_visible()
    page.reload()
    expect(page.get_by_label("Prévision météo")).to_have_value("Soleil, 14 °C")
    assert_accessible(page)
    page.get_by_role("button", name="Émettre une nouvelle version").click()
    expect(page.get_by_text("Feuille de service émise (version 1).")).to_be_visible()
    sheet = CallSheet.objects.get(production=production)
    assert sheet.version == 1 and sheet.content["weather"] == "Soleil, 14 °C"
    page.goto(f"{live_server.url}/p/{production.pk}/followup/plan/")
    assert_accessible(page)


def test_manager_saves_a_daily_report_twice_and_the_second_save_changes_nothing(
    page: Page, live_server: Any
) -> None:
    from tournage.web.carbon.models import CarbonActivity
    from tournage.web.followup.models import DailyReport
    from tournage.web.labor.models import Timesheet

    production = _scheduled()
    bruno = production.people.create(first_name="Bruno", last_name="Vidal", kind="crew")
    user_with_role("regie", production, Role.PRODUCTION_MANAGER)
    log_in(page, live_server.url, "regie")
    page.goto(f"{live_server.url}/p/{production.pk}/followup/reports/2027-03-01/")
    assert_accessible(page)
    page.locator("[name=call]").fill("08:00")
    page.locator("[name=wrap]").fill("18:30")
    page.get_by_label("Pause repas de l'équipe (minutes)").fill("60")
    page.locator("[name=transport_km]").fill("312")
    page.locator("[name=meals]").fill("38")
    page.get_by_label(f"Convocation de {bruno}").fill("07:00")

    def history() -> list[int]:
        return [
            DailyReport.history.count(),
            CarbonActivity.history.count(),
            Timesheet.history.count(),
        ]

    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Rapport enregistré.")).to_be_visible()
    expect(page.get_by_role("heading", name="Ce que ce rapport a alimenté")).to_be_visible()
    first = history()
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Rapport enregistré.")).to_be_visible()
    page.reload()
    assert history() == first
    expect(page.get_by_label(f"Convocation de {bruno}")).to_have_value("07:00")
    expect(page.get_by_role("link", name=str(bruno))).to_be_visible()
    assert DailyReport.objects.get().transport_km == 312
    sheet = Timesheet.objects.get(person=bruno)
    assert sheet.origin == "rapport de production du 01/03/2027"


def test_data_manager_offloads_a_card_and_reads_each_copy(
    page: Page, live_server: Any, settings: Any, tmp_path: Any
) -> None:
    settings.TOURNAGE_RUSHES_ROOT = str(tmp_path)
    for folder, content in (("J1/A001", b"image"), ("SSD1/A001", b"image"), ("NAS/A001", b"imag")):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "A001C001.mov").write_bytes(content)
    production = _scheduled()
    user_with_role("dit", production, Role.PRODUCTION_MANAGER)
    log_in(page, live_server.url, "dit")
    page.goto(f"{live_server.url}/p/{production.pk}/followup/offloads/")
    assert_accessible(page)
    page.get_by_label("Carte ou bobine").fill("A001")
    page.get_by_label("Dossier de la carte").fill("J1/A001")
    page.get_by_label("Copies de sauvegarde").fill("SSD1/A001\nNAS/A001")
    page.get_by_role("button", name="Calculer et vérifier").click()
    expect(page.get_by_role("heading", name="Copies")).to_be_visible()
    expect(page.get_by_text("non vérifiée")).to_be_visible()
    assert_accessible(page)
