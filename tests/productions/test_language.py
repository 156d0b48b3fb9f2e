"""French by default whatever the browser says; English when chosen with the switch."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_french_even_for_an_english_browser(client: Any) -> None:
    page = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert 'lang="fr"' in page.content.decode()
    assert "Se connecter" in page.content.decode()


def test_the_switch_sets_english_then_french_again(client: Any) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert "Log in" in client.get("/accounts/login/").content.decode()
    client.post("/i18n/setlang/", {"language": "fr", "next": "/accounts/login/"})
    assert "Se connecter" in client.get("/accounts/login/").content.decode()


def test_an_unknown_language_cookie_falls_back_to_french(client: Any) -> None:
    client.cookies["django_language"] = "xx"
    assert "Se connecter" in client.get("/accounts/login/").content.decode()
