"""The plan de travail pages: optimise, accept, re-plan, move strips, exports, access."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest
from django.urls import reverse

from tournage.web.scheduling.models import Schedule, ScheduleStatus, Unavailability

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

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_solver(monkeypatch: pytest.MonkeyPatch) -> None:
    from tournage.scheduling.tables import DEFAULTS
    from tournage.web.scheduling import tasks

    fast = replace(DEFAULTS.load(), solve_seconds=2)
    monkeypatch.setattr(tasks, "DEFAULTS", SimpleNamespace(load=lambda: fast))


@pytest.fixture
def scripted(production: Any) -> Any:
    from tournage.web.screenplay.services import import_script

    production.shoot_start = date(2027, 3, 1)
    production.save()
    import_script(production, SCRIPT, "essai.fountain")
    return production


def url(name: str, production: Any, **kwargs: Any) -> str:
    return reverse(f"scheduling:{name}", kwargs={"production_id": production.pk, **kwargs})


def test_empty_state_without_script_in_french(member_client: Any, production: Any) -> None:
    response = member_client("producer").get(url("index", production))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Pas encore de dépouillement" in page  # French catalogue of the app
    assert url("optimise", production) not in page


def test_optimise_accept_and_board(member_client: Any, scripted: Any) -> None:
    client = member_client("production_manager")
    assert client.post(url("optimise", scripted)).status_code == 302
    proposal = Schedule.objects.get(production=scripted)
    assert proposal.status == ScheduleStatus.PROPOSED
    assert proposal.objective is not None and proposal.bound is not None
    assert proposal.assignments.count() == 3
    page = client.get(url("index", scripted)).content.decode()
    assert "Attente des comédiens (€)" in page  # comparison current vs proposed, in French
    client.post(url("accept", scripted, schedule_id=proposal.pk))
    proposal.refresh_from_db()
    assert proposal.status == ScheduleStatus.CURRENT
    board = client.get(url("board", scripted, schedule_id=proposal.pk))
    assert board.status_code == 200
    html = board.content.decode()
    assert "#a8dca8" in html  # EXT/NUIT strip colour from the data file
    assert 'data-scene="1"' in html and "scheduling/board.js" in html  # drag-and-drop
    crew_view = member_client("crew").get(url("board", scripted, schedule_id=proposal.pk))
    assert "data-scene" not in crew_view.content.decode()


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


def test_replanning_creates_a_new_version(member_client: Any, scripted: Any) -> None:
    client = member_client("producer")
    client.post(url("optimise", scripted))
    first = Schedule.objects.get(production=scripted)
    client.post(url("accept", scripted, schedule_id=first.pk))
    lost = first.days.order_by("date").first().date
    client.post(url("replan", scripted, schedule_id=first.pk), {"date": lost.isoformat()})
    second = Schedule.objects.exclude(pk=first.pk).get(production=scripted)
    assert second.origin == "replan"
    assert lost not in {day.date for day in second.days.all()}


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


def test_crew_cannot_optimise(member_client: Any, scripted: Any) -> None:
    assert member_client("crew").post(url("optimise", scripted)).status_code == 403
    assert not Schedule.objects.filter(production=scripted).exists()


def test_other_production_cannot_see_schedules(
    member_client: Any, scripted: Any, other_production: Any
) -> None:
    member_client("producer").post(url("optimise", scripted))
    schedule = Schedule.objects.get(production=scripted)
    outsider = member_client("producer", on=other_production)
    assert outsider.get(url("board", other_production, schedule_id=schedule.pk)).status_code == 404


def test_unavailability_is_used_by_the_next_solve(
    member_client: Any, scripted: Any, make_person: Any
) -> None:
    from tournage.web.screenplay.models import Character

    anna = make_person(scripted, kind="cast", first_name="Anna", last_name="K")
    Character.objects.filter(production=scripted, name="ANNA").update(person=anna)
    client = member_client("producer")
    client.post(
        url("unavailability", scripted),
        {"person": anna.pk, "date": "2027-03-01", "reason": "tournage ailleurs"},
    )
    assert Unavailability.objects.filter(person=anna).count() == 1
    client.post(url("optimise", scripted))
    schedule = Schedule.objects.get(production=scripted)
    anna_days = {
        a.day.date for a in schedule.assignments.select_related("day") if a.scene_key in ("1", "3")
    }
    assert date(2027, 3, 1) not in anna_days


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


def test_dashboard_panel_shows_the_current_schedule(member_client: Any, scripted: Any) -> None:
    client = member_client("producer")
    dashboard = reverse("productions:dashboard", kwargs={"production_id": scripted.pk})
    assert "optimise" in client.get(dashboard).content.decode().lower()  # empty state hint
    client.post(url("optimise", scripted))
    client.post(url("accept", scripted, schedule_id=Schedule.objects.get(production=scripted).pk))
    page = client.get(dashboard).content.decode()
    assert "kgCO2e" in page and "v1" in page
