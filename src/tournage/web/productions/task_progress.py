"""How far a background task has gone, for the pages that poll it (``task_progress.js``).

A page that queues a task (the optimiser, the NLP breakdown) carries the task's result id;
its app serves ``poll`` as JSON after checking that the task is one of its own and about
the production asked for. The state says what the person can do: wait, read the result,
or run it again (``failed``: the task raised; ``lost``: its worker died, see
``task_recovery``; ``stuck``: no worker took it, or it runs far past its time limit).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django_tasks.base import Task, TaskResult, TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist, TaskResultMismatch

from .task_recovery import WorkerLost

WAIT_BEFORE_STUCK = 60  # seconds queued with no worker taking the task
RUN_MARGIN = 60  # seconds a run may last beyond twice its expected time


def result_of(task: Task[Any, Any], result_id: str) -> TaskResult[Any] | None:
    """The task's result, ``None`` for an unknown id, another task's id, or a backend
    that keeps no results (the immediate backend of the tests has finished already)."""
    try:
        return task.get_result(result_id)
    except (TaskResultDoesNotExist, TaskResultMismatch, NotImplementedError, ValidationError):
        return None


def found(
    task: Task[Any, Any], task_id: str, owned: Callable[[list[Any]], bool]
) -> TaskResult[Any] | None:
    """The result of ``task`` named ``task_id`` when ``owned(its arguments)`` says it is
    about the production asked for; ``None`` otherwise."""
    result = result_of(task, task_id) if task_id else None
    return result if result is not None and result.args and owned(result.args) else None


def follow(
    request: HttpRequest, result: TaskResult[Any], page_url: str, done: str, failed: str
) -> HttpResponse:
    """After queueing: the page follows the task (``?task=``), or says at once how it
    ended when the backend ran it in the request (the tests' immediate backend)."""
    if result.status == TaskResultStatus.SUCCESSFUL:
        messages.success(request, done)
    elif result.status == TaskResultStatus.FAILED:
        messages.error(request, failed)
    else:
        return redirect(f"{page_url}?{urlencode({'task': result.id})}")
    return redirect(page_url)


def _seconds(since: datetime | None, now: datetime) -> int:
    return max(0, int((now - since).total_seconds())) if since else 0


def _lost(result: TaskResult[Any]) -> bool:
    lost = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"
    return any(error.exception_class_path == lost for error in result.errors)


def state(
    result: TaskResult[Any], expected_seconds: float | None, now: datetime | None = None
) -> dict[str, Any]:
    """``state``, ``fraction`` (0–1 of the expected time, when one is known),
    ``elapsed_seconds`` and ``expected_seconds`` of one task."""
    now = now or timezone.now()
    fraction: float | None = None
    if result.status == TaskResultStatus.SUCCESSFUL:
        name, elapsed, fraction = "done", _seconds(result.started_at, now), 1.0
    elif result.status == TaskResultStatus.FAILED:
        name, elapsed = ("lost" if _lost(result) else "failed"), _seconds(result.started_at, now)
    elif result.status == TaskResultStatus.RUNNING:
        elapsed = _seconds(result.started_at, now)
        if expected_seconds:
            fraction = min(elapsed / expected_seconds, 0.99)
        late = expected_seconds is not None and elapsed > 2 * expected_seconds + RUN_MARGIN
        name = "stuck" if late else "running"
    else:
        elapsed = _seconds(result.enqueued_at, now)
        name = "stuck" if elapsed > WAIT_BEFORE_STUCK else "waiting"
    return {
        "state": name,
        "fraction": None if fraction is None else round(fraction, 3),
        "elapsed_seconds": elapsed,
        "expected_seconds": expected_seconds,
    }


def poll(
    result: TaskResult[Any],
    expected_seconds: float | None,
    result_url: Callable[[Any], str | None],
) -> dict[str, Any]:
    """``state`` plus, once done, the URL of what the task made (``result_url`` of its
    return value)."""
    document = state(result, expected_seconds)
    if document["state"] == "done":
        document["result_url"] = result_url(result.return_value)
    return document
