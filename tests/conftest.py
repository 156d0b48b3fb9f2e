"""Fixtures shared by every test suite: productions, members with a role, people, places."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings

# CI replays the same examples every run (a red CI blocks everything); developers' runs
# keep exploring new ones.
hypothesis_settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def _media_root(settings: Any, tmp_path: Any) -> None:
    """Uploaded files of a test go to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def production(db: None) -> Any:
    from tournage.web.productions.models import Production

    return Production.objects.create(
        title="La Traversée", format="short", budget_envelope="120000.00", channels=["dcp_cinema"]
    )


@pytest.fixture
def other_production(db: None) -> Any:
    from tournage.web.productions.models import Production

    return Production.objects.create(title="Autre film", format="documentary")


@pytest.fixture
def make_user(db: None) -> Callable[..., Any]:
    from django.contrib.auth import get_user_model

    def make(username: str | None = None) -> Any:
        name = username or f"user{next(_counter)}"
        return get_user_model().objects.create_user(name, password="pw-for-tests-only")

    return make


@pytest.fixture
def member_client(production: Any, make_user: Callable[..., Any]) -> Callable[..., Any]:
    """A logged-in client for a new user holding ``role`` on ``production``."""
    from django.test import Client

    from tournage.web.productions.models import Membership

    def make(role: str, on: Any = None) -> Any:
        user = make_user()
        Membership.objects.create(production=on or production, user=user, role=role)
        client = Client()
        client.force_login(user)
        client.user = user
        return client

    return make


@pytest.fixture
def make_person() -> Callable[..., Any]:
    from tournage.web.productions.models import Person

    def make(production: Any, **fields: Any) -> Any:
        values = {"first_name": "Camille", "last_name": f"Martin{next(_counter)}", "kind": "crew"}
        values.update(fields)
        return Person.objects.create(production=production, **values)

    return make


@pytest.fixture
def make_location() -> Callable[..., Any]:
    from tournage.web.productions.models import Location

    def make(production: Any, **fields: Any) -> Any:
        values = {
            "name": f"Lieu {next(_counter)}",
            "city": "Albi",
            "latitude": 43.93,
            "longitude": 2.15,
        }
        values.update(fields)
        return Location.objects.create(production=production, **values)

    return make
