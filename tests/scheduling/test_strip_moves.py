"""Moving strips by hand: costs recomputed, history kept, locked strips stay."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tournage.web.scheduling.models import Schedule

from .web_helpers import url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_solver")]


def test_moving_a_strip_recomputes_costs_and_is_audited(member_client: Any, scripted: Any) -> None:
    client = member_client("producer")
    client.post(url("optimise", scripted))
    schedule = Schedule.objects.get(production=scripted)
    before = schedule.history.count()
    client.post(
        url("move", scripted, schedule_id=schedule.pk), {"scene": "1", "date": "2027-03-10"}
    )
    schedule.refresh_from_db()
    assert schedule.assignments.get(scene_key="1").day.date == date(2027, 3, 10)
    assert schedule.bound is None  # a hand edit has no proof any more
    assert schedule.history.count() > before
    assert schedule.terms["calendar_days"] >= 8


def test_locked_strip_does_not_move(member_client: Any, scripted: Any) -> None:
    client = member_client("producer")
    client.post(url("optimise", scripted))
    schedule = Schedule.objects.get(production=scripted)
    where = schedule.assignments.get(scene_key="2").day.date
    client.post(url("lock", scripted, schedule_id=schedule.pk), {"scene": "2"})
    client.post(
        url("move", scripted, schedule_id=schedule.pk), {"scene": "2", "date": "2027-03-12"}
    )
    assert schedule.assignments.get(scene_key="2").day.date == where
