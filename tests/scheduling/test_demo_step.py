"""The scheduling demo step and the archive round trip."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tournage.web.scheduling.models import Schedule, ScheduleStatus, Unavailability

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


def test_demo_script_gets_an_optimised_schedule_and_a_replanning(
    production: Any, monkeypatch: pytest.MonkeyPatch
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
    replanned = Schedule.objects.get(production=production, origin="replan")
    assert replanned.terms["changes"] >= 0 and replanned.days.exists()
