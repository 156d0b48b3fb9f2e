"""Demo step: one deliverable per target channel, each with a QC run of a short master."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.core.files import File

from tournage.delivery.profiles import get_profile, profile_for_channel
from tournage.delivery.synth import write_master

from .models import Deliverable, DeliverableKind, QCRun
from .runner import execute

KIND_BY_PROFILE = {
    "pad-hd-fr": DeliverableKind.BROADCAST,
    "arte": DeliverableKind.BROADCAST,
    "dcp": DeliverableKind.FESTIVAL,
    "podcast": DeliverableKind.PODCAST,
}
DEMO_MASTER_SECONDS = 4.0


def load_demo_delivery(production: Any) -> None:
    """Idempotent: deliverables are keyed by channel, a QC run is made only once."""
    for channel in production.channels:
        profile = profile_for_channel(channel)
        if profile is None:
            continue
        deliverable, _ = Deliverable.objects.get_or_create(
            production=production,
            channel=channel,
            defaults={
                "name": get_profile(profile).label,
                "profile": profile,
                "kind": KIND_BY_PROFILE.get(profile, DeliverableKind.WEB),
            },
        )
        if not deliverable.qc_runs.exists():
            _demo_run(deliverable)


def _demo_run(deliverable: Deliverable) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "master-demo.mxf"
        write_master(path, duration_s=DEMO_MASTER_SECONDS, tracks=4, container_format="mxf")
        with path.open("rb") as handle:
            run = QCRun(
                deliverable=deliverable, source_name=path.name, size_bytes=path.stat().st_size
            )
            run.media.save(path.name, File(handle), save=True)
    execute(run)
