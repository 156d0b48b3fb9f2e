"""The scheduling demo step and the archive round trip."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tournage.web.scheduling.models import Schedule, ScheduleStatus, Unavailability
from tournage.web.scheduling.services import problem_of

from .web_helpers import url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_solver")]


def test_demo_step_is_idempotent(scripted: Any) -> None:
    from tournage.web.scheduling.demo import load_demo_schedule

    load_demo_schedule(scripted)
    count = Schedule.objects.filter(production=scripted).count()
    load_demo_schedule(scripted)
    assert Schedule.objects.filter(production=scripted).count() == count >= 1


def test_archive_round_trip_carries_schedules(
    member_client: Any, scripted: Any, tmp_path: Any, make_person: Any
) -> None:
    from archive_snapshot import snapshot
    from tournage.web.productions.archive import export_production, import_production

    anna = make_person(scripted, kind="cast", first_name="Anna", last_name="K")
    Unavailability.objects.create(production=scripted, person=anna, date=date(2027, 3, 2))
    member_client("producer").post(url("optimise", scripted))
    path = tmp_path / "archive.zip"
    export_production(scripted, str(path))
    copy = import_production(str(path))
    assert snapshot(copy) == snapshot(scripted)
    original, restored = Schedule.objects.get(production=scripted), copy.schedules.get()
    assert restored.terms == original.terms and restored.problem == original.problem
    assert restored.assignments.filter(day__isnull=False).count() == 3
    assert copy.cast_unavailability.get().person.production == copy


def test_demo_has_a_second_unit_day_and_a_rain_replan_on_a_cover_scene(
    member_client: Any, production: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tournage import demo
    from tournage.web.scheduling import demo as scheduling_demo
    from tournage.web.screenplay.services import import_script

    production.shoot_start = date(2027, 4, 12)
    production.save()
    import_script(production, demo.script_text().encode("utf-8"), "script.fountain")
    monkeypatch.setattr(scheduling_demo, "DEMO_SECONDS", 2.0)
    scheduling_demo.load_demo_schedule(production)
    current = Schedule.objects.get(production=production, status=ScheduleStatus.CURRENT)
    assert current.days.exists() and not current.conflicts
    assert current.terms["units"]["b"]["shooting_days"] >= 1  # the car unit's day(s)
    replanned = Schedule.objects.get(production=production, origin="replan")
    assert replanned.days.exists()
    problem, rainy = problem_of(replanned), date.fromisoformat(replanned.label)
    assert problem.weather_cover.lost_days == {rainy}
    shot_that_day = {a.scene_key for a in replanned.assignments.filter(day__date=rainy)}
    covers = {s.id for s in problem.scenes if s.weather_cover}
    assert shot_that_day & covers  # the crew shoots an interior cover scene instead
    assert all(problem.scene(s).int_ext == "INT" for s in shot_that_day)
    page = member_client("producer").get(url("board", production, schedule_id=current.pk))
    assert "Deuxième équipe (voiture)" in page.content.decode()  # units on the stripboard
