"""Stripboard and day-out-of-days exports."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tournage.web.scheduling.models import Schedule

from .web_helpers import url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_solver")]


def test_exports(member_client: Any, scripted: Any) -> None:
    client = member_client("crew")
    member_client("producer").post(url("optimise", scripted))
    schedule = Schedule.objects.get(production=scripted)
    csv = client.get(url("csv", scripted, schedule_id=schedule.pk))
    assert csv["Content-Type"].startswith("text/csv") and b"CUISINE" in csv.content
    assert client.get(url("pdf", scripted, schedule_id=schedule.pk)).content.startswith(b"%PDF")
    xlsx = client.get(url("dood_xlsx", scripted, schedule_id=schedule.pk))
    assert xlsx.content.startswith(b"PK")
    ics = client.get(url("ics", scripted, schedule_id=schedule.pk) + "?cast=ANNA")
    assert b"BEGIN:VEVENT" in ics.content
    assert client.get(url("ics", scripted, schedule_id=schedule.pk) + "?cast=X").status_code == 404
    problem = client.get(url("json", scripted, schedule_id=schedule.pk))
    assert json.loads(problem.content)["scenes"][0]["id"] == "1"  # input of `schedule solve`
    dood = client.get(url("dood", scripted, schedule_id=schedule.pk)).content.decode()
    assert "SW" in dood
