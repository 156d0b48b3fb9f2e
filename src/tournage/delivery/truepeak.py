"""True-peak level (ITU-R BS.1770 Annex 2) by polyphase oversampling, in chunks.

The interpolator is a Kaiser-windowed sinc (parameters in ``data/delivery/meter.yaml``),
finer than the 48-tap example of BS.1770. Its phase 0 is the input itself (to 2e-5), so
the true peak is never below the sample peak and only the other phases are computed.

Most blocks cannot beat the running maximum, and are skipped with a proof: each phase is
linear interpolation (never above the input peak M around it) plus a kernel that cancels
straight lines, i.e. a weighted sum of second differences D. So an output is at most
``M + curvature * D`` (and ``gain * M``); programme audio has small second differences,
so the bound is tight and only the blocks near the peak are filtered. The result is the
same as filtering everything. Plain numpy: the meter's start-up and memory stay small.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np
from numpy.typing import NDArray

from tournage.delivery.meter_settings import meter

BLOCK = 64  # samples screened together; must be >= taps per phase
DENSE = 0.25  # share of candidate blocks above which the whole chunk is filtered
DENSE_ROWS = 2048  # windows multiplied at once on the dense path (bounded memory)


def kaiser_sinc(factor: int, taps: int, beta: float) -> NDArray[np.float64]:
    """Low-pass at the input's Nyquist frequency for ``factor``× oversampling, unit DC gain."""
    half = taps * factor / 2
    h: NDArray[np.float64] = np.array(
        [
            _sinc((n - half) / factor) * _bessel_i0(beta * math.sqrt(1 - ((n - half) / half) ** 2))
            for n in range(taps * factor + 1)
        ]
    )
    h /= h.sum()  # the window's own scale cancels here
    return h


def _sinc(x: float) -> float:
    return 1.0 if x == 0 else math.sin(math.pi * x) / (math.pi * x)


def _bessel_i0(x: float) -> float:
    """Modified Bessel function I0 by its power series (129 calls: numpy's is heavier to load)."""
    term = total = 1.0
    k = 1
    while term > 1e-17 * total:
        term *= (x / (2 * k)) ** 2
        total += term
        k += 1
    return total


@cache
def polyphase_filter(sample_rate: int) -> NDArray[np.float32]:
    """Interpolation filter as a (taps, phases - 1) matrix, taps in window order.

    ``sample_rate`` keys the cache: the design is relative to the input rate.
    """
    params = meter().true_peak
    factor, taps = params.oversampling.value, params.taps_per_phase.value
    # odd length, centred on a multiple of the factor: one phase is the input itself, and the
    # oversampled grid contains the original sample instants (an even length would shift it)
    h = kaiser_sinc(factor, taps, params.kaiser_beta.value) * factor
    h = np.concatenate([h, np.zeros(factor - 1)])
    phases = h.reshape(taps + 1, factor)  # h[j*factor + k] -> tap j of phase k
    return np.ascontiguousarray(phases[::-1, 1:], dtype=np.float32)


def bound_factors(matrix: NDArray[np.float32]) -> tuple[float, float, float]:
    """(gain, curvature, residual): output <= min(gain*M, (1+residual)*M + curvature*D)."""
    gain = curvature = residual = 0.0
    for phase in matrix.astype(np.float64).T:
        centre = float((np.arange(phase.size) * phase).sum() / phase.sum())
        left = int(centre)
        linear = np.zeros(phase.size)
        linear[left : left + 2] = (left + 1 - centre, centre - left)
        excess = phase - linear  # sums to ~0 with ~0 first moment: a second difference
        second = np.cumsum(np.cumsum(excess))[:-2]
        padded = np.concatenate([[0.0, 0.0], second, [0.0, 0.0]])
        rest = excess - (padded[2:] - 2 * padded[1:-1] + padded[:-2])
        gain = max(gain, float(np.abs(phase).sum()))
        curvature = max(curvature, float(np.abs(second).sum()))
        residual = max(residual, float(np.abs(rest).sum()))
    margin = 1 + 1e-5  # float32 rounding of the screening statistics
    return gain * margin, curvature * margin, residual + 1e-5


class TruePeakMeter:
    """Running maximum of the oversampled absolute value over all channels."""

    def __init__(self, sample_rate: int, channels: int, watch_level: float | None = None) -> None:
        """``watch_level`` (linear): chunks above it get their exact peak, for event lists."""
        self.watch_level = watch_level
        self.matrix = polyphase_filter(sample_rate)
        self.taps = self.matrix.shape[0]
        self.gain, self.curvature, self.residual = bound_factors(self.matrix)
        self.history = np.zeros((channels, self.taps - 1), dtype=np.float32)
        self.peak = 0.0

    def add(self, samples: NDArray[np.floating]) -> float:
        """Feed (channels, n) samples; returns the chunk's evaluated true peak (linear)."""
        n = samples.shape[1]
        if n == 0:
            return 0.0
        x = np.concatenate([self.history, samples.astype(np.float32, copy=False)], axis=1)
        self.history = x[:, n:]
        chunk_peak = self._screened_peak(x, n)
        self.peak = max(self.peak, chunk_peak)
        return chunk_peak

    def _screened_peak(self, x: NDArray[np.float32], n: int) -> float:
        magnitude = np.abs(x)
        best = float(magnitude[:, self.taps - 1 :].max())
        curvature = np.empty_like(x)  # |second difference|, computed in place (no temporaries)
        inner = curvature[:, 1:-1]
        np.subtract(x[:, 2:], x[:, 1:-1], out=inner)
        inner -= x[:, 1:-1]
        inner += x[:, :-2]
        np.abs(inner, out=inner)
        curvature[:, 0] = curvature[:, -1] = 0
        peak, bend = self._window_max(magnitude, n), self._window_max(curvature, n)
        bound = np.minimum(self.gain * peak, (1 + self.residual) * peak + self.curvature * bend)
        floor = max(best, self.peak)
        if self.watch_level is not None:
            floor = max(best, min(floor, self.watch_level))
        channels, blocks_hit = np.nonzero(bound > floor)
        if channels.size == 0:
            return best
        windows = np.lib.stride_tricks.sliding_window_view(x, self.taps, axis=1)
        if channels.size > DENSE * bound.size:  # loud material: filter everything
            return max(best, self._dense_peak(windows))
        rows = np.minimum(blocks_hit[:, None] * BLOCK + np.arange(BLOCK), n - 1)
        selected = windows[channels[:, None], rows]  # (hits, BLOCK, taps)
        return max(best, float(np.abs(np.einsum("hwt,tp->hwp", selected, self.matrix)).max()))

    def _window_max(self, values: NDArray[np.float32], n: int) -> NDArray[np.float32]:
        """Per block of outputs, the maximum of ``values`` over the inputs its windows read."""
        lead = self.taps - 1
        blocks = -(-n // BLOCK)
        if n % BLOCK:  # the last block is partial: pad it (never louder)
            values = np.pad(values, ((0, 0), (0, blocks * BLOCK - n)))
        block_max = values[:, lead:].reshape(values.shape[0], blocks, BLOCK).max(axis=2)
        # the windows of block b also read the BLOCK samples before it (lead <= BLOCK)
        previous = np.concatenate(
            [values[:, :lead].max(axis=1, keepdims=True), block_max[:, :-1]], 1
        )
        window_max: NDArray[np.float32] = np.maximum(block_max, previous)
        return window_max

    def _dense_peak(self, windows: NDArray[np.float32]) -> float:
        peak = 0.0
        for channel in windows:
            for start in range(0, channel.shape[0], DENSE_ROWS):
                part = np.ascontiguousarray(channel[start : start + DENSE_ROWS])
                peak = max(peak, float(np.abs(np.einsum("wt,tp->wp", part, self.matrix)).max()))
        return peak
