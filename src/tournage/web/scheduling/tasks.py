"""Background tasks: the optimiser runs in the worker, never in a web request."""

from __future__ import annotations

from datetime import date

from django_tasks import task

from tournage.scheduling.tables import DEFAULTS
from tournage.web.productions.models import Production

from .models import Schedule
from .services import optimise, replan


@task()
def optimise_schedule(production_id: int) -> int | None:
    """Solve the production's schedule; return the new version's id (``None``: no script)."""
    schedule = optimise(Production.objects.get(pk=production_id), DEFAULTS.load().solve_seconds)
    return schedule.pk if schedule else None


@task()
def replan_schedule(schedule_id: int, lost_day: str) -> int:
    """Re-plan a schedule after losing a day (ISO date); return the new version's id."""
    schedule = Schedule.objects.get(pk=schedule_id)
    return replan(schedule, date.fromisoformat(lost_day), DEFAULTS.load().solve_seconds).pk
