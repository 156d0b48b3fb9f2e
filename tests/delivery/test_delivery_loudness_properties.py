"""Properties of the meter on generated signals, and the filter design."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.data import load_yaml
from tournage.delivery.kweighting import k_weighting_sos
from tournage.delivery.loudness import measure

RATE = 48000


@settings(max_examples=15, deadline=None)
@given(gain_db=st.floats(-30, 12), seed=st.integers(0, 2**16), freq=st.floats(60, 12000))
def test_a_gain_of_g_db_moves_integrated_loudness_by_g(
    gain_db: float, seed: int, freq: float
) -> None:
    rng = np.random.default_rng(seed)
    t = np.arange(RATE * 2) / RATE
    signal = 0.05 * np.sin(2 * np.pi * freq * t) + 0.01 * rng.standard_normal((2, t.size))
    base = measure(signal, RATE, [1.0, 1.0])
    scaled = measure(signal * 10 ** (gain_db / 20), RATE, [1.0, 1.0])
    if math.isfinite(base.integrated_lufs) and base.integrated_lufs + gain_db > -69:
        assert scaled.integrated_lufs - base.integrated_lufs == pytest.approx(gain_db, abs=0.01)
        assert scaled.true_peak_dbtp - base.true_peak_dbtp == pytest.approx(gain_db, abs=0.01)


@pytest.mark.parametrize("seconds", [0.0, 0.2, 5.0])
def test_silence_reads_minus_infinity_and_null_in_json(seconds: float) -> None:
    result = measure(np.zeros((2, round(RATE * seconds))), RATE, [1.0, 1.0])
    assert result.integrated_lufs == -math.inf and result.true_peak_dbtp == -math.inf
    document = result.to_dict()
    assert document["integrated_lufs"] is None and document["loudness_range_lu"] is None


def test_k_weighting_at_48k_is_the_bs1770_table() -> None:
    table = load_yaml("delivery/bs1770.yaml")["algorithm"]["bs1770_loudness"]["k_weighting_48k"]
    sos = k_weighting_sos(48000)
    for row, stage in zip(sos, ("stage1_shelf", "stage2_highpass"), strict=True):
        assert row[:3] == pytest.approx(table[stage]["b"], abs=1e-12)
        assert row[3:] == pytest.approx(table[stage]["a"], abs=1e-12)


def test_true_peak_is_never_below_sample_peak() -> None:
    rng = np.random.default_rng(3)
    signal = rng.uniform(-0.9, 0.9, (2, RATE))
    result = measure(signal, RATE, [1.0, 1.0])
    assert result.true_peak_dbtp >= 20 * np.log10(np.abs(signal).max()) - 1e-6
