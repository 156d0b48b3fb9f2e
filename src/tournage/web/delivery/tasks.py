"""Background QC (django-tasks): a master can take minutes to analyse."""

from __future__ import annotations

from typing import Any

from django_tasks import task

from tournage.web.productions.task_recovery import on_lost

from .models import QCRun, QCStatus
from .runner import execute


@task()
def run_qc_task(run_id: int) -> dict[str, Any]:
    run = execute(QCRun.objects.select_related("deliverable").get(pk=run_id))
    return {"run_id": run.pk, "status": run.status, "verdict": run.verdict}


@on_lost(run_qc_task)
def _interrupted(run_id: int) -> None:
    """The worker died during the analysis: say so, the run page offers to run it again."""
    QCRun.objects.filter(pk=run_id, status__in=[QCStatus.QUEUED, QCStatus.RUNNING]).update(
        status=QCStatus.ERROR,
        error="Analyse interrompue : le processus de calcul s'est arrêté. Relancez-la.",
    )
