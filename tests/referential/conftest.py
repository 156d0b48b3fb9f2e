"""Productions with just the data one domain's referential checks read."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tournage.referential.registry import CheckResult, evaluator_for

SCRIPT = b"""Title: Essai

INT. CUISINE - JOUR

ANNA pose une tasse.

ANNA
Bonjour.

EXT. JARDIN - NUIT

BRUNO fume.

BRUNO
Il fait froid.

INT. CUISINE - JOUR

ANNA
Tu rentres ?

BRUNO
Oui.
"""


def run(check_id: str, production: Any) -> CheckResult:
    evaluator = evaluator_for(check_id)
    assert evaluator is not None, f"no evaluator registered for {check_id}"
    return evaluator(production)


@pytest.fixture
def scripted(production: Any) -> Any:
    from tournage.web.screenplay.services import import_script

    production.shoot_start = date(2027, 3, 1)
    production.save()
    import_script(production, SCRIPT, "essai.fountain")
    return production


@pytest.fixture
def cast(scripted: Any, make_person: Any) -> dict[str, Any]:
    """ANNA is played by a child of 9, BRUNO by an adult."""
    from tournage.web.screenplay.services import current_version

    people = {
        "ANNA": make_person(scripted, kind="cast", birth_date=date(2018, 1, 5)),
        "BRUNO": make_person(scripted, kind="cast", birth_date=date(1980, 6, 1)),
    }
    for character in current_version(scripted).characters.all():
        character.person = people.get(character.name)
        character.save()
    return people


@pytest.fixture
def scheduled(scripted: Any) -> Any:
    from tournage.web.scheduling.services import accept, optimise

    schedule = optimise(scripted, 2.0)
    assert schedule is not None
    accept(schedule)
    return schedule
