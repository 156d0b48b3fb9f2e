"""Timesheets: actual hours replace the plan; the plan comes from the current schedule."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tournage.labor.findings import finding_day
from tournage.web.labor.models import (
    Risk,
    Timesheet,
)
from tournage.web.labor.services import compliance
from tournage.web.productions.models import Person, Role

pytestmark = pytest.mark.django_db


SCRIPT = """Title: Le Pont

EXT. PONT DE LA DIGUE - NUIT

Lou court sur le pont sous la pluie.

LOU
Attends-moi !

INT. CUISINE DE LA MAISON - JOUR

MARC range la vaisselle.

MARC
Tu es trempée.
""".encode()


def test_actual_timesheet_replaces_the_planned_day(demo: Any, member_client: Any) -> None:
    manager = member_client(Role.PRODUCTION_MANAGER, on=demo)
    leon = Person.objects.get(production=demo, key="leon-chabert")
    url = f"/p/{demo.pk}/teams/compliance/"
    # Thursday call moved to 12:00: 01:00 -> 12:00 = 11 h of rest, the daily rest is met
    response = manager.post(
        url,
        {
            "person": leon.pk,
            "start": "2027-04-22T12:00",
            "end": "2027-04-22T20:00",
            "break_minutes": 60,
            "kind": "actual",
        },
    )
    assert response.status_code == 302
    findings, _ = compliance(demo)
    rest = {f.subject for f in findings if f.code == "LAB-REST-DAILY"}
    assert "Léon Chabert" not in rest and "Julie Marcoux" in rest
    wrong = manager.post(
        url,
        {
            "person": leon.pk,
            "start": "2027-04-22T20:00",
            "end": "2027-04-22T12:00",
            "break_minutes": 0,
            "kind": "actual",
        },
    )
    assert wrong.status_code == 200
    too_long = manager.post(
        url,
        {
            "person": leon.pk,
            "start": "2027-04-22T08:00",
            "end": "2027-04-24T08:00",
            "break_minutes": 0,
            "kind": "actual",
        },
    )
    assert "24 h" in too_long.content.decode()
    assert Timesheet.objects.filter(person=leon, kind="actual").count() == 1
    # a call after the contract's end (23 April) is a day the contract does not cover
    manager.post(
        url,
        {
            "person": leon.pk,
            "start": "2027-04-26T08:00",
            "end": "2027-04-26T12:00",
            "break_minutes": 0,
            "kind": "actual",
        },
    )
    findings, _ = compliance(demo)
    assert ("LAB-DATES-UNCOVERED", "Léon Chabert", date(2027, 4, 26)) in {
        (f.code, f.subject, finding_day(f)) for f in findings
    }


def test_timesheets_planned_from_the_current_schedule(
    production: Any, member_client: Any, make_person: Any
) -> None:
    from tournage.web.scheduling.services import accept, optimise
    from tournage.web.screenplay.models import Character
    from tournage.web.screenplay.services import import_script

    production.shoot_start = date(2027, 5, 3)
    production.save()
    version = import_script(production, SCRIPT, "pont.fountain")
    lou = make_person(production, first_name="Lou", last_name="Petit", kind="cast")
    make_person(production, first_name="Ana", last_name="Roy", kind="crew")
    Character.objects.filter(version=version, name="LOU").update(person=lou)
    schedule = optimise(production, seconds=2)
    assert schedule is not None
    accept(schedule)
    Risk.objects.create(production=production, scene="1", code="night_exterior", label="x")
    manager = member_client(Role.PRODUCER)
    response = manager.post(f"/p/{production.pk}/teams/compliance/from-schedule/")
    assert response.status_code == 302
    sheets = Timesheet.objects.filter(production=production, kind="planned")
    assert {s.person.first_name for s in sheets} == {"Lou", "Ana"}
    assert sheets.filter(person=lou).count() == 1  # Lou only on the day of scene 1
    assert Risk.objects.get(production=production).day is not None
    again = manager.post(f"/p/{production.pk}/teams/compliance/from-schedule/")
    assert (
        again.status_code == 302
        and sheets.count()
        == Timesheet.objects.filter(production=production, kind="planned").count()
    )
