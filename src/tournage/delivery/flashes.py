"""Photosensitive epilepsy test (ITU-R BT.1702): general flashes, red flashes, regular patterns.

A streaming detector fed the decoded pictures in order. Each picture is sampled on a
coarse grid and turned into displayed luminance (cd/m²) with the display model of
``data/delivery/photosensitivity.yaml``. Every cell follows its last extreme: a move of
20 cd/m² or more the other way (the darker side below 160 cd/m²) is a transition. A
picture where more than a quarter of the screen makes a transition is a screen
transition; two opposing transitions are a flash; more than three flashes in one second
is an event with its start and end. Red flashes run the same tracker on the saturated-red
value; regular stripe patterns are counted on finer rows and columns.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tournage.common.findings import Severity
from tournage.common.rules import RuleTable
from tournage.delivery.detectors import Planes, Runs, Segment, luma_and_chroma


@dataclass(frozen=True)
class Rule:
    value: float
    source: str = ""
    uncertain: bool = False


@dataclass(frozen=True)
class PhotosensitivityTable:
    flash: dict[str, Rule]
    red_flash: dict[str, Rule]
    pattern: dict[str, Rule]
    display: dict[str, Rule]
    analysis: dict[str, Rule]


PHOTOSENSITIVITY = RuleTable("delivery/photosensitivity.yaml", PhotosensitivityTable)
KR, KB = 0.2126, 0.0722  # BT.709 luma coefficients (the PAD's matrix), as in detectors.py
PATTERN_EVERY_S = 0.2  # a pattern counts from half a second: checked five times a second


@dataclass
class FlashReport:
    """What the detector found: events per kind and the worst rate seen."""

    general: list[Segment] = field(default_factory=list)
    red: list[Segment] = field(default_factory=list)
    pattern: list[Segment] = field(default_factory=list)
    max_flashes_per_second: float = 0.0
    max_red_flashes_per_second: float = 0.0


class _Tracker:
    """Per-cell last extreme and direction; reports the cells that turned this picture."""

    def __init__(self, change: float, darker_below: float | None) -> None:
        self.change = change
        self.darker_below = darker_below
        self.extreme: NDArray[np.float32] | None = None
        self.rising: NDArray[np.bool_] | None = None

    def turned(self, value: NDArray[np.float32]) -> NDArray[np.bool_]:
        if self.extreme is None or self.rising is None or self.extreme.shape != value.shape:
            self.extreme, self.rising = value.copy(), np.ones(value.shape, dtype=bool)
            return np.zeros(value.shape, dtype=bool)
        extreme, rising = self.extreme, self.rising
        fall = rising & (value <= extreme - self.change)
        rise = ~rising & (value >= extreme + self.change)
        turned = fall | rise
        if self.darker_below is not None:
            turned &= np.minimum(extreme, value) < self.darker_below
        # follow the extreme in the current direction, restart it where the cell turned
        np.copyto(extreme, value, where=turned | (rising & (value > extreme)))
        np.copyto(extreme, value, where=~rising & (value < extreme))
        rising ^= turned
        return turned


class _RateWindow:
    """Screen transitions in a sliding window; an event while flashes exceed the limit."""

    def __init__(self, window_s: float, max_flashes: float) -> None:
        self.window_s = window_s
        self.max_transitions = 2 * max_flashes
        self.times: deque[float] = deque()
        self.runs = Runs(0.0)
        self.max_rate = 0.0

    def add(self, transition: bool, start_s: float, end_s: float) -> None:
        if transition:
            self.times.append(end_s)
        while self.times and self.times[0] <= end_s - self.window_s + 1e-9:
            self.times.popleft()
        self.max_rate = max(self.max_rate, len(self.times) / 2)
        over = len(self.times) > self.max_transitions
        # the event starts at the window holding the excess transitions
        self.runs.add(over, max(0.0, end_s - self.window_s) if over else start_s, end_s)

    def finish(self) -> list[Segment]:
        return self.runs.finish()


class FlashDetector:
    """Feed pictures with :meth:`add` (planar Y'CbCr), read :meth:`finish`."""

    def __init__(self) -> None:
        rules = PHOTOSENSITIVITY.load()
        self.flash, self.red_rules, self.pattern_rules = rules.flash, rules.red_flash, rules.pattern
        self.peak = rules.display["peak_cd_m2"].value
        self.gamma = rules.display["eotf_gamma"].value
        self.step = int(rules.analysis["grid_step"].value)
        self.general = _Tracker(
            self.flash["luminance_change_cd_m2"].value, self.flash["darker_below_cd_m2"].value
        )
        self.red = _Tracker(self.red_rules["red_change"].value, None)
        window, limit = self.flash["window_s"].value, self.flash["max_flashes_per_second"].value
        self.general_rate = _RateWindow(window, limit)
        self.red_rate = _RateWindow(window, limit)
        self.patterns = Runs(self.pattern_rules["min_duration_s"].value)
        self.pattern_on = False
        self.next_pattern_s = 0.0
        self.lut: NDArray[np.float32] | None = None

    def _luminance_lut(self, bits: int) -> NDArray[np.float32]:
        scale = 2 ** (bits - 8)
        codes = np.arange(2**bits, dtype=np.float64)
        level = np.clip((codes - 16 * scale) / (219 * scale), 0.0, 1.0)
        lut: NDArray[np.float32] = (self.peak * level**self.gamma).astype(np.float32)
        return lut

    def add(self, frame: Any, start_s: float, end_s: float, planes: Planes | None = None) -> None:
        y, cb, cr = planes or luma_and_chroma(frame)
        bits = int(frame.format.components[0].bits)
        if self.lut is None:
            self.lut = self._luminance_lut(bits)
        luminance = self.lut[y[:: self.step, :: self.step]]
        area = self.flash["area_fraction"].value
        turned = self.general.turned(luminance)
        self.general_rate.add(bool(np.count_nonzero(turned) > area * turned.size), start_s, end_s)
        red_turned = self.red.turned(self._red_value(y, cb, cr, bits))
        red_area = bool(np.count_nonzero(red_turned) > area * red_turned.size)
        self.red_rate.add(red_area, start_s, end_s)
        if start_s >= self.next_pattern_s - 1e-9:
            self.next_pattern_s = start_s + PATTERN_EVERY_S
            self.pattern_on = self._striped(y)
        self.patterns.add(self.pattern_on, start_s, end_s)

    def _red_value(
        self, y: NDArray[Any], cb: NDArray[Any], cr: NDArray[Any], bits: int
    ) -> NDArray[np.float32]:
        """(R - G - B) x 320 of saturated-red cells (R/(R+G+B) >= 0.8, linear light), else 0.

        Only cells with Pr > 0 are computed: with Pr <= 0, R' <= Y' makes R' at most
        max(G', B'), so R is at most half of R + G + B (any threshold above 0.5 holds).
        """
        scale = 2 ** (bits - 8)
        row_step = self.step * cb.shape[0] // y.shape[0]
        col_step = self.step * cb.shape[1] // y.shape[1]
        luma = y[:: self.step, :: self.step]
        c_r = cr[::row_step, ::col_step]
        rows, cols = min(luma.shape[0], c_r.shape[0]), min(luma.shape[1], c_r.shape[1])
        c_r = c_r[:rows, :cols]
        red = np.zeros((rows, cols), dtype=np.float32)
        cells = c_r > 128 * scale
        if self.red_rules["saturation"].value <= 0.5:  # the shortcut's proof needs > 0.5
            cells[:] = True
        if not cells.any():
            return red
        pb = (cb[::row_step, ::col_step][:rows, :cols][cells].astype(np.float32) - 128 * scale) / (
            224 * scale
        )
        pr = (c_r[cells].astype(np.float32) - 128 * scale) / (224 * scale)
        yn = (luma[:rows, :cols][cells].astype(np.float32) - 16 * scale) / (219 * scale)
        r = yn + 2 * (1 - KR) * pr
        b = yn + 2 * (1 - KB) * pb
        g = (yn - KR * r - KB * b) / (1 - KR - KB)
        rgb = np.clip(np.stack([r, g, b]), 0.0, 1.0) ** self.gamma
        total = rgb.sum(axis=0)
        saturated = rgb[0] >= self.red_rules["saturation"].value * np.maximum(total, 1e-6)
        red[cells] = np.where(saturated, np.maximum(rgb[0] - rgb[1] - rgb[2], 0.0) * 320, 0.0)
        return red

    def _striped(self, y: NDArray[Any]) -> bool:
        """Whether regular light-dark stripes cover more than the area limit of the picture."""
        assert self.lut is not None
        fine = max(1, self.step // 4)
        rows = self.lut[y[:: self.step, ::fine]]  # along x: vertical stripes
        columns = self.lut[y[::fine, :: self.step]].T  # along y: horizontal stripes
        area = self.pattern_rules["area_fraction"].value
        return bool(max(self._striped_share(rows), self._striped_share(columns)) > area)

    def _striped_share(self, lines: NDArray[np.float32]) -> float:
        """Share of lines crossing more than ``min_pairs`` light-dark pairs of stripes.

        A pair is a rise and a fall of at least the flash contrast: a staircase (all rises)
        or a smooth gradient has none.
        """
        contrast = self.flash["luminance_change_cd_m2"].value
        steps = np.diff(lines, axis=1)
        rises = np.count_nonzero(steps >= contrast, axis=1)
        pairs = np.minimum(rises, np.count_nonzero(steps <= -contrast, axis=1))
        bright = lines.max(axis=1) >= self.pattern_rules["bright_stripe_cd_m2"].value
        striped = bright & (pairs > self.pattern_rules["min_pairs"].value)
        return int(np.count_nonzero(striped)) / max(1, int(striped.size))

    def finish(self) -> FlashReport:
        return FlashReport(
            general=_kind(self.general_rate.finish(), "flash"),
            red=_kind(self.red_rate.finish(), "red_flash"),
            pattern=_kind(self.patterns.finish(), "pattern"),
            max_flashes_per_second=self.general_rate.max_rate,
            max_red_flashes_per_second=self.red_rate.max_rate,
        )


def _kind(segments: list[Segment], kind: str) -> list[Segment]:
    return [Segment(s.start_s, s.end_s, kind) for s in segments]


def flash_severity(report: FlashReport, mandatory: bool) -> Severity | None:
    """General flashes break BT.1702 itself: a failure where the destination mandates the
    test, a warning where it is only recommended; red flashes and patterns rest on
    secondary definitions and only warn."""
    if report.general:
        return Severity.FAIL if mandatory else Severity.WARN
    if report.red or report.pattern:
        return Severity.WARN
    return None
