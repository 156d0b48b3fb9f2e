"""Background QC (django-tasks): a master can take minutes to analyse."""

from __future__ import annotations

from typing import Any

from django_tasks import task

from .models import QCRun
from .runner import execute


@task()
def run_qc_task(run_id: int) -> dict[str, Any]:
    run = execute(QCRun.objects.select_related("deliverable").get(pk=run_id))
    return {"run_id": run.pk, "status": run.status, "verdict": run.verdict}
