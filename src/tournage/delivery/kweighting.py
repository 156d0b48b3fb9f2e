"""K-weighting filter (ITU-R BS.1770) at any sample rate.

BS.1770 gives the two biquads at 48 kHz only. Each one is a bilinear transform of an
analogue second-order section; we recover that section (pre-warped corner, Q and
numerator terms) from the normative 48 kHz coefficients and transform it again at the
wanted rate, so 44.1 and 96 kHz get the same frequency response.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tournage.data import load_yaml

REFERENCE_RATE = 48000


def _algorithm() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("delivery/loudness_conformance.yaml")["algorithm"]
    return data


def _analogue_section(b: list[float], a: list[float]) -> tuple[float, float, float, float, float]:
    """(K, K/Q, c2, c1, c0) of H(s) = (c2 s² + c1 s + c0) / (s² + s/Q + 1), s = (z-1)/(K(z+1))."""
    _, a1, a2 = a
    k_squared = (1 + a1 + a2) / (1 - a1 + a2)
    k = math.sqrt(k_squared)
    k_over_q = 2 * (1 - a2) / (1 - a1 + a2)
    denominator = 1 + k_over_q + k_squared
    b0, b1, b2 = b
    c0 = denominator * (b0 + b1 + b2) / (4 * k_squared)
    c2 = denominator * (b0 - b1 + b2) / 4
    c1 = denominator * (b0 - b2) / (2 * k)
    return k, k_over_q / k, c2, c1, c0


def _biquad_at(section: tuple[float, float, float, float, float], rate: int) -> list[float]:
    k48, inverse_q, c2, c1, c0 = section
    k = math.tan(math.atan(k48) * REFERENCE_RATE / rate)
    k_over_q = k * inverse_q
    denominator = 1 + k_over_q + k * k
    b = [
        (c2 + c1 * k + c0 * k * k) / denominator,
        2 * (c0 * k * k - c2) / denominator,
        (c2 - c1 * k + c0 * k * k) / denominator,
    ]
    a = [1.0, 2 * (k * k - 1) / denominator, (1 - k_over_q + k * k) / denominator]
    return b + a


@cache
def k_weighting_sos(sample_rate: int) -> NDArray[np.float64]:
    """Second-order sections (scipy ``sos`` layout) of the K-weighting filter."""
    stages = _algorithm()["bs1770_loudness"]["k_weighting_48k"]
    rows = []
    for name in ("stage1_shelf", "stage2_highpass"):
        stage = stages[name]
        rows.append(_biquad_at(_analogue_section(stage["b"], stage["a"]), sample_rate))
    return np.array(rows, dtype=np.float64)
