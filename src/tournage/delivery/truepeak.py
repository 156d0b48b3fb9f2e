"""True-peak level (ITU-R BS.1770 Annex 2) by polyphase oversampling, in chunks.

The interpolator is a Kaiser-windowed sinc (parameters in ``data/delivery/meter.yaml``),
finer than the 48-tap example of BS.1770. Its phase 0 is the input itself, so the true
peak is never below the sample peak; and no output can exceed ``gain`` times the input
peak around it, so blocks that cannot beat the running maximum are skipped (the result
is the same as filtering everything, only faster).
"""

from __future__ import annotations

from functools import cache

import numpy as np
from numpy.typing import NDArray
from scipy.signal import firwin, oaconvolve

from tournage.data import load_yaml

BLOCK = 64  # samples screened together; must be >= taps per phase
DENSE = 0.25  # share of candidate blocks above which the whole chunk is filtered (FFT)


@cache
def polyphase_filter(sample_rate: int) -> NDArray[np.float32]:
    """Interpolation filter as a (taps, phases) matrix, taps in convolution order."""
    params = load_yaml("delivery/meter.yaml")["true_peak"]
    factor = int(params["oversampling"]["value"])
    taps = int(params["taps_per_phase"]["value"])
    beta = float(params["kaiser_beta"]["value"])
    # odd length, centred on a multiple of the factor: one phase is the input itself, and the
    # oversampled grid contains the original sample instants (an even length would shift it)
    h = firwin(taps * factor + 1, sample_rate / 2, window=("kaiser", beta), fs=sample_rate * factor)
    h = np.concatenate([h * factor, np.zeros(factor - 1)])
    phases = h.reshape(taps + 1, factor)  # h[j*factor + k] -> tap j of phase k
    return np.ascontiguousarray(phases[::-1, :], dtype=np.float32)


class TruePeakMeter:
    """Running maximum of the oversampled absolute value over all channels."""

    def __init__(self, sample_rate: int, channels: int, watch_level: float | None = None) -> None:
        """``watch_level`` (linear): chunks above it get their exact peak, for event lists."""
        self.watch_level = watch_level
        self.matrix = polyphase_filter(sample_rate)
        self.taps = self.matrix.shape[0]
        self.gain = float(np.abs(self.matrix).sum(axis=0).max())
        self.history = np.zeros((channels, self.taps - 1), dtype=np.float32)
        self.peak = 0.0

    def add(self, samples: NDArray[np.floating]) -> float:
        """Feed (channels, n) samples; returns the chunk's evaluated true peak (linear)."""
        x = np.concatenate([self.history, samples.astype(np.float32, copy=False)], axis=1)
        self.history = x[:, x.shape[1] - self.taps + 1 :]
        n = samples.shape[1]
        if n == 0:
            return 0.0
        chunk_peak = self._screened_peak(x, n)
        self.peak = max(self.peak, chunk_peak)
        return chunk_peak

    def _screened_peak(self, x: NDArray[np.float32], n: int) -> float:
        lead = self.taps - 1
        magnitude = np.abs(x)
        best = float(magnitude[:, lead:].max())
        blocks = -(-n // BLOCK)
        padded = np.zeros((x.shape[0], blocks * BLOCK + lead), dtype=np.float32)
        padded[:, : x.shape[1]] = magnitude
        # bound for block b: input peak from BLOCK samples before it up to its end
        block_max = padded[:, lead:].reshape(x.shape[0], blocks, BLOCK).max(axis=2)
        previous = np.concatenate(
            [padded[:, :lead].max(axis=1, keepdims=True), block_max[:, :-1]], 1
        )
        bound = np.maximum(block_max, previous) * self.gain
        floor = max(best, self.peak)
        if self.watch_level is not None:
            floor = max(best, min(floor, self.watch_level))
        channels, blocks_hit = np.nonzero(bound > floor)
        if channels.size == 0:
            return best
        if channels.size > DENSE * blocks * x.shape[0]:  # loud material: filter everything at once
            filtered = oaconvolve(
                x[:, :, None], self.matrix[::-1][None, :, :], mode="valid", axes=1
            )
            return max(best, float(np.abs(filtered).max()))
        windows = np.lib.stride_tricks.sliding_window_view(x, self.taps, axis=1)
        rows = np.minimum(blocks_hit[:, None] * BLOCK + np.arange(BLOCK), n - 1)
        selected = windows[channels[:, None], rows]  # (hits, BLOCK, taps)
        return max(best, float(np.abs(selected @ self.matrix).max()))
