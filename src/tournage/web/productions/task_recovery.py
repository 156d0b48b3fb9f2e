"""Tasks whose worker died are found and failed, so no page waits for them forever.

Each worker (``tournage worker``, the database backend) renews a lease
(``WorkerHeartbeat``) every ``TOURNAGE_TASK_HEARTBEAT`` seconds. A RUNNING task whose
worker has not renewed it for ``TOURNAGE_TASK_LEASE`` seconds was killed with it (kill -9,
out of memory, machine restart): it is marked FAILED (``WorkerLost``) and the app that
owns it is told (``on_lost``), so its own row — a QC run shown "en cours" — says it was
interrupted and offers to run it again. Every worker checks at start and at each beat,
so a restarted worker recovers what its predecessor left.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from importlib import import_module
from typing import Any

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection, transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)
LostHandler = Callable[..., None]
_handlers: dict[str, LostHandler] = {}


class WorkerLost(Exception):
    """Le processus qui exécutait cette tâche s'est arrêté avant de la finir."""


def on_lost(task: Any) -> Callable[[LostHandler], LostHandler]:
    """Register ``handler(*task_args, **task_kwargs)``, called when ``task`` is lost."""

    def register(handler: LostHandler) -> LostHandler:
        _handlers[task.module_path] = handler
        return handler

    return register


def _handler(task_path: str) -> LostHandler | None:
    """The app's handler; importing the task's module registers it."""
    try:
        import_module(task_path.rpartition(".")[0])
    except ImportError:
        return None
    return _handlers.get(task_path)


def beat(worker_id: str) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"seen_at": timezone.now(), "pid": os.getpid(), "host": socket.gethostname()},
    )


def recover_lost_tasks(own_worker_id: str | None = None, now: datetime | None = None) -> int:
    """Fail the RUNNING tasks whose worker's lease expired; return how many."""
    now = now or timezone.now()
    lease = timedelta(seconds=settings.TOURNAGE_TASK_LEASE)
    alive = set(
        WorkerHeartbeat.objects.filter(seen_at__gte=now - lease).values_list("worker_id", flat=True)
    )
    if own_worker_id:
        alive.add(own_worker_id)
    lost = 0
    for result in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING):
        if result.worker_ids and result.worker_ids[-1] in alive:
            continue
        with transaction.atomic():
            claimed = DBTaskResult.objects.filter(
                pk=result.pk, status=TaskResultStatus.RUNNING
            ).update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
                traceback=WorkerLost.__doc__ or "",
            )
            handler = _handler(result.task_path)
            if claimed and handler is not None:
                arguments = result.args_kwargs
                handler(*arguments.get("args", []), **arguments.get("kwargs", {}))
        lost += claimed
    WorkerHeartbeat.objects.filter(seen_at__lt=now - 10 * lease).delete()
    return lost


class Lease:
    """The worker's heartbeat thread; it also recovers other workers' lost tasks."""

    def __init__(self, worker_id: str) -> None:
        self.worker_id = worker_id
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, name="tournage-lease", daemon=True)

    def __enter__(self) -> Lease:
        beat(self.worker_id)
        recover_lost_tasks(self.worker_id)
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopped.set()
        self.thread.join(timeout=5)
        WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()

    def _run(self) -> None:
        try:
            while not self.stopped.wait(settings.TOURNAGE_TASK_HEARTBEAT):
                close_old_connections()
                try:
                    beat(self.worker_id)
                    recover_lost_tasks(self.worker_id)
                except DatabaseError:  # a locked database: the next beat tries again
                    logger.warning("Lease of worker %s not renewed", self.worker_id)
        finally:
            connection.close()
