"""The schedule's problem file follows the person data rules: no cast pay or age for the
roles that may not see them."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tournage.web.productions.models import Role
from tournage.web.scheduling.models import Schedule

pytestmark = pytest.mark.django_db


@pytest.fixture
def schedule(production: Any) -> Any:
    problem = {
        "cast": [{"id": "LÉA", "name": "Léa", "daily_cost": "250.00", "age": 10}],
        "scenes": [],
    }
    return Schedule.objects.create(
        production=production, number=1, origin="solver", problem=problem
    )


@pytest.mark.parametrize(
    ("role", "cost", "age"),
    [
        (Role.PRODUCER, True, True),
        (Role.ACCOUNTANT, True, False),
        (Role.ECO_REFERENT, False, False),
        (Role.CREW, False, False),
    ],
)
def test_problem_json_by_role(
    role: str, cost: bool, age: bool, schedule: Any, member_client: Any, production: Any
) -> None:
    response = member_client(role).get(f"/p/{production.pk}/schedule/{schedule.pk}/problem.json")
    assert response.status_code == 200
    (member,) = json.loads(response.content)["cast"]
    assert ("daily_cost" in member) is cost
    assert ("age" in member) is age
    assert member["name"] == "Léa"
