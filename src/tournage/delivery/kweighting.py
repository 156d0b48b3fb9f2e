"""K-weighting filter (ITU-R BS.1770) at any sample rate.

BS.1770 gives the two biquads at 48 kHz only. Each one is a bilinear transform of an
analogue second-order section; we recover that section (pre-warped corner, Q and
numerator terms) from the normative 48 kHz coefficients and transform it again at the
wanted rate, so 44.1 and 96 kHz get the same frequency response.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from fractions import Fraction
from functools import cache
from itertools import pairwise
from typing import Any

import av
import av.filter
import numpy as np
from numpy.typing import NDArray

from tournage.delivery.meter_settings import bs1770

REFERENCE_RATE = 48000


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
    """Second-order sections (b0 b1 b2 a0 a1 a2 per row) of the K-weighting filter."""
    stages = bs1770().bs1770_loudness.k_weighting_48k
    rows = [
        _biquad_at(_analogue_section(list(stage.b), list(stage.a)), sample_rate)
        for stage in (stages.stage1_shelf, stages.stage2_highpass)
    ]
    return np.array(rows, dtype=np.float64)


GRAPH_CHANNELS = 7  # PyAV reads and writes at most 7 planes of a frame: more are split


class KWeighting:
    """K-weighting of (channels, n) blocks, kept in state across blocks.

    The two biquads run in FFmpeg's ``biquad`` filter (C, double precision), through the
    PyAV that decodes the media anyway: no extra dependency, no Python loop per sample.
    """

    def __init__(self, sample_rate: int, channels: int) -> None:
        self.sample_rate = sample_rate
        self.groups = [
            (start, min(channels, start + GRAPH_CHANNELS))
            for start in range(0, channels, GRAPH_CHANNELS)
        ]
        self.graphs = [self._graph(stop - start) for start, stop in self.groups]
        self.pts = 0

    def _graph(self, channels: int) -> av.filter.Graph:
        graph = av.filter.Graph()
        graph.threads = 1  # channel threads cost more to wake than the filter takes
        chain = [
            graph.add_abuffer(
                sample_rate=self.sample_rate,
                format="fltp",
                layout=f"{channels}c",
                time_base=Fraction(1, self.sample_rate),
            ),
            graph.add("aformat", "sample_fmts=dblp"),
        ]
        for section in k_weighting_sos(self.sample_rate):
            names = ("b0", "b1", "b2", "a0", "a1", "a2")
            options = ":".join(f"{n}={float(v):.17g}" for n, v in zip(names, section, strict=True))
            chain.append(graph.add("biquad", options))
        chain.append(graph.add("abuffersink"))
        for source, sink in pairwise(chain):
            source.link_to(sink)
        graph.configure()
        return graph

    def __call__(self, samples: NDArray[np.floating]) -> NDArray[np.float64]:
        """The filtered block, same shape, float64."""
        parts: list[NDArray[np.float64]] = []
        for (start, stop), graph in zip(self.groups, self.graphs, strict=True):
            frame = av.AudioFrame.from_ndarray(
                np.ascontiguousarray(samples[start:stop], dtype=np.float32),
                format="fltp",
                layout=f"{stop - start}c",
            )
            frame.sample_rate, frame.pts = self.sample_rate, self.pts
            graph.push(frame)
            filtered: list[NDArray[np.float64]] = [out.to_ndarray() for out in _drain(graph)]
            parts.append(filtered[0] if len(filtered) == 1 else np.concatenate(filtered, axis=1))
        self.pts += samples.shape[1]
        return parts[0] if len(parts) == 1 else np.concatenate(parts, axis=0)


def _drain(graph: av.filter.Graph) -> Iterator[Any]:
    while True:
        try:
            yield graph.pull()
        except (av.BlockingIOError, av.EOFError):
            return
