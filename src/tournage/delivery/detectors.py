"""Frame- and block-level detectors: black, freeze, video levels, silence, clipping, phase.

Each detector is fed in time order and returns time segments (seconds from the file start).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray


@dataclass
class Segment:
    start_s: float
    end_s: float
    kind: str = ""  # what was found, where a check lists several kinds (flashes)

    def to_dict(self) -> dict[str, float | str]:
        times: dict[str, float | str] = {
            "start_s": round(self.start_s, 3),
            "end_s": round(self.end_s, 3),
        }
        return times | ({"kind": self.kind} if self.kind else {})


class Runs:
    """Turns a flag sampled over time into the segments where it stays true long enough."""

    def __init__(self, min_duration_s: float) -> None:
        self.min_duration_s = min_duration_s
        self.start: float | None = None
        self.last_end = 0.0
        self.segments: list[Segment] = []

    def add(self, flag: bool, start_s: float, end_s: float) -> None:
        if flag and self.start is None:
            self.start = start_s
        elif not flag:
            self._close()
        self.last_end = end_s

    def _close(self) -> None:
        if self.start is not None and self.last_end - self.start >= self.min_duration_s - 1e-9:
            self.segments.append(Segment(self.start, self.last_end))
        self.start = None

    def finish(self) -> list[Segment]:
        self._close()
        return self.segments


@dataclass
class VideoLevels:
    """EBU R 103 tolerated code range, derived R/G/B on a coarse grid."""

    low: float
    high: float
    kr: float
    kb: float
    luma_step: int
    gamut_step: int
    scale: float  # 1 for 8-bit codes, 4 for 10-bit


Planes = tuple[NDArray[Any], NDArray[Any], NDArray[Any]]


def luma_and_chroma(frame: Any) -> Planes:
    """Y, Cb, Cr planes as arrays without copying (planar YUV formats only)."""
    dtype = np.uint16 if frame.format.components[0].bits > 8 else np.uint8
    planes = []
    for plane in frame.planes[:3]:
        row = plane.line_size // np.dtype(dtype).itemsize
        planes.append(
            np.frombuffer(plane, dtype=dtype).reshape(-1, row)[: plane.height, : plane.width]
        )
    return planes[0], planes[1], planes[2]


FREEZE_BLOCK = 2  # coarse-grid cells averaged together, so coding noise of a still picture cancels


def _block_means(sample: NDArray[np.float32], block: int) -> NDArray[np.float32]:
    """Means of ``block`` x ``block`` cells, summed slice by slice (faster than a reshaped mean)."""
    rows, cols = sample.shape[0] // block * block, sample.shape[1] // block * block
    total = np.zeros((rows // block, cols // block), dtype=np.float32)
    for i in range(block):
        for j in range(block):
            total += sample[i:rows:block, j:cols:block]
    total *= np.float32(1 / (block * block))
    return total


@dataclass
class FrameStats:
    black: bool
    difference: float
    luma_out_percent: float
    gamut_out_percent: float
    luma_min: float
    luma_max: float


@dataclass
class VideoDetector:
    levels: VideoLevels
    black_code: float
    black_ratio: float
    previous: NDArray[Any] | None = None
    low: float = 0.0  # Y' extremes of the current picture
    high: float = 0.0

    def frame(self, frame: Any, planes: Planes | None = None) -> FrameStats:
        y, cb, cr = planes or luma_and_chroma(frame)
        lv = self.levels
        grid = y[:: lv.luma_step, :: lv.luma_step]
        sample = y[:: 2 * lv.luma_step, :: 2 * lv.luma_step].astype(np.float32)
        low, high = float(y.min()), float(y.max())  # whole picture: contiguous rows, fast
        self.low, self.high = low, high
        out = 0.0  # the counting pass runs only when the extremes say it can find something
        if low < lv.low or high > lv.high:
            out = np.count_nonzero((grid < lv.low) | (grid > lv.high)) * 100.0 / grid.size
        black = bool(np.count_nonzero(sample <= self.black_code) >= self.black_ratio * sample.size)
        gamut = self._gamut_out(y, cb, cr)
        return FrameStats(black, self._difference(sample, frame), out, gamut, low, high)

    def _difference(self, sample: NDArray[np.float32], frame: Any) -> float:
        """Mean change of block means since the previous frame, as a fraction of full scale."""
        small = _block_means(sample, FREEZE_BLOCK)
        previous, self.previous = self.previous, small
        if previous is None or previous.shape != small.shape:
            return 1.0
        full_scale = float(2 ** frame.format.components[0].bits - 1)
        return float(np.abs(small - previous).mean()) / full_scale

    def _gamut_out(self, y: NDArray[Any], cb: NDArray[Any], cr: NDArray[Any]) -> float:
        """Percentage of sampled pixels whose R, G or B is outside the tolerated range."""
        lv = self.levels
        row_step = lv.gamut_step * cb.shape[0] // y.shape[0]
        col_step = lv.gamut_step * cb.shape[1] // y.shape[1]
        c_b, c_r = cb[::row_step, ::col_step], cr[::row_step, ::col_step]
        luma = y[:: lv.gamut_step, :: lv.gamut_step][: c_b.shape[0], : c_b.shape[1]]
        c_b, c_r = c_b[: luma.shape[0], : luma.shape[1]], c_r[: luma.shape[0], : luma.shape[1]]
        # the sampled rows hold every sampled pixel: their extremes (contiguous rows, a
        # fast reduction) prove most pictures inside without any arithmetic per pixel
        if self._inside_for_sure(
            y[:: lv.gamut_step], cb[::row_step], cr[::row_step], (self.low, self.high)
        ):
            return 0.0
        # normalised Y' in [0, 1] and colour differences in [-0.5, 0.5], narrow range
        yn = (luma.astype(np.float32) - 16 * lv.scale) / (219 * lv.scale)
        pb = (c_b.astype(np.float32) - 128 * lv.scale) / (224 * lv.scale)
        pr = (c_r.astype(np.float32) - 128 * lv.scale) / (224 * lv.scale)
        r = yn + 2 * (1 - lv.kr) * pr
        b = yn + 2 * (1 - lv.kb) * pb
        g = (yn - lv.kr * r - lv.kb * b) / (1 - lv.kr - lv.kb)
        low = (lv.low - 16 * lv.scale) / (219 * lv.scale)
        high = (lv.high - 16 * lv.scale) / (219 * lv.scale)
        rgb = np.stack([r, g, b])
        outside = np.any((rgb < low) | (rgb > high), axis=0)
        return float(np.count_nonzero(outside) * 100.0 / outside.size)

    def _inside_for_sure(
        self,
        y: NDArray[Any],
        cb: NDArray[Any],
        cr: NDArray[Any],
        luma_range: tuple[float, float] | None = None,
    ) -> bool:
        """Whether the extremes of Y', Pb, Pr keep every R, G, B of these pixels in range
        (``luma_range``: Y' extremes already known, of the whole picture)."""
        lv = self.levels
        low_y, high_y = luma_range or (float(y.min()), float(y.max()))
        span_y = (
            (low_y - 16 * lv.scale) / (219 * lv.scale),
            (high_y - 16 * lv.scale) / (219 * lv.scale),
        )
        span_b = [(float(v) - 128 * lv.scale) / (224 * lv.scale) for v in (cb.min(), cb.max())]
        span_r = [(float(v) - 128 * lv.scale) / (224 * lv.scale) for v in (cr.min(), cr.max())]
        low = (lv.low - 16 * lv.scale) / (219 * lv.scale)
        high = (lv.high - 16 * lv.scale) / (219 * lv.scale)
        kg = 1 - lv.kr - lv.kb
        corners = [
            (
                yn + 2 * (1 - lv.kr) * pr,
                yn - 2 * lv.kb * (1 - lv.kb) / kg * pb - 2 * lv.kr * (1 - lv.kr) / kg * pr,
                yn + 2 * (1 - lv.kb) * pb,
            )
            for yn in span_y
            for pb in span_b
            for pr in span_r
        ]
        return all(low <= value <= high for corner in corners for value in corner)


class AudioBlocks:
    """Cuts a track's samples into fixed blocks and keeps per-block level and clipping."""

    def __init__(
        self, rate: int, channels: int, block_s: float, clip_level: float, clip_run: int
    ) -> None:
        self.rate = rate
        self.block = max(1, round(rate * block_s))
        self.pending = np.zeros((channels, 0), dtype=np.float32)
        self.blocks = 0
        self.clip_level = clip_level
        self.clip_run = clip_run
        self.clip_tail = np.zeros((channels, 0), dtype=bool)
        self.clip_blocks: set[int] = set()  # 100 ms blocks holding clipped samples
        self.peak = 0.0
        self.rms_db: list[float] = []  # loudest channel per block
        self.correlation: list[tuple[float, float, float]] = []  # (sum LR, sum LL, sum RR)

    def add(self, samples: NDArray[np.float32]) -> None:
        if samples.shape[1] == 0:
            return
        magnitude = np.abs(samples)
        self.peak = max(self.peak, float(magnitude.max()))
        self._clipping(magnitude)
        data = np.concatenate([self.pending, samples], axis=1)
        whole = data.shape[1] // self.block * self.block
        self.pending = data[:, whole:]
        if whole:
            self._blocks(data[:, :whole].reshape(data.shape[0], -1, self.block))

    def _clipping(self, magnitude: NDArray[np.float32]) -> None:
        if self.peak < self.clip_level and not self.clip_tail.any():  # the usual case
            self.clip_tail = np.zeros((magnitude.shape[0], self.clip_run - 1), dtype=bool)
            return
        full_scale = magnitude >= self.clip_level
        mask = np.concatenate([self.clip_tail, full_scale], axis=1)
        offset = self.clip_tail.shape[1]
        self.clip_tail = mask[:, -(self.clip_run - 1) :] if self.clip_run > 1 else mask[:, :0]
        if mask.shape[1] < self.clip_run:
            return
        windows = np.lib.stride_tricks.sliding_window_view(mask, self.clip_run, axis=1).all(axis=2)
        hits = np.nonzero(windows.any(axis=0))[0]
        start = self.blocks * self.block + self.pending.shape[1] - offset
        self.clip_blocks.update(np.unique((start + hits) // self.block).tolist())

    def _blocks(self, blocks: NDArray[np.float32]) -> None:
        power = np.einsum("cbn,cbn->cb", blocks, blocks).astype(np.float64) / blocks.shape[2]
        with np.errstate(divide="ignore"):
            self.rms_db.extend((10 * np.log10(power.max(axis=0))).tolist())
        if blocks.shape[0] >= 2:
            left, right = blocks[0].astype(np.float64), blocks[1].astype(np.float64)
            self.correlation.extend(
                zip(
                    (left * right).sum(axis=1).tolist(),
                    (left * left).sum(axis=1).tolist(),
                    (right * right).sum(axis=1).tolist(),
                    strict=True,
                )
            )
        self.blocks += blocks.shape[1]
