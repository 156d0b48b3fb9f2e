"""Small synthesised masters for the delivery tests (a few seconds each, made on the fly)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tournage.delivery.synth import write_master, write_media
from tournage.web.delivery.models import Deliverable


@pytest.fixture
def master(tmp_path: Path) -> Callable[..., Path]:
    """``master(name, **write_master options)`` -> path of a fresh synthesised master."""

    def make(name: str = "master.mxf", **options: Any) -> Path:
        path = tmp_path / name
        write_master(path, **options)
        return path

    return make


@pytest.fixture
def media(tmp_path: Path) -> Callable[..., Path]:
    """``media(name, tracks, luma_at=None, frames=0, **options)`` -> path (see write_media)."""

    def make(
        name: str, tracks: list[np.ndarray], luma_at: Any = None, frames: int = 0, **options: Any
    ) -> Path:
        path = tmp_path / name
        write_media(path, tracks, luma_at, frames, **options)
        return path

    return make


@pytest.fixture
def deliverable(production) -> Deliverable:
    return Deliverable.objects.create(
        production=production,
        name="PAD France 2",
        kind="broadcast",
        profile="pad-hd-fr",
        target_duration_s=1.0,
    )


@pytest.fixture
def master_bytes(tmp_path: Path) -> bytes:
    path = tmp_path / "master.mxf"
    write_master(path, duration_s=1.0, tracks=2, container_format="mxf")
    return path.read_bytes()
