"""Demo step: one deliverable per target channel, each with a QC run of a short master."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.core.files import File

from tournage.delivery.profiles import get_profile
from tournage.delivery.synth import write_master

from .flow import deliverables_for_channels
from .models import Deliverable, QCRun
from .runner import execute

DEMO_MASTER_SECONDS = 4.0
DEMO_PICTURE = (320, 180)  # small, where the profile asks no picture size
# Web profiles get a master made to their specification (H.264 4:2:0 progressive, AAC
# stereo in MP4, the picture size the profile asks: the YouTube and vertical ones pass, the
# accessible one lacks its captions track and fails on that alone); the others get a small
# PAD-style MXF (four mono PCM tracks) that fails its profile on the picture format: the
# register shows both.
WEB_MASTER: dict[str, Any] = {
    "codec": "libx264",
    "audio_codec": "aac",
    "container_format": "mp4",
    "pix_fmt": "yuv420p",
    "bit_rate": 1_000_000,
}
WEB_PROFILES = ("youtube", "web-rgaa", "social-vertical")


def load_demo_delivery(production: Any) -> None:
    """Idempotent: deliverables are keyed by channel, a QC run is made only once."""
    for deliverable in deliverables_for_channels(production, production.channels):
        if not deliverable.qc_runs.exists():
            demo_run(deliverable)


def write_demo_master(folder: Path, profile: str) -> Path:
    """A short synthesised master for ``profile`` (made with the FFmpeg of the PyAV wheel)."""
    if profile in WEB_PROFILES:
        path = folder / "master-demo.mp4"
        size = picture_size(profile)
        write_master(path, duration_s=DEMO_MASTER_SECONDS, size=size, **WEB_MASTER)
    else:
        path = folder / "master-demo.mxf"
        write_master(path, duration_s=DEMO_MASTER_SECONDS, tracks=4, container_format="mxf")
    return path


def picture_size(profile: str) -> tuple[int, int]:
    """The first picture size ``profile`` allows (width, height), else ``DEMO_PICTURE``."""
    allowed = (get_profile(profile).rule("resolution") or {}).get("allowed") or []
    return (int(allowed[0][0]), int(allowed[0][1])) if allowed else DEMO_PICTURE


def demo_run(deliverable: Deliverable) -> None:
    """QC of a short synthetic master of ``deliverable`` (also for other apps' demo steps)."""
    with tempfile.TemporaryDirectory() as folder:
        path = write_demo_master(Path(folder), deliverable.profile)
        with path.open("rb") as handle:
            run = QCRun(
                deliverable=deliverable, source_name=path.name, size_bytes=path.stat().st_size
            )
            run.media.save(path.name, File(handle), save=True)
    execute(run)
