"""The accepted plan de travail as other apps read it (``tournage.scheduling.planned``):
the carbon forecast derives its days, travel and lodging from it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tournage.scheduling.planned import PlannedDay, planned_days
from tournage.web.screenplay import api as screenplay_api

from .services import assignment_of, current_schedule, problem_of


@dataclass(frozen=True)
class AcceptedPlan:
    number: int
    days: tuple[PlannedDay, ...]

    def unplaced(self) -> list[str]:
        """Décors of shooting days that no location holds yet (first appearance order)."""
        return list(
            dict.fromkeys(
                decor
                for day in self.days
                for decor, placed in (
                    (day.decor, day.location_id),
                    *((m.destination, m.destination_id) for m in day.moves),
                )
                if placed is None
            )
        )


def accepted_plan(production: Any) -> AcceptedPlan | None:
    """The current (accepted) version's days; ``None`` while no version is accepted."""
    schedule = current_schedule(production)
    if schedule is None:
        return None
    places = {place.pk: names for place, names in screenplay_api.set_places(production).items()}
    cast = {name: p.pk for name, p in screenplay_api.cast_by_character(production).items()}
    days = planned_days(problem_of(schedule), assignment_of(schedule), places, cast)
    return AcceptedPlan(schedule.number, days)
