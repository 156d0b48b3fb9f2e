"""``manage.py tournage_worker``: django-tasks' database worker holding a lease, so that a
task left RUNNING by a killed worker is failed and its page offers to run it again."""

from __future__ import annotations

from typing import Any

from django_tasks_db.management.commands import db_worker

from tournage.web.productions.task_recovery import Lease


class Command(db_worker.Command):
    help = "Run the database task worker with a lease (tournage.web.productions.task_recovery)."

    def handle(self, *args: Any, **options: Any) -> None:
        with Lease(options["worker_id"]):
            super().handle(*args, **options)
