"""The delivery app's public service: a check's outcome in each deliverable's latest run."""

from __future__ import annotations

import pytest

from tournage.web.delivery.api import latest_check_outcomes
from tournage.web.delivery.models import Deliverable, QCRun, QCStatus

pytestmark = pytest.mark.django_db


def run_with(deliverable: Deliverable, check_status: str, **fields) -> QCRun:
    check = {"id": "flashes", "status": check_status, "message": "m", "source": "s", "events": []}
    return QCRun.objects.create(
        deliverable=deliverable, source_name="m.mxf", report={"checks": [check]}, **fields
    )


def test_latest_finished_run_of_each_deliverable(production, other_production) -> None:
    pad = Deliverable.objects.create(
        production=production, name="PAD", kind="broadcast", profile="pad-hd-fr"
    )
    run_with(pad, "pass", status=QCStatus.DONE)
    latest = run_with(pad, "warn", status=QCStatus.DONE, sha256="ab")
    run_with(pad, "fail", status=QCStatus.RUNNING)  # not finished: ignored
    Deliverable.objects.create(production=production, name="Web", kind="web", profile="youtube")
    elsewhere = Deliverable.objects.create(
        production=other_production, name="X", kind="web", profile="youtube"
    )
    run_with(elsewhere, "fail", status=QCStatus.DONE)
    outcomes = latest_check_outcomes(production, "flashes")
    assert [(o.deliverable, o.status, o.run_id, o.sha256) for o in outcomes] == [
        ("PAD", "warn", latest.pk, "ab")
    ]
    assert latest_check_outcomes(production, "package") == []
