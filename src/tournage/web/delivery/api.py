"""What other apps may use of the delivery app: its deliverables and their QC outcomes.

``Deliverable`` is public on purpose: accessibility files and checklists belong to a
deliverable (foreign keys), so that app queries and annotates with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone

from tournage.web.delivery.demo import demo_run
from tournage.web.delivery.models import Deliverable, DeliverableKind, QCRun, QCStatus


@dataclass(frozen=True)
class CheckOutcome:
    """One check of the latest finished QC run of a deliverable."""

    deliverable: str
    deliverable_id: int
    run_id: int
    sha256: str
    check_id: str
    status: str  # pass | info | warn | fail
    message: str
    source: Any


def latest_check_outcomes(production: Any, check_id: str) -> list[CheckOutcome]:
    """``check_id`` (e.g. ``flashes``, ``av_duration``, ``captions_kind``, ``package``) in the
    latest finished QC run of each deliverable of ``production``; deliverables whose run
    does not contain that check are left out (the check does not apply to their profile)."""
    outcomes = []
    for deliverable in Deliverable.objects.filter(production=production):
        run = (
            deliverable.qc_runs.filter(status=QCStatus.DONE).order_by("-created_at", "-pk").first()
        )
        if run is None or not run.report:
            continue
        for check in run.report.get("checks", []):
            if check["id"] == check_id:
                outcomes.append(
                    CheckOutcome(
                        deliverable.name,
                        deliverable.pk,
                        run.pk,
                        run.sha256,
                        check_id,
                        check["status"],
                        check["message"],
                        check.get("source"),
                    )
                )
    return outcomes


@dataclass(frozen=True)
class RunSummary:
    """A finished QC run of a deliverable: the checksum of the very file checked, the
    verdict, each check's status and the measured duration."""

    run_id: int
    sha256: str
    verdict: str
    checks: dict[str, str]
    duration_s: float | None
    checked_on: date | None = None  # the day the run was made: the file existed then


def finished_runs(deliverable_id: int) -> list[RunSummary]:
    """The finished QC runs of a deliverable, latest first."""
    runs = QCRun.objects.filter(deliverable_id=deliverable_id, status=QCStatus.DONE)
    summaries = []
    for run in runs.order_by("-created_at", "-pk"):
        report = run.report or {}
        summaries.append(
            RunSummary(
                run.pk,
                run.sha256,
                run.verdict,
                {c["id"]: c["status"] for c in report.get("checks", [])},
                (report.get("media") or {}).get("duration_s"),
                timezone.localdate(run.created_at) if run.created_at else None,
            )
        )
    return summaries


__all__ = [
    "CheckOutcome",
    "Deliverable",
    "DeliverableKind",
    "RunSummary",
    "demo_run",
    "finished_runs",
    "latest_check_outcomes",
]
