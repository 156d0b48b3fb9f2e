"""Self-test of the loudness meter on the EBU Tech 3341 / 3342 steady-tone cases.

The full conformance suite (every synthesizable case, three sample rates) runs in the
test suite; this runs the steady stereo sequences that measure integrated loudness and
loudness range, from the recipes of loudness_conformance.yaml. ``fingerprint`` names
the meter's code and cases, so that a caller may keep the result until either changes
(the self-test costs seconds of CPU; a dashboard should not pay them per process).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from tournage import _version
from tournage.data import data_text, load_yaml
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


def _steady(case: dict[str, Any]) -> bool:
    recipe = case.get("recipe")
    if not isinstance(recipe, dict):
        return False
    segments = recipe.get("segments", [])
    plain = all(
        s.get("type") in ("sine", "silence")
        and not isinstance(s.get("level_dbfs", 0.0), str)
        and not isinstance(s.get("duration_s"), str)
        and "level_dbfs_per_channel" not in s
        for s in segments
    )
    measures = {
        m
        for e in case["expected"]
        for m in (e["measure"] if isinstance(e["measure"], list) else [e["measure"]])
    }
    return bool(segments) and plain and recipe.get("channels") == 2 and measures <= set(FIELDS)


def _signal(recipe: dict[str, Any]) -> np.ndarray:
    parts = []
    for spec in recipe["segments"]:
        duration = float(spec["duration_s"])
        if spec["type"] == "silence":
            parts.append(np.zeros(round(duration * RATE)))
        else:
            amplitude = db_to_amplitude(float(spec["level_dbfs"]))
            parts.append(sine(spec["freq_hz"], amplitude, duration, RATE))
    mono = np.tile(np.concatenate(parts), recipe.get("repeat", 1))
    return np.tile(mono, (2, 1))


def _within(measured: float, expected: dict[str, Any], name: str) -> bool:
    relative = expected["unit"] == "LU" and name != "LRA"
    value = expected["value"] + (R128_REFERENCE if relative else 0.0)
    low = value - expected.get("tol_minus", expected.get("tol", 0))
    high = value + expected.get("tol_plus", expected.get("tol", 0))
    return bool(low <= measured <= high)


@cache
def self_test() -> Conformance:
    data = load_yaml("delivery/loudness_conformance.yaml")
    passed: list[str] = []
    failed: list[str] = []
    for case in (c for c in data["cases"] if c.get("synthesizable") and _steady(c)):
        result = measure(_signal(case["recipe"]), RATE, [1.0, 1.0])
        ok = all(
            _within(getattr(result, FIELDS[name]), expected, name)
            for expected in case["expected"]
            for name in (
                expected["measure"]
                if isinstance(expected["measure"], list)
                else [expected["measure"]]
            )
        )
        (passed if ok else failed).append(case["id"])
    return Conformance(tuple(passed), tuple(failed), data["meta"]["title"])


@cache
def fingerprint() -> str:
    """A digest of what the self-test's outcome depends on: the meter, its cases."""
    digest = hashlib.sha256(_version.__version__.encode())
    for module in (kweighting, loudness, synth, truepeak):
        digest.update(Path(str(module.__file__)).read_bytes())
    digest.update(Path(__file__).read_bytes())
    digest.update(data_text("delivery/loudness_conformance.yaml").encode())
    return digest.hexdigest()[:16]
