"""Every domain's main page, filled by the demo production, passes axe-core."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tournage.demo import DEMO_PASSWORD
from tournage.web.productions.demo import load_demo

from .browser import assert_accessible, log_in

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = (
    "",
    "people/",
    "locations/",
    "script/",
    "schedule/",
    "budget/",
    "carbon/",
    "teams/",
    "delivery/",
    "accessibility/",
    "history/",
    "referential/",
    "referential/c2_3/",
    "referential/history/",
)


def test_demo_pages_have_no_accessibility_violation(page: Page, live_server: Any) -> None:
    production, _logins = load_demo()
    log_in(page, live_server.url, "producer", DEMO_PASSWORD)
    for path in PAGES:
        response = page.goto(f"{live_server.url}/p/{production.pk}/{path}")
        assert response is not None and response.status == 200, path
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)
