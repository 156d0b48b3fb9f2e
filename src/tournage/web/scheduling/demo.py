"""Demo step (idempotent): the plan's settings (a second unit on the car scenes, interior
cover scenes kept for rainy days), an optimised schedule of the demo script, accepted; then
the first exterior day is lost to rain and re-planned, the crew shooting a cover scene."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from tournage.scheduling.model import Problem, Unit, WeatherCover

from .models import AvailabilityConfirmation, PlanSettings, Schedule, Unavailability
from .services import (
    SECOND_UNIT,
    accept,
    assignment_of,
    build_problem,
    optimise,
    problem_of,
    replan,
    settings_from,
)

log = logging.getLogger(__name__)
DEMO_SECONDS = 5.0
CAR_UNIT = Unit(SECOND_UNIT, "Deuxième équipe (voiture)", day_cost=600, span=False)  # demo figure
SECOND_UNIT_SETS = ("VOITURE",)  # headings shot by the second unit (the car travellings)
COVER_SETS = ("MAISON ROUSSEL",)  # interiors by day kept as weather cover


def with_demo_units(problem: Problem) -> Problem:
    """The car scenes go to a second unit; day interiors of the house become cover."""
    scenes = tuple(
        replace(
            scene,
            unit=CAR_UNIT.id if any(k in scene.label for k in SECOND_UNIT_SETS) else scene.unit,
            weather_cover=scene.int_ext == "INT"
            and not scene.night
            and any(k in scene.label for k in COVER_SETS),
        )
        for scene in problem.scenes
    )
    return replace(
        problem,
        scenes=scenes,
        units=(problem.units[0], CAR_UNIT),
        weather_cover=WeatherCover(enabled=True),
    )


def _demo_settings(production: Any) -> None:
    """Saved as the plan's settings, as a producer does on the settings page."""
    problem = build_problem(production)
    if problem is not None and not PlanSettings.objects.filter(production=production).exists():
        PlanSettings.objects.create(
            production=production, **settings_from(with_demo_units(problem))
        )


def load_demo_schedule(production: Any) -> None:
    _demo_availability(production)
    _demo_settings(production)
    if Schedule.objects.filter(production=production).exists():
        return
    _demo_unavailability(production)
    schedule = optimise(production, DEMO_SECONDS)
    if schedule is None:
        log.warning("No demo script breakdown: the demo production has no schedule.")
        return
    if not schedule.days.exists():
        log.warning("Demo schedule infeasible: %s", schedule.conflicts)
        return
    accept(schedule)
    rainy = _first_exterior_day(schedule)
    if rainy is not None:  # rain on the first exterior day: re-plan, kept as a proposal
        replan(schedule, rainy, DEMO_SECONDS)


def _first_exterior_day(schedule: Schedule) -> Any:
    problem, assignment = problem_of(schedule), assignment_of(schedule)
    main = problem.units[0].id
    days = sorted(
        assignment[s.id]
        for s in problem.scenes
        if s.int_ext == "EXT" and s.unit == main and s.id in assignment
    )
    return days[0] if days else None


def _demo_unavailability(production: Any) -> None:
    """One actor is busy on the third day (another engagement): the solver works around it."""
    actor = production.people.filter(kind="cast").exclude(character="").order_by("pk").last()
    if actor is not None and production.shoot_start:
        Unavailability.objects.get_or_create(
            production=production,
            person=actor,
            date=production.shoot_start + timedelta(days=2),
            defaults={"reason": "autre tournage"},
        )


def _demo_availability(production: Any) -> None:
    """Availability collected from every actor but the last one engaged (still to ask)."""
    cast = list(production.people.filter(kind="cast").order_by("pk"))
    for person in cast[:-1]:
        AvailabilityConfirmation.objects.get_or_create(
            production=production,
            person=person,
            defaults={"confirmed_on": date(2027, 3, 1)},
        )
