"""Every URL of the app, walked from the URL conf: who may read, who may write.

A domain app that adds a URL is covered automatically; a URL outside a production must
be on the short public list below.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tournage.web.productions.models import Role

GLOBAL_ROUTES = {
    "",
    "accounts/login/",
    "accounts/logout/",
    "accounts/reset/<uidb64>/<token>/",
    "accounts/reset/done/",
    "i18n/setlang/",
    "productions/",
    "productions/new/",
    "productions/import/",
}
PLACEHOLDER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def walk(patterns: list[Any], prefix: str = "") -> Iterator[str]:
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue  # Django's admin: staff only, its own permission system
            yield from walk(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route


ALL_ROUTES = sorted(set(walk(get_resolver().url_patterns)))
PRODUCTION_ROUTES = [r for r in ALL_ROUTES if "<int:production_id>" in r]


def fill(route: str, production_id: int) -> str:
    def value(match: re.Match[str]) -> str:
        converter, name = match.group("converter"), match.group("name")
        if name == "production_id":
            return str(production_id)
        if converter == "uuid":
            return str(uuid.uuid4())
        if converter in (None, "str", "slug", "path"):
            return "x"
        return "1"

    return "/" + PLACEHOLDER.sub(value, route)


def test_the_walk_finds_the_foundation_routes() -> None:
    assert "p/<int:production_id>/" in PRODUCTION_ROUTES
    assert "p/<int:production_id>/people/<int:person_id>/delete/" in PRODUCTION_ROUTES


def test_every_route_outside_a_production_is_public_by_design() -> None:
    unexpected = [r for r in ALL_ROUTES if r not in PRODUCTION_ROUTES and r not in GLOBAL_ROUTES]
    assert unexpected == []


@pytest.mark.django_db
@pytest.mark.parametrize("route", PRODUCTION_ROUTES)
def test_non_member_gets_404_on_every_production_url(
    route: str, member_client: Any, production: Any, other_production: Any
) -> None:
    outsider = member_client(Role.PRODUCER, on=other_production)
    url = fill(route, production.pk)
    assert outsider.get(url).status_code == 404
    assert outsider.post(url, {"title": "hijack"}).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("route", PRODUCTION_ROUTES)
def test_crew_cannot_write_on_any_production_url(
    route: str, member_client: Any, production: Any
) -> None:
    crew = member_client(Role.CREW)
    url = fill(route, production.pk)
    for method in (crew.post, crew.put, crew.patch, crew.delete):
        assert method(url).status_code in (403, 405), method.__name__


@pytest.mark.django_db
@pytest.mark.parametrize("route", PRODUCTION_ROUTES)
def test_anonymous_is_sent_to_login(route: str, client: Any, production: Any) -> None:
    response = client.get(fill(route, production.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_member_reads_dashboard_and_crew_cannot_edit(member_client: Any, production: Any) -> None:
    crew = member_client(Role.CREW)
    assert crew.get(f"/p/{production.pk}/").status_code == 200
    response = crew.post(f"/p/{production.pk}/edit/", {"title": "Nouveau titre"})
    assert response.status_code == 403
    production.refresh_from_db()
    assert production.title == "La Traversée"


@pytest.mark.django_db
def test_production_list_shows_only_my_productions(
    member_client: Any, production: Any, other_production: Any
) -> None:
    client = member_client(Role.ACCOUNTANT)
    page = client.get("/productions/").content.decode()
    assert production.title in page
    assert other_production.title not in page


@pytest.mark.django_db
def test_objects_of_another_production_are_not_reachable(
    member_client: Any, production: Any, other_production: Any, make_person: Any
) -> None:
    stranger = make_person(other_production)
    manager = member_client(Role.PRODUCTION_MANAGER)
    url = f"/p/{production.pk}/people/{stranger.pk}/"
    assert manager.get(url).status_code == 404
    assert manager.post(url, {"first_name": "X"}).status_code == 404


@pytest.mark.django_db
def test_exports_are_for_managers_only(member_client: Any, production: Any) -> None:
    url = f"/p/{production.pk}/exports/"
    assert member_client(Role.ECO_REFERENT).get(url).status_code == 403
    manager = member_client(Role.PRODUCTION_MANAGER)
    assert manager.post(url).status_code == 302  # the task runs at once in tests
    export = production.exports.get()
    response = manager.get(f"{url}{export.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content)[:2] == b"PK"


@pytest.mark.django_db
def test_only_producers_manage_members(member_client: Any, production: Any, make_user: Any) -> None:
    newcomer = make_user("newcomer")
    newcomer.email = "newcomer@example.org"
    newcomer.save()
    manager = member_client(Role.PRODUCTION_MANAGER)
    url = f"/p/{production.pk}/members/"
    form = {"email": "newcomer@example.org", "role": "crew"}
    assert manager.post(url, form).status_code == 403
    producer = member_client(Role.PRODUCER)
    assert producer.post(url, form).status_code == 302
    assert production.memberships.filter(user=newcomer, role="crew").exists()
