"""Archives from schema 1 still import: what has moved since (labour incidents, the heads of
department, the plan's age categories, the signage's slots) lands where it lives now, as
the migrations moved it in a database; a current archive holding such data is refused."""

from __future__ import annotations

import io
from datetime import date, time
from typing import Any

import pytest

from crafted_archives import build, person_row, production_row
from tournage.web.development.models import ChannelPlan
from tournage.web.productions.archive import ArchiveError, restore_archive
from tournage.web.productions.models import Production
from tournage.web.rights.models import ChannelRating
from tournage.web.safety.models import HeadOfDepartment, Incident

pytestmark = pytest.mark.django_db


def _row(pk: int, **fields: Any) -> dict[str, Any]:
    return {"pk": pk, "fields": {"production": 1, **fields}, "m2m": {}}


def _sections(**incident: Any) -> dict[str, Any]:
    return {
        "productions": {
            "productions.production": [production_row(channels=["fr_pad_hd_file"])],
            "productions.person": [person_row(5, first_name="Léa")],
        },
        "labor": {
            "labor.incident": [
                _row(3, day="2027-03-02", description="Chute d'un projecteur", **incident)
            ]
        },
        "development": {
            "development.headofdepartment": [
                _row(1, department="image", person=5, planned_by="2027-01-15")
            ],
            "development.channelplan": [
                _row(2, channel="fr_pad_hd_file", slot="20:30:00", age_category="-12")
            ],
        },
        "rights": {
            "rights.channelrating": [
                _row(4, channel="fr_pad_hd_file", category="", slot="21:10:00", reason="Vu.")
            ]
        },
    }


def _import(sections: dict[str, Any], version: int = 1) -> Production:
    data = build(sections, manifest={"schema_version": version})
    return restore_archive(io.BytesIO(data)).production


def test_a_schema_1_archive_lands_where_its_data_lives_now() -> None:
    production = _import(_sections(action="Zone balisée"))
    [incident] = Incident.objects.filter(production=production)
    assert (incident.description, incident.action) == ("Chute d'un projecteur", "Zone balisée")
    assert str(incident) == "2027-03-02 Chute d'un projecteur"  # the day, in local time
    [head] = HeadOfDepartment.objects.filter(production=production)
    assert (head.post, head.person.first_name) == ("cinematographer", "Léa")
    assert head.planned_by == date(2027, 1, 15)
    [plan] = ChannelPlan.objects.filter(production=production)
    assert plan.slot == time(20, 30)  # the plan's own slot stays...
    [rating] = ChannelRating.objects.filter(production=production)
    assert rating.category == "III"  # "-12", typed in the plan, now on the signage page
    assert rating.reason == "Vu. Case saisie à la signalétique : 21:10"  # ...the other is kept


def test_the_same_data_in_a_current_archive_is_refused() -> None:
    with pytest.raises(ArchiveError) as refused:
        _import(_sections(), version=2)
    assert refused.value.code == "unknown_model"


def test_a_bad_legacy_value_names_its_row_and_field_and_changes_nothing() -> None:
    before = Production.objects.count()
    with pytest.raises(ArchiveError) as refused:
        _import(_sections(action=["pas", "du", "texte"]))
    assert "labor.incident n°3" in refused.value.message
    assert "« action »" in refused.value.message
    assert Production.objects.count() == before
