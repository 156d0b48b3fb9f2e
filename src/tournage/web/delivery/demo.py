"""Demo step: one deliverable per target channel, each with a QC run of a short master."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.core.files import File

from tournage.delivery.synth import write_master

from .flow import deliverables_for_channels
from .models import Deliverable, QCRun
from .runner import execute

DEMO_MASTER_SECONDS = 4.0


def load_demo_delivery(production: Any) -> None:
    """Idempotent: deliverables are keyed by channel, a QC run is made only once."""
    for deliverable in deliverables_for_channels(production, production.channels):
        if not deliverable.qc_runs.exists():
            demo_run(deliverable)


def demo_run(deliverable: Deliverable) -> None:
    """QC of a short synthetic master of ``deliverable`` (also for other apps' demo steps)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "master-demo.mxf"
        write_master(path, duration_s=DEMO_MASTER_SECONDS, tracks=4, container_format="mxf")
        with path.open("rb") as handle:
            run = QCRun(
                deliverable=deliverable, source_name=path.name, size_bytes=path.stat().st_size
            )
            run.media.save(path.name, File(handle), save=True)
    execute(run)
