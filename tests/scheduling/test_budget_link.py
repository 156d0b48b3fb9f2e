"""The accepted plan de travail drives the devis globals: shooting days, each actor's days."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.utils import translation

from tournage.web.budget.schedule_link import provided_globals
from tournage.web.scheduling.services import accept, assignment_of, optimise

pytestmark = pytest.mark.django_db


def test_no_schedule_provides_nothing(production: Any) -> None:
    assert provided_globals(production) == {}


def test_accepted_schedule_sets_shooting_days_and_cast_days(
    scripted: Any,
    make_person: Any,
) -> None:
    anna = make_person(scripted, kind="cast", key="anna-roux", daily_rate="300.00")
    character = _character(scripted, "ANNA")
    character.person = anna
    character.save()
    schedule = optimise(scripted, seconds=2)
    assert schedule is not None
    accept(schedule)

    found = provided_globals(scripted)
    days = len(set(assignment_of(schedule).values()))
    assert found["tournage"].value == Decimal(days)
    assert Decimal(1) <= found["jours:anna-roux"].value <= Decimal(days)
    assert "jours:" + "bruno" not in found  # no person cast for BRUNO: no per-person global
    with translation.override("fr"):
        label = provided_globals(scripted)["jours:anna-roux"].label
    assert label.startswith(f"Jours payés : {anna} (")  # no "de" to elide before a vowel


def _character(production: Any, name: str) -> Any:
    from tournage.web.screenplay.services import current_version

    return current_version(production).characters.get(name=name)
