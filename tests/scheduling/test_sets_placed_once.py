"""A set placed at a location on the screenplay's décor ↔ location screen is where the
scheduler plans its scenes and where labor calls the crew: one mapping, read by both
through ``screenplay.sets.matched`` (``set_places``), never matched again by hand."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from flow_helpers import plan_production
from tournage.web.labor.services import plan_from_schedule, schedule_calls
from tournage.web.productions.models import Location
from tournage.web.scheduling.services import build_problem
from tournage.web.screenplay.sets import set_rows

pytestmark = pytest.mark.django_db


def _place_on_the_screen(client: Any, production: Any, name: str, place: Location) -> None:
    """Post the mapping screen as a producer does: every set as it stands, ``name`` moved."""
    form = {row.field: str(row.location.pk) if row.location else "" for row in set_rows(production)}
    form[next(row.field for row in set_rows(production) if row.name == name)] = str(place.pk)
    sets = reverse("screenplay:sets", kwargs={"production_id": production.pk})
    assert client.post(sets, form).status_code == 302


def test_a_set_placed_on_the_mapping_screen_is_seen_by_scheduling_and_labor(
    production: Any, make_person: Any, member_client: Any
) -> None:
    plan_production(production, make_person)
    jardin = Location.objects.create(
        production=production,
        name="Square des Tilleuls",  # shares no word with the set: only the screen places it
        latitude=43.9,
        longitude=1.8,
        available_from=date(2027, 3, 1),
        available_to=date(2027, 3, 31),
    )
    decor = {location.id: location for location in build_problem(production).locations}
    assert decor["jardin"].latitude is None  # not placed yet
    assert all(
        place != jardin for calls in schedule_calls(production).values() for *_, place in calls
    )

    _place_on_the_screen(member_client("producer"), production, "JARDIN", jardin)

    decor = {location.id: location for location in build_problem(production).locations}
    assert decor["jardin"].name == "JARDIN — Square des Tilleuls"
    assert (decor["jardin"].latitude, decor["jardin"].longitude) == (43.9, 1.8)
    assert decor["jardin"].windows == ((date(2027, 3, 1), date(2027, 3, 31)),)
    assert decor["cuisine"].name == "CUISINE — Maison Roussel"  # the other set kept its place
    called_there = [
        c for calls in schedule_calls(production).values() for c in calls if c[2] == jardin
    ]
    assert called_there
    assert plan_from_schedule(production) > 0
    assert production.labor_timesheets.filter(kind="planned", location=jardin).exists()


def test_only_the_mapping_screen_reads_the_sets_a_location_holds() -> None:
    """Another app building its own name list would match sets its own way again."""
    from pathlib import Path

    import tournage

    root = Path(tournage.__file__).parent
    readers = {
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "migrations" not in path.parts and ".sets or " in path.read_text(encoding="utf-8")
    }
    assert readers == {"web/screenplay/sets.py"}
