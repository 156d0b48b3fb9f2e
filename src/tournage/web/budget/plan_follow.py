"""The devis follows the accepted plan de travail: people's lines take their days from it.

A line follows the plan when its quantity points at a global the plan provides
(``quantity_ref``): an actor's line at their own days (``jours:<person key>``), another
person's line counted in days at the shooting days (``tournage``). Such a line keeps
following when a new plan is accepted, since provided globals are read live. What does not
follow is listed as a gap, with both values: a line typed by hand with a person the plan
counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tournage.budget.model import BudgetGlobal
from tournage.web.productions.history import save_with_history

from . import models
from .schedule_link import provided_globals

SHOOTING_DAYS = "tournage"
# Units a line counted in days is written with (the demo and the XLSX layout write "jour").
DAY_UNITS = frozenset({"jour", "jours", "j", "day", "days"})


@dataclass(frozen=True)
class Gap:
    """A value of the devis that differs from the plan de travail."""

    subject: str  # the line or the global
    code: str  # the plan's global
    typed: Decimal
    planned: Decimal


def plan_source(production: Any) -> str | None:
    """« from the plan de travail v3 », or ``None`` without an accepted plan."""
    from tournage.web.scheduling.api import current_schedule

    schedule = current_schedule(production)
    if schedule is None:
        return None
    return _("from the plan de travail v%(number)s") % {"number": schedule.number}


def planned_code(line: models.BudgetLine, provided: dict[str, BudgetGlobal]) -> str | None:
    """The plan's global this line's quantity should follow, if any."""
    person = line.person
    if person is None:
        return None
    own = f"jours:{person.key}"
    if person.key and own in provided:
        return own
    if line.unit.strip().lower() in DAY_UNITS and SHOOTING_DAYS in provided:
        return SHOOTING_DAYS
    return None


def gaps(version: models.BudgetVersion) -> list[Gap]:
    """Lines of ``version`` typed by hand that the plan would set to another value. A typed
    global of a code the plan provides is no gap: the devis already computes with the
    plan's value (following the plan only aligns the typed one)."""
    provided = provided_globals(version.production)
    found = []
    for line in version.lines.filter(quantity_ref="").select_related("person"):
        code = planned_code(line, provided)
        if code is not None and line.quantity != provided[code].value:
            found.append(Gap(str(line), code, line.quantity, provided[code].value))
    return found


@transaction.atomic
def follow_plan(version: models.BudgetVersion, user: Any = None) -> int:
    """Point every line the plan counts at the plan's global and align the typed globals
    of the same code; returns how many rows changed (none when already following)."""
    provided = provided_globals(version.production)
    changed = 0
    for line in version.lines.filter(quantity_ref="").select_related("person"):
        code = planned_code(line, provided)
        if code is None:
            continue
        line.quantity_ref, line.quantity = code, provided[code].value
        save_with_history(line, user, update_fields=["quantity_ref", "quantity"])
        changed += 1
    for item in version.globals.filter(code__in=list(provided)):
        if item.value != provided[item.code].value:
            item.value = provided[item.code].value
            save_with_history(item, user, update_fields=["value"])
            changed += 1
    return changed
