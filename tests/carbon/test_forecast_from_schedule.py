"""The carbon forecast reads its days from the accepted plan de travail: where each day is
shot (through the set ↔ location mapping) and who is called, nothing typed twice."""

from __future__ import annotations

from typing import Any

import pytest

from flow_helpers import plan_production
from tournage.web.carbon.adapters import production_plan
from tournage.web.carbon.models import LocationEnergy
from tournage.web.productions.models import Location
from tournage.web.scheduling.api import accepted_plan

from .web_helpers import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned(production: Any, make_person: Any) -> Any:
    production.anna = plan_production(production, make_person)["anna"]
    return production


def test_without_an_accepted_plan_the_typed_days_count(production: Any) -> None:
    place = Location.objects.create(
        production=production, name="Moulin", latitude=44.0, longitude=2.0
    )
    LocationEnergy.objects.create(production=production, location=place, shooting_days=3)
    assert [day.location for day in production_plan(production).days] == [str(place.pk)] * 3


def test_days_places_and_people_come_from_the_accepted_plan(planned: Any) -> None:
    maison = Location.objects.get(production=planned, name="Maison Roussel")
    LocationEnergy.objects.create(production=planned, location=maison, shooting_days=9)  # ignored
    accepted = accepted_plan(planned)
    assert accepted is not None and accepted.unplaced() == ["JARDIN"]
    kitchen = [d for d in accepted.days if d.location_id == maison.pk]
    assert kitchen and all(d.cast_ids == (planned.anna.pk,) for d in kitchen)
    days = production_plan(planned).days
    assert [(d.location, d.date) for d in days] == [(str(maison.pk), d.day) for d in kitchen]
    crew = {str(p.pk) for p in planned.people.filter(kind="crew")}
    assert all(set(d.people or ()) == crew | {str(planned.anna.pk)} for d in days)


def test_placing_the_last_set_brings_its_days(planned: Any) -> None:
    jardin = Location.objects.create(
        production=planned, name="Jardin public", sets=["JARDIN"], latitude=43.9, longitude=1.8
    )
    accepted = accepted_plan(planned)
    assert accepted is not None and accepted.unplaced() == []
    assert {d.location for d in production_plan(planned).days} >= {str(jardin.pk)}


def test_the_plan_de_travail_s_moves_reach_the_forecast(planned: Any) -> None:
    Location.objects.create(
        production=planned, name="Jardin public", sets=["JARDIN"], latitude=43.9, longitude=1.8
    )
    accepted = accepted_plan(planned)
    assert accepted is not None
    expected = [
        tuple((str(m.origin_id), str(m.destination_id)) for m in day.moves) for day in accepted.days
    ]
    assert any(expected)  # the kitchen and the garden are both shot: at least one move
    assert [day.moves for day in production_plan(planned).days] == expected


def test_the_page_says_where_the_days_come_from(planned: Any, member_client: Any) -> None:
    page = member_client("eco_referent").get(url("index", planned)).content.decode()
    number = accepted_plan(planned).number
    assert f"d’après le plan de travail v{number}" in page
    assert "Les jours des décors sans lieu sont laissés de côté : JARDIN." in page
    assert f"(plan de travail v{number})" in page


def test_an_archive_with_an_unreadable_plan_de_travail_is_a_clear_error(tmp_path: Any) -> None:
    import json
    import zipfile

    from tournage.carbon.errors import CarbonError
    from tournage.carbon.sources import read_archive

    path = tmp_path / "bad.zip"
    schedule = {"pk": 1, "fields": {"status": "current", "problem": {"scenes": "x"}}}
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "tournage-production-archive"}))
        archive.writestr(
            "sections/scheduling.json", json.dumps({"scheduling.schedule": [schedule]})
        )
    with pytest.raises(CarbonError) as error:
        read_archive(path)
    assert error.value.code == "archive.schedule"
