"""In Chromium, a producer imports the script as a French A4 PDF (names centred,
``12. INT.`` headings, a page header) twice: every scene shows, the second version
changes nothing, the page still shows them after a reload. axe-core on the pages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from screenplay.print_layouts import LAYOUTS, printed
from tournage.web.productions.models import Production, Role
from tournage.web.screenplay.models import ScriptVersion

from .browser import assert_accessible, log_in, user_with_role

pytestmark = pytest.mark.django_db(transaction=True)
SOURCE = Path(__file__).parent.parent / "screenplay" / "corpus" / "fr_la_digue.fountain"


def test_a_french_pdf_imported_twice_in_the_browser(page: Page, live_server: Any) -> None:
    production = Production.objects.create(
        title="La Digue",
        format="short",
        budget_envelope=Decimal("95000.00"),
        shoot_start=date(2027, 4, 19),
    )
    user_with_role("claire", production, Role.PRODUCER)
    log_in(page, live_server.url, "claire")
    original, pdf, pagination = printed(SOURCE.read_text(encoding="utf-8"), LAYOUTS[1])
    first = original.scenes[0].heading
    for _ in range(2):  # the same file twice: the second version changes nothing
        page.goto(f"{live_server.url}/p/{production.pk}/script/")
        assert_accessible(page)
        page.locator("input[type=file]").set_input_files(
            {"name": "la_digue.pdf", "mimeType": "application/pdf", "buffer": pdf}
        )
        page.get_by_role("button", name="Importer et dépouiller").click()
        expect(page.get_by_text(first).first).to_be_visible()
    page.reload()
    expect(page.get_by_text(first).first).to_be_visible()
    assert_accessible(page)
    latest = ScriptVersion.objects.get(production=production, number=2)
    assert latest.page_count == pagination.page_count
    assert latest.scenes.count() == len(original.scenes)
    assert set(latest.scenes.values_list("change", flat=True)) == {"unchanged"}
