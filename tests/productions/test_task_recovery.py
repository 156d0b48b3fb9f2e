"""A task whose worker was killed is found by its expired lease, failed, and its page
offers to run it again (issue 14: "Analyse en cours" forever after kill -9)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tournage.web.delivery.models import Deliverable, QCRun, QCStatus
from tournage.web.productions.models import ArchiveExport, WorkerHeartbeat
from tournage.web.productions.task_recovery import beat, recover_lost_tasks

pytestmark = pytest.mark.django_db


def _running(task_path: str, args: list[Any], worker: str) -> DBTaskResult:
    return DBTaskResult.objects.create(
        task_path=task_path,
        args_kwargs={"args": args, "kwargs": {}},
        status=TaskResultStatus.RUNNING,
        worker_ids=[worker],
        backend_name="default",
        run_after=timezone.now(),
        started_at=timezone.now(),
    )


@pytest.fixture
def qc_run(production: Any) -> QCRun:
    deliverable = Deliverable.objects.create(
        production=production, name="PAD", kind="broadcast", profile="pad-hd-fr"
    )
    run = QCRun(deliverable=deliverable, source_name="m.mxf", status=QCStatus.RUNNING)
    run.media.save("m.mxf", ContentFile(b"not really a master"), save=False)
    run.save()
    return run


def test_a_task_of_a_dead_worker_fails_and_its_run_says_so(qc_run: QCRun) -> None:
    result = _running("tournage.web.delivery.tasks.run_qc_task", [qc_run.pk], "mort")
    assert recover_lost_tasks() == 1
    result.refresh_from_db()
    qc_run.refresh_from_db()
    assert result.status == TaskResultStatus.FAILED
    assert result.exception_class_path.endswith("WorkerLost")
    assert (qc_run.status, qc_run.error.startswith("Analyse interrompue")) == (QCStatus.ERROR, True)


def test_a_live_worker_keeps_its_task(qc_run: QCRun) -> None:
    beat("vivant")
    result = _running("tournage.web.delivery.tasks.run_qc_task", [qc_run.pk], "vivant")
    assert recover_lost_tasks() == 0
    result.refresh_from_db()
    assert result.status == TaskResultStatus.RUNNING


def test_an_expired_lease_counts_as_dead(qc_run: QCRun, settings: Any) -> None:
    beat("endormi")
    later = timezone.now() + timedelta(seconds=settings.TOURNAGE_TASK_LEASE + 1)
    _running("tournage.web.delivery.tasks.run_qc_task", [qc_run.pk], "endormi")
    assert recover_lost_tasks(now=later) == 1
    assert recover_lost_tasks(own_worker_id="moi", now=later) == 0


def test_old_leases_are_forgotten(settings: Any) -> None:
    beat("ancien")
    later = timezone.now() + timedelta(seconds=11 * settings.TOURNAGE_TASK_LEASE)
    recover_lost_tasks(now=later)
    assert not WorkerHeartbeat.objects.exists()


def test_an_interrupted_export_says_to_ask_again(production: Any) -> None:
    export = ArchiveExport.objects.create(production=production)
    _running("tournage.web.productions.tasks.export_production_archive", [export.pk], "mort")
    recover_lost_tasks()
    export.refresh_from_db()
    assert export.error.startswith("Export interrompu")


def _retry(client: Any, run: QCRun) -> Any:
    url = reverse(
        "delivery:run_retry",
        kwargs={"production_id": run.deliverable.production_id, "run_id": run.pk},
    )
    return client.post(url, follow=True)


def test_the_retry_button_queues_the_run_again(
    qc_run: QCRun,
    member_client: Any,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Any,
) -> None:
    queued: list[int] = []
    monkeypatch.setattr("tournage.web.delivery.views._enqueue", queued.append)
    QCRun.objects.filter(pk=qc_run.pk).update(status=QCStatus.ERROR, error="Analyse interrompue")
    client = member_client("production_manager")
    page = client.get(
        reverse(
            "delivery:run",
            kwargs={"production_id": qc_run.deliverable.production_id, "run_id": qc_run.pk},
        )
    ).content.decode()
    assert "Relancer l’analyse" in page
    with django_capture_on_commit_callbacks(execute=True):
        _retry(client, qc_run)
    qc_run.refresh_from_db()
    assert (qc_run.status, queued) == (QCStatus.QUEUED, [qc_run.pk])


def test_a_server_path_outside_the_inbox_is_not_run_again(
    qc_run: QCRun, member_client: Any, monkeypatch: pytest.MonkeyPatch, settings: Any, tmp_path: Any
) -> None:
    """An imported archive may carry any path: a retry re-checks it against the inbox."""
    settings.TOURNAGE_QC_INBOX = str(tmp_path / "inbox")
    queued: list[int] = []
    monkeypatch.setattr("tournage.web.delivery.views._enqueue", queued.append)
    QCRun.objects.filter(pk=qc_run.pk).update(
        status=QCStatus.ERROR, media="", source_path="/etc/passwd"
    )
    response = _retry(member_client("producer"), qc_run)
    qc_run.refresh_from_db()
    assert (qc_run.status, queued) == (QCStatus.ERROR, [])
    assert "ne peut pas être relancée" in response.content.decode()
