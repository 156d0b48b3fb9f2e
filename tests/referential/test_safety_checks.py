"""Safety checks: DUER, risky scenes, location checklists, incidents and accidents,
disability obligation and referent, parity grid and heads-of-department form."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from tournage.referential.registry import Status
from tournage.safety.rules import CHECKLIST, PARITY
from tournage.web.budget.models import FinancingSource
from tournage.web.labor.models import LocationAccess, Risk, Timesheet
from tournage.web.safety.models import (
    Briefing,
    Hazard,
    HeadOfDepartment,
    Incident,
    LocationCheck,
    SafetyFile,
)

from .conftest import run

pytestmark = pytest.mark.django_db
DAY = date(2027, 4, 20)


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


@pytest.fixture
def risky(production: Any, make_person: Any) -> Any:
    Risk.objects.create(
        production=production,
        scene="12",
        code="water",
        label="Eau",
        measures="Plongeur",
        owner="Régie",
        day=DAY,
    )
    return production


def test_duer(risky: Any) -> None:
    assert run("duer_present", risky).status is Status.NOT_MET
    SafetyFile.objects.create(production=risky, duer_established=DAY - timedelta(days=20))
    Hazard.objects.create(
        production=risky,
        scene="12",
        code="water",
        label="Eau",
        severity=4,
        likelihood=2,
        due=DAY - timedelta(days=3),
    )
    result = run("duer_present", risky)
    assert result.status is Status.MET and result.uncertain


def test_risky_scene_needs_a_briefing(risky: Any, make_person: Any) -> None:
    result = run("risky_scene_measures_b3", risky)
    assert result.status is Status.NOT_MET and "briefing" in result.message
    briefing = Briefing.objects.create(
        production=risky, scene="12", held_at=_at(DAY, 8), given_by="1re assistante"
    )
    briefing.attendees.add(make_person(risky))
    assert run("risky_scene_measures_b3", risky).status is Status.MET


def test_risky_scene_check_is_unknown_without_register(production: Any) -> None:
    assert run("risky_scene_measures_b3", production).status is Status.UNKNOWN


@pytest.fixture
def used(production: Any, make_person: Any, make_location: Any) -> Any:
    place = make_location(production, name="Gare")
    make_location(production, name="Bureau")  # recorded, nobody called there
    Timesheet.objects.create(
        production=production,
        person=make_person(production),
        location=place,
        start=_at(DAY, 8),
        end=_at(DAY, 18),
    )
    return place


def _fill(place: Any, value: bool = True) -> None:
    typed = {item.id: value for item in CHECKLIST.load().items if item.teams is None}
    LocationCheck.objects.create(production=place.production, location=place, answers=typed)
    teams = {item.teams: value for item in CHECKLIST.load().items if item.teams}
    LocationAccess.objects.create(production=place.production, location=place, **teams)


def test_location_checks_fail_then_pass(used: Any) -> None:
    production = used.production
    for check in ("location_hygiene", "checklist_per_location", "location_checklist_done"):
        assert run(check, production).status is Status.NOT_MET, check
    _fill(used)
    assert run("location_hygiene", production).status is Status.MET
    assert run("checklist_per_location", production).status is Status.MET
    # the office nobody is called to still lacks its accessibility checklist
    assert run("location_checklist_done", production).status is Status.PARTLY


def test_hygiene_answered_no_fails(used: Any) -> None:
    _fill(used, value=False)
    result = run("location_hygiene", used.production)
    assert result.status is Status.NOT_MET and "non" in result.message
    assert run("checklist_per_location", used.production).status is Status.MET


def test_incident_closure(production: Any) -> None:
    assert run("incident_closed", production).status is Status.MET  # empty register
    incident = Incident.objects.create(
        production=production, occurred_at=_at(DAY, 11), description="Glissade"
    )
    assert run("incident_closed", production).status is Status.NOT_MET
    incident.action, incident.closed_on = "Balisage", DAY
    incident.save()
    assert run("incident_closed", production).status is Status.MET


def test_accident_declared_late_fails(production: Any) -> None:
    accident = Incident.objects.create(
        production=production,
        occurred_at=_at(DAY, 11),
        description="Entorse",
        accident=True,
        declared_at=_at(DAY + timedelta(days=4), 9),
    )
    assert run("accidents_declared", production).status is Status.NOT_MET
    accident.declared_at = _at(DAY + timedelta(days=1), 9)
    accident.save()
    assert run("accidents_declared", production).status is Status.MET


def test_referent_and_quota(production: Any, make_person: Any) -> None:
    for check in ("referent_handicap", "disability_quota_info"):
        assert run(check, production).status is Status.UNKNOWN, check
    file = SafetyFile.objects.create(production=production, company_headcount=300)
    assert run("referent_handicap", production).status is Status.NOT_MET
    assert run("disability_quota_info", production).status is Status.MET  # shown, undeclared
    file.oeth_beneficiaries = Decimal("10")
    file.disability_referent = make_person(production)
    file.save()
    quota = run("disability_quota_info", production)
    assert quota.status is Status.NOT_MET and "18" in quota.message
    assert run("referent_handicap", production).status is Status.MET


def _heads(production: Any, make_person: Any, skip: int = 0) -> None:
    for post in PARITY.load().parity_bonus.grid[skip:]:
        HeadOfDepartment.objects.create(
            production=production, post=post.id, person=make_person(production), sex="f"
        )


def test_parity_grid_and_indicator(production: Any, make_person: Any) -> None:
    _heads(production, make_person, skip=1)
    assert run("parity_grid", production).status is Status.PARTLY
    assert run("parity_indicator", production).status is Status.UNKNOWN
    first = PARITY.load().parity_bonus.grid[0]
    HeadOfDepartment.objects.create(
        production=production, post=first.id, person=make_person(production), sex="m"
    )
    assert run("parity_grid", production).status is Status.MET
    indicator = run("parity_indicator", production)
    assert indicator.status is Status.MET and indicator.uncertain
    assert f"{sum(p.points for p in PARITY.load().parity_bonus.grid) - first.points}/" in (
        indicator.message
    )


def test_heads_form_required_with_fsa(production: Any, make_person: Any) -> None:
    assert run("chefs_de_poste_form", production).status is Status.MET  # not required
    FinancingSource.objects.create(
        production=production,
        kind="public_aid",
        label="FSA",
        amount=Decimal("100000"),
        aid_id="cnc_fsa_selectif",
    )
    assert run("chefs_de_poste_form", production).status is Status.NOT_MET
    _heads(production, make_person)
    assert run("chefs_de_poste_form", production).status is Status.MET
