"""403 and 404 pages in the app's layout and language; a non-member learns nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tournage.web.productions.models import Role

pytestmark = pytest.mark.django_db


def test_forbidden_page_keeps_the_production_layout_in_french(
    member_client: Any, production: Any
) -> None:
    response = member_client(Role.CREW).get(f"/p/{production.pk}/budget/")
    assert response.status_code == 403
    html = response.content.decode()
    assert 'lang="fr"' in html
    assert "Action non autorisée" in html
    assert "Équipe (lecture seule)" in html  # the role, in the production's navigation
    assert "La Traversée" in html


def test_forbidden_page_in_english_when_chosen(member_client: Any, production: Any) -> None:
    crew = member_client(Role.CREW)
    crew.cookies["django_language"] = "en"
    html = crew.get(f"/p/{production.pk}/budget/").content.decode()
    assert "Not allowed" in html


def test_missing_object_page_in_the_layout(member_client: Any, production: Any) -> None:
    response = member_client(Role.PRODUCER).get(f"/p/{production.pk}/people/999999/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page introuvable" in html and "La Traversée" in html


def test_non_member_404_does_not_name_the_production(
    member_client: Any, production: Any, other_production: Any
) -> None:
    outsider = member_client(Role.PRODUCER, on=other_production)
    response = outsider.get(f"/p/{production.pk}/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page introuvable" in html and "La Traversée" not in html


def test_nav_shows_only_the_pages_the_role_opens(member_client: Any, production: Any) -> None:
    crew_nav = member_client(Role.CREW).get(f"/p/{production.pk}/").content.decode()
    assert f'href="/p/{production.pk}/budget/"' not in crew_nav
    assert f'href="/p/{production.pk}/history/"' not in crew_nav
    referent_nav = member_client(Role.ECO_REFERENT).get(f"/p/{production.pk}/").content.decode()
    assert f'href="/p/{production.pk}/budget/"' in referent_nav
    assert f'href="/p/{production.pk}/edit/"' not in referent_nav
