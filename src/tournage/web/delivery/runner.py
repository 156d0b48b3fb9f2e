"""Run a QC pass for a stored master and keep its report, verdict and findings."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from tournage.delivery.checks import Target
from tournage.delivery.errors import DeliveryError
from tournage.delivery.media import probe
from tournage.delivery.qc import run_qc

from .models import Finding, QCRun, QCStatus

PROGRESS_STEP = 0.05  # write progress to the database every 5 %


@contextmanager
def local_copy(upload: UploadedFile[Any]) -> Iterator[Path]:
    """A path to the uploaded bytes (big uploads already sit in a temporary file)."""
    temporary = getattr(upload, "temporary_file_path", None)
    if temporary is not None:
        yield Path(temporary())
        return
    suffix = Path(upload.name or "").suffix
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
        handle.flush()
        yield Path(handle.name)


def validate_media(path: Path) -> None:
    """Raise DeliveryError unless the file is a readable audio or video file."""
    info = probe(path)
    if not info.audio and not info.video:
        raise DeliveryError("no_streams", "Le fichier ne contient ni image ni son.")


def _progress_writer(run: QCRun) -> Any:
    last = [0.0]

    def write(done: float) -> None:
        if done - last[0] >= PROGRESS_STEP:
            last[0] = done
            QCRun.objects.filter(pk=run.pk).update(progress=round(done, 3))

    return write


def execute(run: QCRun) -> QCRun:
    """Analyse the run's master (read only) and store the outcome."""
    deliverable = run.deliverable
    QCRun.objects.filter(pk=run.pk).update(status=QCStatus.RUNNING, progress=0.0)
    target = Target(deliverable.target_duration_s, deliverable.duration_tolerance_s)
    try:
        report = run_qc(
            run.master_path(),
            deliverable.profile,
            target,
            deliverable.track_list(),
            _progress_writer(run),
        )
    except DeliveryError as error:
        run.status, run.error = QCStatus.ERROR, error.message
        run.save(update_fields=["status", "error"])
        return run
    except Exception:  # a bug, not the file: show it on the page, let the task fail loudly
        run.status, run.error = QCStatus.ERROR, "Erreur inattendue pendant l'analyse."
        run.save(update_fields=["status", "error"])
        raise
    with transaction.atomic():
        run.report = report
        run.verdict = report["verdict"]
        run.sha256 = report["file"]["sha256"] or ""
        run.status, run.progress, run.error = QCStatus.DONE, 1.0, ""
        run.save()
        run.findings.all().delete()
        Finding.objects.bulk_create(
            Finding(
                qc_run=run,
                check_id=c["id"],
                status=c["status"],
                message=c["message"],
                measured=c["measured"],
                expected=c["expected"],
                events=c["events"],
            )
            for c in report["checks"]
            if c["status"] != "pass"
        )
    return run
