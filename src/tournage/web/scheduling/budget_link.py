"""The current plan de travail feeds the devis: shooting days and each actor's paid days.

Registered with the budget app's global providers, so a new accepted schedule changes the
budget lines that point at ``tournage`` or ``jours:<person key>``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from tournage.scheduling.dood import day_out_of_days

from .services import assignment_of, current_schedule, problem_of


def budget_globals(production: Any) -> dict[str, tuple[str, Decimal]]:
    schedule = current_schedule(production)
    if schedule is None or not schedule.problem:
        return {}
    days, rows = day_out_of_days(problem_of(schedule), assignment_of(schedule))
    found = {"tournage": (_("Shooting days"), Decimal(len(days)))}
    people = _people_by_character(production)
    for row in rows:
        person = people.get(row.key) if row.kind == "cast" else None
        if person is not None and person.key:
            paid = row.work_days + row.hold_days  # held days are paid days
            found[f"jours:{person.key}"] = (
                _("Paid days: %(person)s") % {"person": person},
                Decimal(paid),
            )
    return found


def _people_by_character(production: Any) -> dict[str, Any]:
    from tournage.web.screenplay.api import cast_by_character

    return cast_by_character(production)


def register() -> None:
    """Hook of the scheduling app: the budget reads the schedule's globals."""
    from tournage.web.budget.api import register_global_provider

    register_global_provider(budget_globals)
