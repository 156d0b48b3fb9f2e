"""Login throttling (django-axes): the probe's 60 wrong passwords then the right one."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from typer.testing import CliRunner

from tournage.cli import build_app
from tournage.cli.output import CliError

pytestmark = pytest.mark.django_db

RIGHT = "pw-for-tests-only"


def _login(client: Client, username: str, password: str, ip: str = "10.0.0.1") -> Any:
    data = {"username": username, "password": password}
    return client.post("/accounts/login/", data, REMOTE_ADDR=ip)


def test_the_right_password_is_refused_after_too_many_wrong_ones(
    make_user: Any, settings: Any
) -> None:
    make_user("claire")
    client = Client()
    answers = [_login(client, "claire", f"guess-{n}").status_code for n in range(12)]
    limit = settings.AXES_FAILURE_LIMIT
    assert answers[: limit - 1] == [200] * (limit - 1)  # the form again, with its error
    assert answers[limit:] == [429] * (12 - limit)
    locked = _login(client, "claire", RIGHT)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Trop de tentatives de connexion" in locked.content.decode()
    assert "15 minutes" in locked.content.decode()


def test_one_address_trying_many_usernames_is_locked_too(make_user: Any, settings: Any) -> None:
    make_user("victim")
    client = Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login(client, f"name-{n}", "guess", ip="10.0.0.9")
    assert _login(client, "victim", RIGHT, ip="10.0.0.9").status_code == 429
    # the account itself is not locked: its owner logs in from elsewhere
    assert _login(Client(), "victim", RIGHT, ip="10.0.0.10").status_code == 302


def test_a_success_before_the_limit_forgets_the_failures(make_user: Any, settings: Any) -> None:
    make_user("claire")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(Client(), "claire", "typo")
    assert _login(Client(), "claire", RIGHT).status_code == 302
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(Client(), "claire", "typo")
    assert _login(Client(), "claire", RIGHT).status_code == 302


def test_tournage_unlock_lifts_the_lockout(make_user: Any, settings: Any) -> None:
    make_user("claire")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(Client(), "claire", "typo")
    assert _login(Client(), "claire", RIGHT).status_code == 429
    result = CliRunner().invoke(build_app(), ["unlock", "claire"])
    assert result.exit_code == 0, result.output
    assert "Déverrouillé" in result.output
    assert _login(Client(), "claire", RIGHT).status_code == 302


def test_tournage_unlock_needs_a_name_or_an_address() -> None:
    result = CliRunner().invoke(build_app(), ["unlock"])
    assert isinstance(result.exception, CliError)  # main() prints it and exits with its code
    assert result.exception.exit_code == 2
