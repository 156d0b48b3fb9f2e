"""The plan's settings page: units (a second unit and its day cost), split call, weather
cover, each scene's unit and cover flag; the next optimisation uses them; saving unchanged
writes nothing; only those who plan may open it."""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest

from tournage.web.scheduling.models import PlanSettings, Schedule
from tournage.web.scheduling.services import problem_of

from .web_helpers import url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_solver")]


def _form(**changes: str) -> dict[str, str]:
    base = {
        "main_unit_name": "Équipe principale",
        "main_day_cost": "",
        "second_unit_name": "",
        "second_day_cost": "",
        "split_call": "",
        **{f"unit_{scene}": "main" for scene in ("1", "2", "3")},
    }
    return {**base, **changes}


def test_saved_settings_drive_the_next_optimisation(member_client: Any, scripted: Any) -> None:
    client = member_client("producer")
    page = client.get(url("settings", scripted)).content.decode()
    assert "Deuxième équipe" in page and 'name="unit_2"' in page  # French, a row per scene
    data = _form(
        second_unit_name="Deuxième équipe",
        second_day_cost="500",
        split_call="18:30",
        weather_cover="on",
        unit_2="second",
        cover_1="on",
    )
    assert client.post(url("settings", scripted), data).status_code == 302
    stored = PlanSettings.objects.get(production=scripted)
    assert stored.second_unit_scenes == ["2"] and stored.cover_scenes == ["1"]
    rows = stored.history.count()
    client.post(url("settings", scripted), data)  # saved twice: nothing new
    assert stored.history.count() == rows
    page = client.get(url("settings", scripted)).content.decode()
    assert 'value="18:30"' in page and 'value="500"' in page
    client.post(url("optimise", scripted))
    problem = problem_of(Schedule.objects.get(production=scripted))
    assert [(u.name, u.day_cost, u.span) for u in problem.units][1] == (
        "Deuxième équipe",
        500,
        False,
    )
    assert problem.scene("2").unit == problem.units[1].id and problem.scene("1").weather_cover
    assert problem.split_call == time(18, 30) and problem.weather_cover.enabled


def test_unchanged_settings_are_not_stored(member_client: Any, scripted: Any) -> None:
    client = member_client("production_manager")
    page = client.get(url("settings", scripted)).content.decode()
    name = page.split('name="main_unit_name"')[1].split('value="')[1].split('"')[0]
    response = client.post(url("settings", scripted), _form(main_unit_name=name), follow=True)
    assert "Aucun changement." in response.content.decode()
    assert not PlanSettings.objects.exists()


def test_second_unit_scenes_need_a_second_unit(member_client: Any, scripted: Any) -> None:
    response = member_client("producer").post(url("settings", scripted), _form(unit_3="second"))
    assert response.status_code == 400
    assert "Nommez la deuxième équipe" in response.content.decode()
    assert not PlanSettings.objects.exists()


def test_only_those_who_plan_open_the_settings(member_client: Any, scripted: Any) -> None:
    for role in ("crew", "accountant", "eco_referent"):
        assert member_client(role).get(url("settings", scripted)).status_code == 403
