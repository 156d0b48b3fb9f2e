"""Steps every browser test shares: a user with a role, logging in, the axe-core check."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from tournage.web.productions.models import Membership, Production, Role

PASSWORD = "a-long-test-password"


def user_with_role(username: str, production: Production | None, role: str = Role.PRODUCER) -> Any:
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    if production is not None:
        Membership.objects.create(production=production, user=user, role=role)
    return user


def log_in(page: Page, base: str, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Nom d’utilisateur").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Mes productions")).to_be_visible()


def assert_accessible(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
