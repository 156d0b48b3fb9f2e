"""Self-test of the loudness meter on the EBU Tech 3341 / 3342 steady-tone cases.

The full conformance suite (every synthesizable case, three sample rates) runs in the
test suite; this runs the steady stereo sequences that measure integrated loudness and
loudness range, from the recipes of loudness_conformance.yaml. ``fingerprint`` names
the meter's code and cases, so that a caller may keep the result until either changes
(the self-test costs seconds of CPU; a dashboard should not pay them per process).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from tournage import _version
from tournage.common.rules import RuleTable
from tournage.data import data_text
from tournage.delivery import kweighting, loudness, synth, truepeak
from tournage.delivery.loudness import measure
from tournage.delivery.synth import db_to_amplitude, sine

RATE = 48000
R128_REFERENCE = -23.0
FIELDS = {"I": "integrated_lufs", "LRA": "loudness_range_lu"}


@dataclass(frozen=True)
class Conformance:
    passed: tuple[str, ...]
    failed: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Segment:
    type: str
    duration_s: float | str | None = None  # text: a formula the steady self-test skips
    level_dbfs: float | str = 0.0
    freq_hz: float | None = None
    level_dbfs_per_channel: dict[str, float] | None = None  # by channel name


@dataclass(frozen=True)
class Recipe:
    channels: int | None = None
    segments: list[Segment] = field(default_factory=list)
    repeat: int = 1


@dataclass(frozen=True)
class Expected:
    measure: str | list[str]
    unit: str
    value: float | None = None
    tol: float = 0.0
    tol_minus: float | None = None
    tol_plus: float | None = None

    @property
    def measures(self) -> list[str]:
        return self.measure if isinstance(self.measure, list) else [self.measure]


@dataclass(frozen=True)
class Case:
    id: str
    source: str
    expected: list[Expected]
    synthesizable: bool = False
    recipe: Recipe | str | None = None  # text: how to build a signal numpy cannot


@dataclass(frozen=True)
class Meta:
    title: str


@dataclass(frozen=True)
class ConformanceCases:
    meta: Meta
    cases: list[Case]


CASES = RuleTable("delivery/loudness_conformance.yaml", ConformanceCases)


def _steady(case: Case) -> Recipe | None:
    """The case's recipe if it is a steady stereo tone measuring I or LRA only."""
    recipe = case.recipe
    if not case.synthesizable or not isinstance(recipe, Recipe):
        return None
    plain = all(
        s.type in ("sine", "silence")
        and not isinstance(s.level_dbfs, str)
        and not isinstance(s.duration_s, str)
        and s.level_dbfs_per_channel is None
        for s in recipe.segments
    )
    measures = {m for e in case.expected for m in e.measures}
    steady = recipe.segments and plain and recipe.channels == 2 and measures <= set(FIELDS)
    return recipe if steady else None


def _signal(recipe: Recipe) -> np.ndarray:
    parts = []
    for spec in recipe.segments:
        duration = float(spec.duration_s or 0.0)
        if spec.type == "silence":
            parts.append(np.zeros(round(duration * RATE)))
        else:
            amplitude = db_to_amplitude(float(spec.level_dbfs))
            frequency = CASES.require(spec.freq_hz, "segments.freq_hz")
            parts.append(sine(frequency, amplitude, duration, RATE))
    mono = np.tile(np.concatenate(parts), recipe.repeat)
    return np.tile(mono, (2, 1))


def _within(measured: float, expected: Expected, name: str) -> bool:
    relative = expected.unit == "LU" and name != "LRA"
    value = CASES.require(expected.value, "expected.value") + (R128_REFERENCE if relative else 0.0)
    low = value - (expected.tol if expected.tol_minus is None else expected.tol_minus)
    high = value + (expected.tol if expected.tol_plus is None else expected.tol_plus)
    return bool(low <= measured <= high)


@cache
def self_test() -> Conformance:
    table = CASES.load()
    passed: list[str] = []
    failed: list[str] = []
    for case, recipe in ((c, _steady(c)) for c in table.cases):
        if recipe is None:
            continue
        result = measure(_signal(recipe), RATE, [1.0, 1.0])
        ok = all(
            _within(getattr(result, FIELDS[name]), expected, name)
            for expected in case.expected
            for name in expected.measures
        )
        (passed if ok else failed).append(case.id)
    return Conformance(tuple(passed), tuple(failed), table.meta.title)


@cache
def fingerprint() -> str:
    """A digest of what the self-test's outcome depends on: the meter, its cases."""
    digest = hashlib.sha256(_version.__version__.encode())
    for module in (kweighting, loudness, synth, truepeak):
        digest.update(Path(str(module.__file__)).read_bytes())
    digest.update(Path(__file__).read_bytes())
    digest.update(data_text("delivery/loudness_conformance.yaml").encode())
    return digest.hexdigest()[:16]
