"""The demo production: rich enough for every domain, and loading it twice changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from archive_snapshot import snapshot
from tournage.demo import production_data, script_text
from tournage.web.productions.archive import (
    archived_models,
    export_production,
    import_production,
    sections,
)
from tournage.web.productions.demo import load_demo
from tournage.web.productions.models import Location, Membership, Person, Production

pytestmark = pytest.mark.django_db


def test_demo_material_is_complete() -> None:
    data = production_data()
    cast = [p for p in data["people"] if p["kind"] == "cast"]
    assert len(cast) >= 8
    assert any("birth_date" in p for p in cast), "a child role"
    assert len(data["locations"]) >= 6
    assert all(p.get("home_latitude") for p in data["people"] if p["kind"] != "contact")
    assert "NUIT" in script_text() and "JOUR" in script_text()


def _counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Production, Person, Location, Membership))


def test_loading_twice_duplicates_nothing() -> None:
    production, logins = load_demo()
    before = _counts()
    again, _ = load_demo()
    assert again.pk == production.pk
    assert _counts() == before
    assert len(logins) == 5
    assert production.people.filter(kind="cast").exclude(character="").count() >= 8


def test_demo_round_trips_through_an_archive(tmp_path: Any) -> None:
    """Every archived model, filled by the demo, survives export then import unchanged."""
    production, _ = load_demo()
    path = tmp_path / "demo.zip"
    export_production(production, str(path))
    copy = import_production(str(path))
    assert snapshot(copy) == snapshot(production)
    empty = [m._meta.label for m in archived_models() if not _rows_of(m, production)]
    assert empty == [], "the demo should fill every archived model so this test covers it"


def _rows_of(model: Any, production: Production) -> bool:
    section = next(s for s in sections() if model in s.models())
    return section.queryset(model, production).exists()
