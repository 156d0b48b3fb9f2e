"""Background offload hashing (django-tasks): a card holds hundreds of gigabytes."""

from __future__ import annotations

from typing import Any

from django_tasks import task

from tournage.web.productions.task_recovery import on_lost

from .models import Offload, OffloadStatus
from .offload import execute


@task()
def offload_task(offload_id: int) -> dict[str, Any]:
    offload = execute(Offload.objects.select_related("production").get(pk=offload_id))
    return {"offload_id": offload.pk, "status": offload.status}


@on_lost(offload_task)
def _interrupted(offload_id: int) -> None:
    """The worker died while hashing: say so, the offload page offers to run it again."""
    Offload.objects.filter(
        pk=offload_id, status__in=[OffloadStatus.QUEUED, OffloadStatus.RUNNING]
    ).update(
        status=OffloadStatus.ERROR,
        error="Calcul interrompu : le processus de calcul s'est arrêté. Relancez-le.",
    )
