"""Moving strips by hand: a draft takes the moves (the accepted plan stays), costs are
recomputed and compared with the accepted plan, undo and redo, accept, locked strips stay."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tournage.web.scheduling.models import Schedule, ScheduleStatus

from .web_helpers import url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_solver")]


def _accepted(client: Any, production: Any) -> Schedule:
    client.post(url("optimise", production))
    schedule = Schedule.objects.get(production=production)
    client.post(url("accept", production, schedule_id=schedule.pk))
    schedule.refresh_from_db()
    return schedule


def _placement(schedule: Schedule) -> dict[str, date | None]:
    return {
        a.scene_key: a.day.date if a.day else None
        for a in schedule.assignments.select_related("day")
    }


def _move(client: Any, production: Any, schedule: Schedule, scene: str, when: str) -> Any:
    return client.post(
        url("move", production, schedule_id=schedule.pk), {"scene": scene, "date": when}
    )


def test_moving_a_strip_opens_a_draft_and_leaves_the_accepted_plan(
    member_client: Any, scripted: Any
) -> None:
    client = member_client("producer")
    accepted = _accepted(client, scripted)
    placed, cost, rows = _placement(accepted), accepted.objective, accepted.history.count()
    response = _move(client, scripted, accepted, "1", "2027-03-10")
    draft = Schedule.objects.get(production=scripted, status=ScheduleStatus.DRAFT)
    assert response["Location"].endswith(f"/{draft.pk}/#strip-1")
    assert draft.based_on == accepted.number and draft.number == accepted.number + 1
    assert _placement(draft)["1"] == date(2027, 3, 10)
    assert draft.bound is None and draft.terms["calendar_days"] >= 8  # recomputed
    accepted.refresh_from_db()
    assert accepted.status == ScheduleStatus.CURRENT and _placement(accepted) == placed
    assert accepted.objective == cost and accepted.history.count() == rows
    _move(client, scripted, accepted, "2", "2027-03-11")  # the same draft takes it
    assert Schedule.objects.filter(status=ScheduleStatus.DRAFT).count() == 1
    page = client.get(url("board", scripted, schedule_id=draft.pk)).content.decode()
    assert f"par rapport au plan accepté (v{accepted.number})" in page  # French comparison
    assert "Déplacements dans la journée" in page and "Repos insuffisants" in page
    assert "La séquence 2 est désormais" in page  # the status line screen readers announce


def test_undo_redo_and_a_new_move_forgets_the_moves_undone(
    member_client: Any, scripted: Any
) -> None:
    client = member_client("production_manager")
    accepted = _accepted(client, scripted)
    start = _placement(accepted)
    _move(client, scripted, accepted, "1", "2027-03-10")
    draft = Schedule.objects.get(status=ScheduleStatus.DRAFT)
    _move(client, scripted, draft, "3", "2027-03-12")
    undo, redo = (
        url("undo", scripted, schedule_id=draft.pk),
        url("redo", scripted, schedule_id=draft.pk),
    )
    client.post(undo)
    client.post(undo)
    draft.refresh_from_db()
    assert _placement(draft) == start and (draft.undone, len(draft.edits)) == (2, 2)
    assert draft.objective == accepted.objective  # evaluated again, the same plan
    client.post(redo)
    draft.refresh_from_db()
    assert _placement(draft)["1"] == date(2027, 3, 10) and _placement(draft)["3"] == start["3"]
    _move(client, scripted, draft, "2", "2027-03-09")  # the move still undone is forgotten
    draft.refresh_from_db()
    assert [e["scene"] for e in draft.edits] == ["1", "2"] and draft.undone == 0
    assert client.post(redo).status_code == 302
    draft.refresh_from_db()
    assert _placement(draft)["3"] == start["3"]  # nothing to redo


def test_accepting_the_draft_makes_it_current_with_history(
    member_client: Any, scripted: Any
) -> None:
    client = member_client("producer")
    accepted = _accepted(client, scripted)
    _move(client, scripted, accepted, "1", "2027-03-10")
    draft = Schedule.objects.get(status=ScheduleStatus.DRAFT)
    client.post(url("accept", scripted, schedule_id=draft.pk))
    draft.refresh_from_db()
    accepted.refresh_from_db()
    assert draft.status == ScheduleStatus.CURRENT and accepted.status == ScheduleStatus.ARCHIVED
    statuses = [h.status for h in draft.history.order_by("history_date")]
    assert statuses[0] == "draft" and statuses[-1] == "current"
    assert client.post(url("undo", scripted, schedule_id=draft.pk)).status_code == 404


def test_discarding_the_draft_keeps_the_accepted_plan(member_client: Any, scripted: Any) -> None:
    client = member_client("producer")
    accepted = _accepted(client, scripted)
    _move(client, scripted, accepted, "1", "2027-03-10")
    draft = Schedule.objects.get(status=ScheduleStatus.DRAFT)
    client.post(url("discard", scripted, schedule_id=draft.pk))
    assert list(Schedule.objects.filter(production=scripted)) == [accepted]
    assert client.post(url("discard", scripted, schedule_id=accepted.pk)).status_code == 404


def test_recompute_evaluates_the_draft_and_crew_cannot_edit(
    member_client: Any, scripted: Any
) -> None:
    client = member_client("producer")
    accepted = _accepted(client, scripted)
    _move(client, scripted, accepted, "1", "2027-03-10")
    draft = Schedule.objects.get(status=ScheduleStatus.DRAFT)
    Schedule.objects.filter(pk=draft.pk).update(objective=None, terms={})
    client.post(url("recompute", scripted, schedule_id=draft.pk))
    draft.refresh_from_db()
    assert draft.objective is not None and draft.terms["shooting_days"] >= 1
    crew = member_client("crew")
    for name in ("undo", "redo", "recompute", "discard", "move"):
        assert crew.post(url(name, scripted, schedule_id=draft.pk)).status_code == 403


def test_locked_strip_does_not_move(member_client: Any, scripted: Any) -> None:
    client = member_client("producer")
    client.post(url("optimise", scripted))
    schedule = Schedule.objects.get(production=scripted)
    where = schedule.assignments.get(scene_key="2").day.date
    client.post(url("lock", scripted, schedule_id=schedule.pk), {"scene": "2"})
    _move(client, scripted, schedule, "2", "2027-03-12")
    draft = Schedule.objects.get(status=ScheduleStatus.DRAFT)
    assert draft.assignments.get(scene_key="2").day.date == where
    assert draft.edits == []
