"""Constants and signal helpers shared by the delivery tests (imported by name, unlike conftest)."""

from __future__ import annotations

import numpy as np

from tournage.delivery.synth import db_to_amplitude, sine

RATE = 48000
PAD_LIKE = {"tracks": 4, "container_format": "mxf", "pix_fmt": "yuv422p"}  # MXF, 4:2:2, mono PCM
LOUDNESS_KEYS = {
    "integrated_lufs",
    "loudness_range_lu",
    "true_peak_dbtp",
    "max_momentary_lufs",
    "max_short_term_lufs",
    "channels",
    "sample_rate",
    "duration_s",
}


def tone(seconds: float, dbfs: float = -23.0, channels: int = 2) -> np.ndarray:
    return np.tile(sine(1000, db_to_amplitude(dbfs), seconds, RATE), (channels, 1))
