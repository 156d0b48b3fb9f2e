"""The dashboard's next step per phase, derived from the production's data."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from flow_helpers import plan_production
from tournage.web.productions.flow import FlowPhase, next_steps
from tournage.web.productions.models import Role


@pytest.fixture(autouse=True)
def _english() -> Any:
    """The sentences are asserted in the source language."""
    with translation.override("en"):
        yield


def _by_phase(production: Any, role: str = Role.PRODUCER) -> dict[str, Any]:
    return {step["phase"]: step for step in next_steps(production, role)}


@pytest.mark.django_db
def test_a_new_production_starts_with_the_script(production: Any) -> None:
    steps = _by_phase(production)
    assert list(steps) == list(FlowPhase)
    assert steps[FlowPhase.DEVELOP]["next"] is None  # the fixture chose a channel
    prepare = steps[FlowPhase.PREPARE]["next"]
    assert prepare.url == f"/p/{production.pk}/script/upload/"
    assert not prepare.done
    assert steps[FlowPhase.CLOSE]["next"].url.endswith("/closing/")


@pytest.mark.django_db
def test_a_planned_production_names_its_sources_and_the_missing_contracts(
    production: Any, make_person: Any
) -> None:
    made = plan_production(production, make_person)
    steps = _by_phase(production)
    number = made["schedule"].number
    prepare = {s.url.split("/")[3]: s for s in steps[FlowPhase.PREPARE]["states"]}
    assert prepare["schedule"].done
    assert prepare["schedule"].source == f"from the plan de travail v{number}"
    sets = steps[FlowPhase.PREPARE]["next"]  # JARDIN is placed nowhere
    assert not sets.done and "JARDIN" in sets.text and sets.url.endswith("/sets/")
    shoot = steps[FlowPhase.SHOOT]["next"]
    assert "Anna" in shoot.text and made["crew"].last_name in shoot.text
    assert "/contracts/new/?person=" in shoot.url
    assert shoot.source == f"from the plan de travail v{number}"


@pytest.mark.django_db
def test_each_role_sees_only_the_steps_of_pages_it_opens(production: Any) -> None:
    crew = _by_phase(production, Role.CREW)
    assert FlowPhase.PREPARE in crew
    urls = [s.url for phase in crew.values() for s in phase["states"]]
    assert not [u for u in urls if "/budget/" in u or "/contracts/new/" in u]


@pytest.mark.django_db
def test_the_dashboard_shows_the_next_steps_with_links(production: Any, member_client: Any) -> None:
    body = member_client(Role.PRODUCER).get(f"/p/{production.pk}/").content.decode()
    assert 'id="next-steps"' in body
    assert f'href="/p/{production.pk}/script/upload/"' in body
