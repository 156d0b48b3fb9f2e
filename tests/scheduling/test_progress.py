"""The optimiser runs in the worker; its page polls a JSON progress endpoint: waiting,
running with a figure, done with the new version's board, failed, lost or stuck with a
clear state. Another production's task is not found."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tournage.web.productions.task_progress import state
from tournage.web.productions.task_recovery import WorkerLost
from tournage.web.scheduling.models import Schedule

from .web_helpers import url

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fast_solver")]
DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _progress(client: Any, production: Any, task_id: str) -> Any:
    return client.get(url("progress", production, task_id=task_id))


def test_the_page_follows_the_optimiser_until_its_board(
    member_client: Any, scripted: Any, settings: Any
) -> None:
    settings.TASKS = DATABASE_BACKEND
    client = member_client("production_manager")
    response = client.post(url("optimise", scripted))
    task_id = DBTaskResult.objects.get().id
    assert response["Location"].endswith(f"?task={task_id}")
    page = client.get(response["Location"]).content.decode()
    assert "data-task-progress" in page and "tournage/task_progress.js" in page
    assert "En attente du processus de calcul" in page  # the page's texts, in French
    assert _progress(client, scripted, str(task_id)).json()["state"] == "waiting"
    crew = member_client("crew")  # reading a progress is reading the schedule
    assert _progress(crew, scripted, str(task_id)).status_code == 200
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    done = _progress(client, scripted, str(task_id)).json()
    schedule = Schedule.objects.get(production=scripted)
    assert done["state"] == "done" and done["fraction"] == 1.0
    assert done["result_url"] == url("board", scripted, schedule_id=schedule.pk)


def test_failed_lost_and_unknown_tasks(
    member_client: Any, scripted: Any, other_production: Any, settings: Any
) -> None:
    settings.TASKS = DATABASE_BACKEND
    client = member_client("producer")
    client.post(url("optimise", scripted))
    row = DBTaskResult.objects.get()
    row.status, row.exception_class_path = TaskResultStatus.FAILED, "builtins.RuntimeError"
    row.save()
    assert _progress(client, scripted, str(row.id)).json()["state"] == "failed"
    row.exception_class_path = f"{WorkerLost.__module__}.WorkerLost"
    row.save()
    assert _progress(client, scripted, str(row.id)).json()["state"] == "lost"
    outsider = member_client("producer", on=other_production)
    assert _progress(outsider, other_production, str(row.id)).status_code == 404
    assert _progress(client, scripted, "not-a-task").status_code == 404
    page = client.get(url("index", scripted) + "?task=not-a-task").content.decode()
    assert "data-task-progress" not in page


def test_running_has_a_figure_and_a_late_or_unclaimed_task_is_stuck(
    member_client: Any, scripted: Any, settings: Any
) -> None:
    settings.TASKS = DATABASE_BACKEND
    member_client("producer").post(url("optimise", scripted))
    row = DBTaskResult.objects.get()
    now = timezone.now()
    assert state(row.task_result, 60, now)["state"] == "waiting"
    assert state(row.task_result, 60, now + timedelta(minutes=5))["state"] == "stuck"
    row.status, row.started_at = TaskResultStatus.RUNNING, now - timedelta(seconds=30)
    row.save()
    running = state(row.task_result, 60, now)
    assert running["state"] == "running" and running["fraction"] == 0.5
    assert state(row.task_result, 60, now + timedelta(minutes=4))["state"] == "stuck"


def test_with_a_backend_that_runs_in_the_request_the_index_says_it_is_done(
    member_client: Any, scripted: Any
) -> None:
    client = member_client("producer")
    response = client.post(url("optimise", scripted), follow=True)
    assert "Optimisation terminée" in response.content.decode()
