"""The dashboard's panels are cached, and never stale: after a write in any module, the
page shown is the one computed afresh, and for every module with a panel at least one
write changes what the page shows."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from django.db import connection
from django.db.models import ProtectedError, RestrictedError
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from tournage.web.productions.archive import ModelSection, sections
from tournage.web.productions.dashboard import _panels as registered_panels
from tournage.web.productions.demo import load_demo
from tournage.web.productions.models import Production

# Real commits, as in production: the revision changes when the write commits.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]
DUMMY = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
NO_CACHE = {"default": DUMMY, "derived": DUMMY}


def _panels(client: Client, production: Production) -> str:
    response = client.get(f"/p/{production.pk}/")
    assert response.status_code == 200
    return str(response.context["panels"])


def _fresh(client: Client, production: Production) -> str:
    with override_settings(CACHES=NO_CACHE):
        return _panels(client, production)


def _delete_one(section: ModelSection, model: Any, production: Production) -> bool:
    row = section.queryset(model, production).last()
    if row is None:
        return False
    try:
        row.delete()
    except (ProtectedError, RestrictedError):
        return False
    return True


def test_every_module_write_shows_on_the_dashboard_at_once(client: Client) -> None:
    production, _logins = load_demo()
    client.force_login(production.memberships.get(user__username="producer").user)
    shown = _panels(client, production)
    with CaptureQueriesContext(connection) as warm:
        assert _panels(client, production) == shown
    # A cached view reads only the session, the user, the membership and the production.
    assert len(warm) <= 5, [query["sql"] for query in warm]
    assert shown == _fresh(client, production)
    changed: Counter[str] = Counter()
    for section in sections():
        if not isinstance(section, ModelSection) or section.name == "productions":
            continue
        for model in reversed(section.models()):  # children first: fewer cascades
            if not _delete_one(section, model, production):
                continue
            page = _panels(client, production)
            assert page == _fresh(client, production), model._meta.label
            changed[section.name] += page != shown
            shown = page
    with_panel = {p.template.split("/")[0] for p in registered_panels}
    unseen = sorted(name for name in with_panel if name in _section_names() and not changed[name])
    assert not unseen, f"no write of these modules changed the dashboard: {unseen}"


def _section_names() -> set[str]:
    return {section.name for section in sections()}
