"""Every synthesizable EBU Tech 3341 / 3342 case at 48 kHz; one of each kind at 44.1 and 96 kHz."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from ebu_cases import (
    cases,
    indexed_segments,
    isolated_peak_signal,
    sequence,
    true_peak_signal,
)

from tournage.delivery.loudness import LoudnessMeter, LoudnessResult, channel_weights, measure

RATES = (44100, 48000, 96000)
OTHER_RATES = (44100, 96000)


def rates_for(case_ids: list[str], everywhere: set[str]) -> list[tuple[str, int]]:
    """48 kHz for every case; 44.1 and 96 kHz for the cases in ``everywhere`` (short suite)."""
    return [(c, r) for c in case_ids for r in RATES if r == 48000 or c in everywhere]


R128_REFERENCE = -23.0
CASES = {case["id"]: case for case in cases()}
MEASURE_FIELDS = {
    "M": "max_momentary_lufs",
    "S": "max_short_term_lufs",
    "I": "integrated_lufs",
    "max_M": "max_momentary_lufs",
    "max_S": "max_short_term_lufs",
    "max_true_peak": "true_peak_dbtp",
    "LRA": "loudness_range_lu",
}


def within(measured: float, expected: dict[str, Any], relative: bool = False) -> bool:
    """``relative``: a reading in LU against the R 128 reference of -23 LUFS."""
    value = expected["value"] + (R128_REFERENCE if relative else 0.0)
    low = value - expected.get("tol_minus", expected.get("tol", 0))
    high = value + expected.get("tol_plus", expected.get("tol", 0))
    return low <= measured <= high


def check_result(result: LoudnessResult, case: dict[str, Any]) -> None:
    for expected in case["expected"]:
        measures = (
            expected["measure"] if isinstance(expected["measure"], list) else [expected["measure"]]
        )
        for name in measures:
            measured = getattr(result, MEASURE_FIELDS[name])
            relative = expected["unit"] == "LU" and name != "LRA"
            assert within(measured, expected, relative), f"{case['id']} {name}: {measured}"


def stereo(n_weights: int = 2) -> list[float]:
    return [1.0] * n_weights


def test_all_synthesizable_cases_are_covered() -> None:
    covered = {f"tech3341-{n:02d}" for n in (*range(1, 7), *range(9, 24))} | {
        f"tech3342-{n:02d}" for n in range(1, 5)
    }
    assert set(CASES) == covered


STEADY = [
    "tech3341-01",
    "tech3341-02",
    "tech3341-03",
    "tech3341-04",
    "tech3341-05",
    "tech3342-01",
    "tech3342-02",
    "tech3342-03",
    "tech3342-04",
]


@pytest.mark.parametrize(("case_id", "rate"), rates_for(STEADY, {"tech3341-01", "tech3342-01"}))
def test_steady_tone_sequences(case_id: str, rate: int) -> None:
    case = CASES[case_id]
    check_result(measure(sequence(case["recipe"], rate), rate, stereo()), case)


@pytest.mark.parametrize("rate", RATES)
def test_case_6_surround_weighting_with_and_without_lfe(rate: int) -> None:
    case = CASES["tech3341-06"]
    five = sequence(case["recipe"], rate)
    check_result(measure(five, rate, channel_weights(["FL", "FR", "FC", "SL", "SR"])), case)
    six = np.insert(five, 3, np.full(five.shape[1], 0.5), axis=0)  # loud LFE must not count
    check_result(measure(six, rate, channel_weights(["FL", "FR", "FC", "LFE", "BL", "BR"])), case)


@pytest.mark.parametrize("rate", RATES)
@pytest.mark.parametrize(
    ("case_id", "series", "settle_s"),
    [
        ("tech3341-09", "short_term_series", 3.0),
        ("tech3341-12", "momentary_series", 1.0),
    ],
)
def test_window_lengths_give_constant_readings(
    case_id: str, series: str, settle_s: float, rate: int
) -> None:
    case = CASES[case_id]
    result = measure(sequence(case["recipe"], rate), rate, stereo())
    step = result.series_step_s
    values = [v for i, v in enumerate(getattr(result, series)) if (i + 1) * step >= settle_s - 1e-9]
    expected = case["expected"][0]
    assert values and all(within(v, expected) for v in values)


@pytest.mark.parametrize(
    ("case_id", "rate"), rates_for(["tech3341-10", "tech3341-13"], {"tech3341-13"})
)
def test_maximum_over_separate_files(case_id: str, rate: int) -> None:
    case = CASES[case_id]
    template = case["recipe"]["per_file_i"]
    for i in range(case["recipe"]["files"]):
        recipe = {"channels": 2, "segments": indexed_segments(template, i)}
        check_result(measure(sequence(recipe, rate), rate, stereo()), case)


@pytest.mark.parametrize(
    ("case_id", "series", "rate"),
    [
        ("tech3341-11", "short_term_series", 48000),
        ("tech3341-14", "momentary_series", 48000),
        ("tech3341-14", "momentary_series", 44100),
        ("tech3341-14", "momentary_series", 96000),
    ],
)
def test_live_maximum_readings_per_segment(case_id: str, series: str, rate: int) -> None:
    recipe = CASES[case_id]["recipe"]
    parts = [
        sequence(
            {"channels": 2, "segments": indexed_segments(recipe["segments_for_i_0_to_19"], i)}, rate
        )
        for i in range(20)
    ]
    meter = LoudnessMeter(rate, stereo(), series_step_s=0.01)
    for part in parts:
        meter.add(part)
    result = meter.result()
    values = np.asarray(getattr(result, series))
    ends = (np.arange(values.size) + 1) * result.series_step_s
    length = recipe["segment_length_s"]
    for i in range(20):
        in_segment = (ends > i * length + 1e-9) & (ends <= (i + 1) * length + 1e-9)
        reading = np.nanmax(values[in_segment])
        assert abs(reading - (-38.0 + i)) <= 0.1, (i, reading)


@pytest.mark.parametrize("rate", RATES)
@pytest.mark.parametrize("case_id", [f"tech3341-{n}" for n in range(15, 20)])
def test_true_peak_of_sines(case_id: str, rate: int) -> None:
    case = CASES[case_id]
    check_result(measure(true_peak_signal(case["recipe"], rate), rate, stereo()), case)


@pytest.mark.parametrize("rate", RATES)
@pytest.mark.parametrize(("case_id", "offset"), [(f"tech3341-{20 + k}", k) for k in (0, 2)])
def test_isolated_inter_sample_peaks_at_every_rate(case_id: str, offset: int, rate: int) -> None:
    check_result(measure(isolated_peak_signal(offset, rate), rate, stereo()), CASES[case_id])


@pytest.mark.parametrize(("case_id", "offset"), [(f"tech3341-{20 + k}", k) for k in (1, 3)])
def test_isolated_inter_sample_peaks(case_id: str, offset: int) -> None:
    check_result(measure(isolated_peak_signal(offset, 48000), 48000, stereo()), CASES[case_id])


@pytest.mark.parametrize("rate", RATES)
def test_sanity_997_hz_full_scale_on_one_channel_reads_minus_3_01(rate: int) -> None:
    t = np.arange(rate * 5) / rate
    signal = np.stack([np.sin(2 * np.pi * 997 * t), np.zeros_like(t)])
    assert measure(signal, rate, stereo()).integrated_lufs == pytest.approx(-3.01, abs=0.01)


def test_chunk_size_does_not_change_the_result() -> None:
    rate = 48000
    signal = sequence(CASES["tech3342-01"]["recipe"], rate)
    whole = measure(signal, rate, stereo())
    meter = LoudnessMeter(rate, stereo())
    for start in range(0, signal.shape[1], 12345):
        meter.add(signal[:, start : start + 12345])
    chunked = meter.result()
    assert chunked.to_dict() == whole.to_dict()


@pytest.mark.parametrize("case_id", [f"tech3341-{n}" for n in range(15, 20)])
def test_true_peak_is_within_a_hundredth_of_a_db_of_the_ideal_reading(case_id: str) -> None:
    """Finer than the EBU tolerance: the interpolator is flat to 20 kHz (ideal = 16x reference)."""
    case = CASES[case_id]
    measured = measure(true_peak_signal(case["recipe"], 48000), 48000, stereo()).true_peak_dbtp
    assert measured == pytest.approx(case["reference_check"]["ideal_16x"], abs=0.02)
