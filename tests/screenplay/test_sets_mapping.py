"""Script sets ↔ locations: keys, suggestions, the mapping screen and what reads it."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tournage.screenplay.sets import matched, set_key, similarity, suggest
from tournage.web.productions.models import Location
from tournage.web.screenplay.sets import set_rows, unmapped_sets

from .web_helpers import upload, url

SCRIPT = """Title: Les Berges

EXT. BERGES DU LOT - PONTON - JOUR

Nina court.

INT. MAISON ROUSSEL - CUISINE - NUIT

Sophie attend.

EXT. ÉCLUSE - JOUR

Nina plonge.

INT. MAISON ROUSSEL - CUISINE - JOUR

Sophie dort.
""".encode()


def test_a_set_key_is_the_scheduler_decor_id() -> None:
    from tournage.scheduling.adapter import slug

    assert set_key("ÉCLUSE") == "ecluse" == slug("Écluse")
    assert set_key("Hôpital d'Albi - PARKING") == "hopital-d-albi-parking"
    assert set_key("!!!") == "decor"


def test_suggestion_by_shared_words_never_below_the_threshold() -> None:
    places = {"roussel": ["Maison Roussel"], "lot": ["Berges du Lot"], "gare": ["Gare"]}
    assert suggest("MAISON ROUSSEL - CUISINE", places) == "roussel"
    assert suggest("BERGES DU LOT - PONTON", places) == "lot"
    assert suggest("STATION-SERVICE", places) is None
    assert matched("ecluse", {"a": ["Moulin"], "b": ["Moulin", "ÉCLUSE"]}) == "b"
    assert matched("ÉCLUSE", {"a": ["Moulin"]}) is None


@given(st.text(max_size=60), st.text(max_size=60))
def test_similarity_is_bounded_and_symmetric_in_words(a: str, b: str) -> None:
    assert 0.0 <= similarity(a, b) <= 1.0
    assert similarity(a, a) == 1.0


@pytest.fixture
def script(member_client: Any, production: Any) -> Any:
    producer = member_client("producer")
    assert upload(producer, production, "berges.fountain", SCRIPT).status_code == 302
    return producer


@pytest.mark.django_db
def test_sets_are_listed_once_with_their_suggestion(script: Any, production: Any) -> None:
    maison = Location.objects.create(production=production, name="Maison des Roussel")
    rows = set_rows(production)
    assert [row.name for row in rows] == ["BERGES DU LOT", "MAISON ROUSSEL", "ÉCLUSE"]
    assert [row.suggestion for row in rows] == [None, maison, None]
    assert unmapped_sets(production) == [row.name for row in rows]


@pytest.mark.django_db
def test_the_producer_places_sets_and_saving_again_changes_nothing(
    script: Any, production: Any
) -> None:
    maison = Location.objects.create(production=production, name="Maison des Roussel")
    ecluse = Location.objects.create(production=production, name="Écluse", sets=["VIEUX NOM"])
    form = {
        "set-berges-du-lot": str(maison.pk),
        "set-maison-roussel": str(maison.pk),
        "set-ecluse": str(ecluse.pk),
    }
    assert script.post(url("sets", production), form).status_code == 302
    maison.refresh_from_db()
    ecluse.refresh_from_db()
    assert maison.sets == ["BERGES DU LOT", "MAISON ROUSSEL"]
    assert ecluse.sets == ["VIEUX NOM"]  # named like its location: nothing to store
    assert unmapped_sets(production) == []
    page = script.get(url("sets", production)).content.decode()
    assert f'<option value="{maison.pk}" selected>' in page
    script.post(url("sets", production), form)
    maison.refresh_from_db()
    assert maison.sets == ["BERGES DU LOT", "MAISON ROUSSEL"]
    form["set-berges-du-lot"] = ""
    script.post(url("sets", production), form)
    maison.refresh_from_db()
    assert maison.sets == ["MAISON ROUSSEL"]


@pytest.mark.django_db
def test_accepting_the_suggestions_places_only_the_suggested_sets(
    script: Any, production: Any
) -> None:
    maison = Location.objects.create(production=production, name="Maison des Roussel")
    script.post(url("sets", production), {"suggestions": "1"})
    maison.refresh_from_db()
    assert maison.sets == ["MAISON ROUSSEL"]
    assert unmapped_sets(production) == ["BERGES DU LOT", "ÉCLUSE"]


@pytest.mark.django_db
def test_a_location_of_another_production_is_refused(
    script: Any, production: Any, other_production: Any
) -> None:
    foreign = Location.objects.create(production=other_production, name="Maison des Roussel")
    response = script.post(url("sets", production), {"set-ecluse": str(foreign.pk)})
    assert response.status_code == 400
    foreign.refresh_from_db()
    assert foreign.sets == []


@pytest.mark.django_db
def test_readers_see_the_mapping_without_a_form_and_the_panel_counts_unplaced(
    script: Any, member_client: Any, production: Any
) -> None:
    page = member_client("accountant").get(url("sets", production)).content.decode()
    assert "ÉCLUSE" in page and "pas encore placé" in page and 'name="set-' not in page
    dashboard = script.get(f"/p/{production.pk}/").content.decode()
    assert "3 décors sans lieu de tournage" in dashboard
