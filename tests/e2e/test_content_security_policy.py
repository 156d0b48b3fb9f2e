"""The demo's pages run under the Content-Security-Policy without a single violation, and
the colours users choose (stripboard effets, breakdown categories) still show."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import ConsoleMessage, Page

from tournage.demo import DEMO_PASSWORD
from tournage.web.productions.demo import load_demo
from tournage.web.scheduling.models import Schedule

from .browser import log_in

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = ("", "script/", "script/elements/", "schedule/", "budget/", "delivery/", "teams/")
TRANSPARENT = "rgba(0, 0, 0, 0)"


def _background(page: Page, selector: str) -> str:
    return str(page.eval_on_selector(selector, "e => getComputedStyle(e).backgroundColor"))


def test_demo_pages_raise_no_policy_violation(page: Page, live_server: Any) -> None:
    production, _logins = load_demo()
    violations: list[str] = []

    def watch(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            violations.append(f"{page.url}: {message.text}")

    page.on("console", watch)
    log_in(page, live_server.url, "producer", DEMO_PASSWORD)
    base = f"{live_server.url}/p/{production.pk}/"
    for path in PAGES:
        response = page.goto(base + path)
        assert response is not None and response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]

    page.goto(base + "script/elements/")
    page.wait_for_load_state("load")
    assert _background(page, ".swatch[data-colour]") != TRANSPARENT

    schedule = Schedule.objects.filter(production=production).order_by("-pk").first()
    assert schedule is not None
    page.goto(f"{base}schedule/{schedule.pk}/")
    page.wait_for_load_state("load")
    assert _background(page, "tr[data-colour]") != TRANSPARENT
    assert violations == []
