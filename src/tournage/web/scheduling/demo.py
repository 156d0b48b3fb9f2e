"""Demo step: an optimised schedule of the demo script, then a re-planning (idempotent)."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

from .models import AvailabilityConfirmation, Schedule, Unavailability
from .services import accept, assignment_of, optimise, replan

log = logging.getLogger(__name__)
DEMO_SECONDS = 5.0


def load_demo_schedule(production: Any) -> None:
    _demo_availability(production)
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
    days = sorted(set(assignment_of(schedule).values()))
    if len(days) > 1:  # rain on the second day: re-plan from there, kept as a proposal
        replan(schedule, days[1], DEMO_SECONDS)


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
