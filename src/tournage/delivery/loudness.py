"""Streaming loudness meter: ITU-R BS.1770-5, EBU Tech 3341 (EBU mode) and 3342 (LRA).

Audio is fed in chunks of any size; the meter keeps the filter states, a short tail of
10 ms energy bins, and two histograms (400 ms blocks for the gated integrated loudness,
3 s short-term values for the LRA) of fixed size, as FFmpeg's and libebur128's meters do:
memory is the same for a minute or ten hours. The graph series (momentary and short-term
loudness over time) are kept only when asked for (QC reports).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tournage.delivery.kweighting import KWeighting
from tournage.delivery.meter_settings import LoudnessRange, bs1770, meter
from tournage.delivery.truepeak import TruePeakMeter

NEG_INF = float("-inf")
# channel names as FFmpeg/PyAV spell them; surrounds weigh 1.41, LFE is excluded (BS.1770)
SURROUND_CHANNELS = frozenset({"SL", "SR", "BL", "BR", "LS", "RS", "SLS", "SRS"})
LFE_CHANNELS = frozenset({"LFE", "LFE2", "LOW_FREQUENCY", "LFE1"})
LUFS_OFFSET = -0.691  # BS.1770: cancels the K-filter's gain at 997 Hz


@dataclass(frozen=True)
class _Constants:
    block_s: float
    block_step_s: float
    absolute_gate: float
    relative_gate: float
    surround_weight: float
    short_term_s: float
    lra: LoudnessRange
    fine_hop_s: float
    series_step_s: float
    histogram_step_lu: float
    histogram_top_lufs: float


@cache
def _constants() -> _Constants:
    algorithm, settings = bs1770(), meter().loudness
    gating = algorithm.bs1770_loudness.gating
    return _Constants(
        block_s=gating.block_duration_s,
        block_step_s=gating.block_step_s,
        absolute_gate=gating.absolute_threshold_lkfs,
        relative_gate=gating.relative_threshold_lu,
        surround_weight=algorithm.bs1770_loudness.channel_weights_5ch.Ls,
        short_term_s=algorithm.tech3341_ebu_mode.short_term.window_s,
        lra=algorithm.tech3342_lra,
        fine_hop_s=settings.fine_hop_s.value,
        series_step_s=settings.series_step_s.value,
        histogram_step_lu=settings.histogram_step_lu.value,
        histogram_top_lufs=settings.histogram_top_lufs.value,
    )


def short_term_window_s() -> float:
    """The EBU mode short-term window (3 s), for events built on short-term values."""
    return float(_constants().short_term_s)


def channel_weights(names: Sequence[str]) -> list[float]:
    """BS.1770 weight of each channel from its name (FL, FR, FC, LFE, SL, SR, BL...)."""
    surround = float(_constants().surround_weight)
    weights = []
    for name in names:
        upper = name.upper()
        weights.append(
            0.0 if upper in LFE_CHANNELS else surround if upper in SURROUND_CHANNELS else 1.0
        )
    return weights


def energy_to_lufs(energy: float | NDArray[np.float64]) -> Any:
    with np.errstate(divide="ignore"):
        return LUFS_OFFSET + 10 * np.log10(energy)


class Histogram:
    """Count and summed energy of loudness values above a floor, per ``step`` LU.

    Sums are exact; a value's bin only decides which side of a gate it falls, so results
    differ from keeping every value by less than half a step (0.005 LU by default).
    """

    def __init__(self, floor_lufs: float) -> None:
        c = _constants()
        self.floor = floor_lufs
        self.step = float(c.histogram_step_lu)
        size = math.ceil((c.histogram_top_lufs - floor_lufs) / self.step)
        self.counts = np.zeros(size, dtype=np.int64)
        self.energies = np.zeros(size, dtype=np.float64)
        # bin edges as energies: values are placed without a logarithm per value
        self.edges = [10 ** ((floor_lufs + i * self.step - LUFS_OFFSET) / 10) for i in range(size)]

    def add(self, energies: NDArray[np.float64]) -> None:
        """Add values (a few per call: one per 100 ms of audio)."""
        for energy in energies.tolist():
            if energy > self.edges[0]:  # strictly above the floor
                index = bisect.bisect_right(self.edges, energy) - 1
                self.counts[index] += 1
                self.energies[index] += energy

    def centres(self) -> NDArray[np.float64]:
        return self.floor + (np.arange(self.counts.size, dtype=np.float64) + 0.5) * self.step

    def gate(self, relative_lu: float) -> NDArray[np.bool_] | None:
        """Bins above ``relative_lu`` under the power mean of every value; None if empty."""
        total = int(self.counts.sum())
        if total == 0:
            return None
        mean = float(energy_to_lufs(self.energies.sum() / total))
        kept: NDArray[np.bool_] = (self.centres() > mean + relative_lu) & (self.counts > 0)
        return kept


def gated_loudness(blocks: Histogram) -> float:
    """Integrated loudness of 400 ms blocks with the absolute and relative gates."""
    kept = blocks.gate(_constants().relative_gate)
    if kept is None:
        return NEG_INF
    return float(energy_to_lufs(blocks.energies[kept].sum() / blocks.counts[kept].sum()))


def loudness_range(short_term: Histogram) -> float | None:
    """EBU Tech 3342 loudness range of the short-term values (sampled at 10 Hz)."""
    lra = _constants().lra
    kept = short_term.gate(lra.relative_gate_lu)
    if kept is None:
        return None
    counts = np.where(kept, short_term.counts, 0)
    cumulative = np.cumsum(counts)
    n = int(cumulative[-1])
    centres = short_term.centres()

    def percentile(p: float) -> float:
        # Tech 3342 reference code: the value at index round((n - 1) * p / 100 + 1) - 1
        index = round((n - 1) * p / 100 + 1) - 1
        return float(centres[np.searchsorted(cumulative, index, side="right")])

    return percentile(lra.percentiles.high) - percentile(lra.percentiles.low)


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


def _level(linear_power: float) -> float:
    return float(energy_to_lufs(linear_power)) if linear_power else NEG_INF


class LoudnessMeter:
    """Feed (channels, n) float samples with :meth:`add`, then read :meth:`result`.

    ``series_step_s``: keep momentary and short-term values at that step (graphs, events);
    ``keep_series=False`` keeps none (a plain measurement).
    """

    def __init__(
        self,
        sample_rate: int,
        weights: Sequence[float],
        series_step_s: float | None = None,
        true_peak_watch_dbtp: float | None = None,
        keep_series: bool = True,
    ) -> None:
        c = _constants()
        self.sample_rate = sample_rate
        self.weights = np.asarray(weights, dtype=np.float64)
        self.k_weighting = KWeighting(sample_rate, len(weights))
        self.hop = round(sample_rate * c.fine_hop_s)
        self.momentary_bins = round(c.block_s / c.fine_hop_s)
        self.block_step_bins = round(c.block_step_s / c.fine_hop_s)
        self.short_bins = round(c.short_term_s / c.fine_hop_s)
        step = c.series_step_s if series_step_s is None else series_step_s
        self.series_step_bins = max(1, round(step / c.fine_hop_s))
        watch = None if true_peak_watch_dbtp is None else 10 ** (true_peak_watch_dbtp / 20)
        self.true_peak = TruePeakMeter(sample_rate, len(weights), watch)
        self.true_peak_events: list[tuple[float, float]] = []  # chunks whose true peak > watch
        self.pending = np.zeros(0)  # weighted power of samples not yet in a full bin
        self.tail = np.zeros(0)  # last bins, enough for one short-term window
        self.bins_done = 0
        self.samples = 0
        self.blocks = Histogram(c.absolute_gate)
        self.short_term = Histogram(c.lra.absolute_gate_lufs)  # every 100 ms, for LRA
        self.keep_series = keep_series
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
        power = np.concatenate([self.pending, self._weighted_power(self.k_weighting(samples))])
        whole = power.size // self.hop * self.hop
        self.pending = power[whole:]
        if whole:
            self._add_bins(power[:whole].reshape(-1, self.hop).mean(axis=1))

    def _weighted_power(self, filtered: NDArray[np.float64]) -> NDArray[np.float64]:
        """Sum over channels of weight x square, in place (no temporaries per channel)."""
        np.multiply(filtered, filtered, out=filtered)
        power: NDArray[np.float64] = filtered[0] * self.weights[0]
        for channel, weight in zip(filtered[1:], self.weights[1:], strict=True):
            channel *= weight
            power += channel
        return power

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

        self.blocks.add(means_at(self.block_step_bins, self.momentary_bins))
        self.short_term.add(means_at(self.block_step_bins, self.short_bins))
        if not self.keep_series:
            return
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
        peak = self.true_peak.peak
        return LoudnessResult(
            integrated_lufs=gated_loudness(self.blocks),
            loudness_range_lu=loudness_range(self.short_term),
            true_peak_dbtp=float(20 * np.log10(peak)) if peak else NEG_INF,
            max_momentary_lufs=_level(self.max_momentary),
            max_short_term_lufs=_level(self.max_short_term),
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
