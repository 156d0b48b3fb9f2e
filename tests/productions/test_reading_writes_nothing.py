"""Opening a page never writes: every GET of a production page leaves the database as it was
(a crew member viewing a page used to create profile rows)."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps

from .test_access import PRODUCTION_ROUTES, fill

pytestmark = pytest.mark.django_db

# Pages whose URL needs nothing but the production: the ones a fresh production can show.
PAGES = [route for route in PRODUCTION_ROUTES if route.count("<") == 1]


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model.__module__.startswith("tournage.")
    }


def test_the_walk_has_pages_of_every_domain() -> None:
    segments = {route.split("/")[2] for route in PAGES}
    assert {"budget", "carbon", "teams", "schedule"} <= segments


@pytest.mark.parametrize("role", ["producer", "crew"])
def test_no_page_writes_on_get(role: str, production: Any, member_client: Any) -> None:
    client = member_client(role)
    before = _row_counts()
    for route in PAGES:
        client.get(fill(route, production.pk))
    assert _row_counts() == before
