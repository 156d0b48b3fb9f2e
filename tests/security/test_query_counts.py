"""The main pages cost a number of queries independent of the production's size: the
demo production, then the same with twice its scenes, breakdown tags, devis lines,
expenses, scene assignments, contracts and timesheets (no N+1)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.models import Model, QuerySet
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tournage.web.budget.models import BudgetLine, BudgetVersion, Expense
from tournage.web.labor.models import Contract, Timesheet
from tournage.web.productions.demo import load_demo
from tournage.web.scheduling.models import SceneAssignment, Schedule
from tournage.web.screenplay.models import BreakdownTag, Scene

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def _clone(rows: QuerySet[Any], **changes: Any) -> dict[int, Model]:
    """A copy of every row (new primary key), by original id."""
    copies = {}
    for row in rows:
        original = row.pk
        row.pk = row.id = None
        for field, value in changes.items():
            setattr(row, field, value(row) if callable(value) else value)
        row.save()
        copies[original] = row
    return copies


def _double(production: Any) -> None:
    scenes = _clone(Scene.objects.filter(production=production))
    for tag in BreakdownTag.objects.filter(production=production):
        _clone(BreakdownTag.objects.filter(pk=tag.pk), scene=scenes[tag.scene_id])
    _clone(BudgetLine.objects.filter(budget__production=production))
    _clone(Expense.objects.filter(production=production))
    _clone(SceneAssignment.objects.filter(schedule__production=production))
    _clone(Contract.objects.filter(production=production))
    _clone(Timesheet.objects.filter(production=production))


def test_main_pages_do_not_grow_with_the_production(client: Client) -> None:
    production, _logins = load_demo()
    client.force_login(production.memberships.get(user__username="producer").user)
    schedule = Schedule.objects.filter(production=production).first()
    budget = BudgetVersion.objects.filter(production=production).first()
    assert schedule is not None and budget is not None
    base = f"/p/{production.pk}/"
    pages = {
        "dashboard": base,
        "stripboard": f"{base}schedule/{schedule.pk}/",
        "devis": f"{base}budget/versions/{budget.pk}/",
        "cost report": f"{base}budget/costs/",
        "breakdown": f"{base}script/elements/",
    }
    before = {name: _queries(client, url) for name, url in pages.items()}
    _double(production)
    after = {name: _queries(client, url) for name, url in pages.items()}
    print("queries per page:", before)  # the figure for the README
    assert after == before
