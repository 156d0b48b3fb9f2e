"""Plan de travail checks on a solved and accepted schedule, then broken on purpose."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tournage.referential.registry import Status
from tournage.web.scheduling.models import AvailabilityConfirmation, Unavailability
from tournage.web.scheduling.services import accept, optimise

from .conftest import run

pytestmark = pytest.mark.django_db


def test_availability_recorded_passes_when_every_actor_was_asked(cast: Any) -> None:
    anna, bruno = cast["ANNA"], cast["BRUNO"]
    AvailabilityConfirmation.objects.create(
        production=anna.production, person=anna, confirmed_on=date(2027, 2, 1)
    )
    Unavailability.objects.create(production=bruno.production, person=bruno, date=date(2027, 3, 3))
    assert run("availability_recorded", anna.production).status is Status.MET


def test_availability_recorded_fails_for_an_actor_never_asked(cast: Any) -> None:
    anna = cast["ANNA"]
    AvailabilityConfirmation.objects.create(
        production=anna.production, person=anna, confirmed_on=date(2027, 2, 1)
    )
    result = run("availability_recorded", anna.production)
    assert result.status is Status.PARTLY
    assert str(cast["BRUNO"]) in result.message


def test_schedule_checks_pass_on_a_solved_schedule(scheduled: Any) -> None:
    production = scheduled.production
    for check in (
        "all_scenes_scheduled",
        "availability_respected",
        "working_time_rules",
        "minors_hours",
        "daily_capacity",
        "schedule_cost",
    ):
        assert run(check, production).status is Status.MET, check


def test_schedule_checks_are_unknown_without_a_schedule(scripted: Any) -> None:
    for check in ("all_scenes_scheduled", "availability_respected", "schedule_cost"):
        assert run(check, scripted).status is Status.UNKNOWN


def test_all_scenes_scheduled_fails_on_an_unplaced_scene(scheduled: Any) -> None:
    scheduled.assignments.update(day=None)
    assert run("all_scenes_scheduled", scheduled.production).status is Status.NOT_MET


def test_availability_respected_fails_when_an_actor_became_unavailable(
    cast: Any, scheduled: Any
) -> None:
    # the schedule was solved before the cast was linked: re-solve with people, then
    # record an unavailability on a shooting day of ANNA
    production = cast["ANNA"].production
    schedule = optimise(production, 2.0)
    accept(schedule)
    day = schedule.days.first()
    problem = schedule.problem
    for member in problem["cast"]:
        if member["id"] == "ANNA":
            member["unavailable"] = [day.date.isoformat()]
    schedule.save()
    result = run("availability_respected", production)
    assert result.status is Status.NOT_MET
    assert "indisponible" in result.message


def test_working_time_rules_fail_on_an_overlong_day(scheduled: Any) -> None:
    problem = scheduled.problem
    for scene in problem["scenes"]:
        scene["minutes"] = 400
    scheduled.save()
    assert run("working_time_rules", scheduled.production).status is Status.NOT_MET


def test_minors_hours_fail_and_only_warn_on_the_uncertain_cap(cast: Any) -> None:
    production = cast["ANNA"].production
    schedule = optimise(production, 2.0)
    accept(schedule)
    for scene in schedule.problem["scenes"]:
        scene["minutes"] = 300
    schedule.save()
    result = run("minors_hours", production)
    assert result.status is Status.NOT_MET
    assert result.uncertain


def test_daily_capacity_fails_when_a_day_holds_more_pages_than_the_pace(scheduled: Any) -> None:
    scheduled.problem["pages_per_day"] = "0.1"
    scheduled.save()
    assert run("daily_capacity", scheduled.production).status is Status.NOT_MET


def test_schedule_groups_locations_needs_two_variants(scheduled: Any) -> None:
    production = scheduled.production
    assert run("schedule_groups_locations", production).status is Status.NOT_MET
    optimise(production, 2.0)
    assert run("schedule_groups_locations", production).status is Status.MET
