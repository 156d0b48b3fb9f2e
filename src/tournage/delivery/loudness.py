"""Streaming loudness meter: ITU-R BS.1770-5, EBU Tech 3341 (EBU mode) and 3342 (LRA).

Audio is fed in chunks of any size; the meter keeps the filter states, a short tail of
10 ms energy bins and one value per 100 ms (gating blocks, short-term values), so memory
stays flat whatever the programme length (about 16 bytes per 100 ms).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.signal import sosfilt

from tournage.data import load_yaml
from tournage.delivery.kweighting import k_weighting_sos
from tournage.delivery.truepeak import TruePeakMeter

NEG_INF = float("-inf")
# channel names as FFmpeg/PyAV spell them; surrounds weigh 1.41, LFE is excluded (BS.1770)
SURROUND_CHANNELS = frozenset({"SL", "SR", "BL", "BR", "LS", "RS", "SLS", "SRS"})
LFE_CHANNELS = frozenset({"LFE", "LFE2", "LOW_FREQUENCY", "LFE1"})


def _constants() -> dict[str, Any]:
    algorithm = load_yaml("delivery/loudness_conformance.yaml")["algorithm"]
    meter = load_yaml("delivery/meter.yaml")["loudness"]
    bs1770 = algorithm["bs1770_loudness"]
    return {
        "block_s": bs1770["gating"]["block_duration_s"],
        "block_step_s": bs1770["gating"]["block_step_s"],
        "absolute_gate": bs1770["gating"]["absolute_threshold_lkfs"],
        "relative_gate": bs1770["gating"]["relative_threshold_lu"],
        "surround_weight": bs1770["channel_weights_5ch"]["Ls"],
        "short_term_s": algorithm["tech3341_ebu_mode"]["short_term"]["window_s"],
        "lra": algorithm["tech3342_lra"],
        "fine_hop_s": meter["fine_hop_s"]["value"],
        "series_step_s": meter["series_step_s"]["value"],
    }


def channel_weights(names: Sequence[str]) -> list[float]:
    """BS.1770 weight of each channel from its name (FL, FR, FC, LFE, SL, SR, BL...)."""
    surround = float(_constants()["surround_weight"])
    weights = []
    for name in names:
        upper = name.upper()
        weights.append(
            0.0 if upper in LFE_CHANNELS else surround if upper in SURROUND_CHANNELS else 1.0
        )
    return weights


def energy_to_lufs(energy: float | NDArray[np.float64]) -> Any:
    with np.errstate(divide="ignore"):
        return -0.691 + 10 * np.log10(energy)


def gated_loudness(block_energies: NDArray[np.float64]) -> float:
    """Integrated loudness of 400 ms blocks with the absolute and relative gates."""
    c = _constants()
    loudness = energy_to_lufs(block_energies)
    above = block_energies[loudness > c["absolute_gate"]]
    if above.size == 0:
        return NEG_INF
    relative = float(energy_to_lufs(above.mean())) + c["relative_gate"]
    kept = above[energy_to_lufs(above) > relative]
    return float(energy_to_lufs(kept.mean()))


def loudness_range(short_term_lufs: NDArray[np.float64]) -> float | None:
    """EBU Tech 3342 loudness range of short-term values sampled at 10 Hz."""
    lra = _constants()["lra"]
    values = short_term_lufs[short_term_lufs > lra["absolute_gate_lufs"]]
    if values.size == 0:
        return None
    mean_energy = np.mean(10 ** (values / 10))
    relative = 10 * math.log10(mean_energy) + lra["relative_gate_lu"]
    values = np.sort(values[values > relative])
    n = values.size

    def percentile(p: float) -> float:
        return float(values[round((n - 1) * p / 100 + 1) - 1])

    return percentile(lra["percentiles"]["high"]) - percentile(lra["percentiles"]["low"])


def _finite_or_none(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(value, 2)


@dataclass
class LoudnessResult:
    """What a loudness measurement reports; -inf means no block above the gate."""

    integrated_lufs: float
    loudness_range_lu: float | None
    true_peak_dbtp: float
    max_momentary_lufs: float
    max_short_term_lufs: float
    channels: int
    sample_rate: int
    duration_s: float
    series_step_s: float = 0.1
    momentary_series: list[float] = field(default_factory=list, repr=False)
    short_term_series: list[float] = field(default_factory=list, repr=False)
    true_peak_events: list[tuple[float, float]] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON shape of ``tournage loudness --json``."""
        return {
            "integrated_lufs": _finite_or_none(self.integrated_lufs),
            "loudness_range_lu": _finite_or_none(self.loudness_range_lu),
            "true_peak_dbtp": _finite_or_none(self.true_peak_dbtp),
            "max_momentary_lufs": _finite_or_none(self.max_momentary_lufs),
            "max_short_term_lufs": _finite_or_none(self.max_short_term_lufs),
            "channels": self.channels,
            "sample_rate": self.sample_rate,
            "duration_s": round(self.duration_s, 3),
        }


class LoudnessMeter:
    """Feed (channels, n) float samples with :meth:`add`, then read :meth:`result`."""

    def __init__(
        self,
        sample_rate: int,
        weights: Sequence[float],
        series_step_s: float | None = None,
        true_peak_watch_dbtp: float | None = None,
    ) -> None:
        c = _constants()
        self.sample_rate = sample_rate
        self.weights = np.asarray(weights, dtype=np.float64)[:, None]
        self.sos = k_weighting_sos(sample_rate)
        self.zi = np.zeros((self.sos.shape[0], len(weights), 2))
        self.hop = round(sample_rate * c["fine_hop_s"])
        self.momentary_bins = round(c["block_s"] / c["fine_hop_s"])
        self.block_step_bins = round(c["block_step_s"] / c["fine_hop_s"])
        self.short_bins = round(c["short_term_s"] / c["fine_hop_s"])
        step = c["series_step_s"] if series_step_s is None else series_step_s
        self.series_step_bins = max(1, round(step / c["fine_hop_s"]))
        watch = None if true_peak_watch_dbtp is None else 10 ** (true_peak_watch_dbtp / 20)
        self.true_peak = TruePeakMeter(sample_rate, len(weights), watch)
        self.true_peak_events: list[tuple[float, float]] = []  # chunks whose true peak > watch
        self.pending = np.zeros(0)  # weighted power of samples not yet in a full bin
        self.tail = np.zeros(0)  # last bins, enough for one short-term window
        self.bins_done = 0
        self.samples = 0
        self.block_energies: list[float] = []
        self.short_term_energies: list[float] = []  # every 100 ms, for LRA
        self.momentary_series: list[float] = []
        self.short_term_series: list[float] = []
        self.max_momentary = 0.0
        self.max_short_term = 0.0

    def add(self, samples: NDArray[np.floating]) -> None:
        """Add a chunk of audio: shape (channels, n), full scale = 1.0."""
        if samples.shape[1] == 0:
            return
        start = self.samples / self.sample_rate
        self.samples += samples.shape[1]
        chunk_peak = self.true_peak.add(samples)
        if self.true_peak.watch_level is not None and chunk_peak > self.true_peak.watch_level:
            self.true_peak_events.append((start, self.samples / self.sample_rate))
        filtered, self.zi = sosfilt(self.sos, samples, axis=1, zi=self.zi)
        power = np.concatenate([self.pending, (self.weights * filtered * filtered).sum(axis=0)])
        whole = power.size // self.hop * self.hop
        self.pending = power[whole:]
        if whole:
            self._add_bins(power[:whole].reshape(-1, self.hop).sum(axis=1) / self.hop)

    def _add_bins(self, bins: NDArray[np.float64]) -> None:
        history = self.tail.size
        sequence = np.concatenate([self.tail, bins])
        cumulative = np.concatenate([[0.0], np.cumsum(sequence)])
        ends = np.arange(history + 1, sequence.size + 1)  # window end index in `sequence`
        absolute_ends = self.bins_done + ends - history
        momentary = self._window_means(cumulative, ends, absolute_ends, self.momentary_bins)
        short_term = self._window_means(cumulative, ends, absolute_ends, self.short_bins)
        if momentary.size:
            self.max_momentary = max(self.max_momentary, float(momentary.max()))
        if short_term.size:
            self.max_short_term = max(self.max_short_term, float(short_term.max()))
        self._collect(cumulative, ends, absolute_ends)
        self.bins_done += bins.size
        self.tail = sequence[-self.short_bins :]

    @staticmethod
    def _window_means(
        cumulative: NDArray[np.float64],
        ends: NDArray[np.int64],
        absolute_ends: NDArray[np.int64],
        width: int,
    ) -> NDArray[np.float64]:
        complete = absolute_ends >= width
        e = ends[complete]
        return (cumulative[e] - cumulative[e - width]) / width

    def _collect(
        self,
        cumulative: NDArray[np.float64],
        ends: NDArray[np.int64],
        absolute_ends: NDArray[np.int64],
    ) -> None:
        def means_at(step: int, width: int) -> NDArray[np.float64]:
            selected = (absolute_ends % step == 0) & (absolute_ends >= width)
            e = ends[selected]
            means: NDArray[np.float64] = (cumulative[e] - cumulative[e - width]) / width
            return means

        self.block_energies.extend(means_at(self.block_step_bins, self.momentary_bins).tolist())
        self.short_term_energies.extend(means_at(self.block_step_bins, self.short_bins).tolist())
        # graph series: value i is the window ending at (i + 1) * step; NaN until it is full
        at_step = absolute_ends % self.series_step_bins == 0
        for width, series in (
            (self.momentary_bins, self.momentary_series),
            (self.short_bins, self.short_term_series),
        ):
            e = ends[at_step]
            full = absolute_ends[at_step] >= width
            start = np.where(full, e - width, 0)
            energy = (cumulative[e] - cumulative[start]) / width
            series.extend(np.where(full, energy_to_lufs(energy), np.nan).tolist())

    def result(self) -> LoudnessResult:
        short_term = energy_to_lufs(np.asarray(self.short_term_energies, dtype=np.float64))
        return LoudnessResult(
            integrated_lufs=gated_loudness(np.asarray(self.block_energies, dtype=np.float64)),
            loudness_range_lu=loudness_range(short_term),
            true_peak_dbtp=float(20 * np.log10(self.true_peak.peak))
            if self.true_peak.peak
            else NEG_INF,
            max_momentary_lufs=float(energy_to_lufs(self.max_momentary))
            if self.max_momentary
            else NEG_INF,
            max_short_term_lufs=float(energy_to_lufs(self.max_short_term))
            if self.max_short_term
            else NEG_INF,
            channels=int(self.weights.shape[0]),
            sample_rate=self.sample_rate,
            duration_s=self.samples / self.sample_rate,
            series_step_s=self.series_step_bins * self.hop / self.sample_rate,
            momentary_series=self.momentary_series,
            short_term_series=self.short_term_series,
            true_peak_events=self.true_peak_events,
        )


def measure(
    samples: NDArray[np.floating], sample_rate: int, weights: Sequence[float]
) -> LoudnessResult:
    """Measure a whole in-memory signal (tests, short files), fed in half-second chunks."""
    meter = LoudnessMeter(sample_rate, weights)
    step = sample_rate // 2
    for start in range(0, max(samples.shape[1], 1), step):
        meter.add(samples[:, start : start + step])
    return meter.result()
