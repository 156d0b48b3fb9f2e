"""Build the synthesizable EBU Tech 3341 / 3342 signals from the recipes in the data file."""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy.signal import firwin

from tournage.data import load_yaml
from tournage.delivery.synth import db_to_amplitude, sine


def cases() -> list[dict[str, Any]]:
    return [
        c for c in load_yaml("delivery/loudness_conformance.yaml")["cases"] if c["synthesizable"]
    ]


def segment(spec: dict[str, Any], rate: int, channels: int, order: list[str] | None) -> np.ndarray:
    duration = float(spec["duration_s"])
    if spec["type"] == "silence":
        return np.zeros((channels, round(duration * rate)))
    if "level_dbfs_per_channel" in spec:
        levels = spec["level_dbfs_per_channel"]
        return np.stack(
            [
                sine(spec["freq_hz"], db_to_amplitude(levels[name]), duration, rate)
                for name in order or []
            ]
        )
    tone = sine(spec["freq_hz"], db_to_amplitude(float(spec["level_dbfs"])), duration, rate)
    return np.tile(tone, (channels, 1))


def sequence(recipe: dict[str, Any], rate: int) -> np.ndarray:
    channels = recipe["channels"]
    parts = [segment(s, rate, channels, recipe.get("channel_order")) for s in recipe["segments"]]
    return np.tile(np.concatenate(parts, axis=1), (1, recipe.get("repeat", 1)))


def indexed_segments(template: list[dict[str, Any]], i: int) -> list[dict[str, Any]]:
    """Resolve the ``i`` expressions of recipes 10, 11, 13, 14 (e.g. "i*0.15", "-38.0 + i")."""
    resolved = []
    for spec in template:
        spec = dict(spec)
        for key in ("duration_s", "level_dbfs"):
            if isinstance(spec.get(key), str):
                spec[key] = eval(spec[key], {"__builtins__": {}}, {"i": i})
        resolved.append(spec)
    return resolved


def true_peak_signal(recipe: dict[str, Any], rate: int) -> np.ndarray:
    """Cases 15-19: a sine at fs/4, fs/6 or fs/8 with a 10 ms fade in and out, 1 s long."""
    spec = recipe["segments"][0]
    divisor = int(spec["freq"].split("/")[1].split()[0])
    x = sine(rate / divisor, spec["amplitude_ffs"], 1.0, rate, spec["phase_deg"])
    fade = round(rate * spec["fade_in_out_ms"] / 1000)
    ramp = np.linspace(0, 1, fade)
    x[:fade] *= ramp
    x[-fade:] *= ramp[::-1]
    return np.tile(x, (recipe["channels"], 1))


def isolated_peak_signal(offset: int, rate: int = 48000) -> np.ndarray:
    """Cases 20-23, the data file's reproducible recipe, rescaled so the true peak is 0 dBTP."""
    up = 4 * rate
    base_period = up // (rate // 6)  # samples of the fs/6 sine at 4*fs
    n0 = 240 * base_period
    before = 0.5 * np.sin(2 * np.pi * np.arange(n0) / base_period)
    burst = np.sin(2 * np.pi * np.arange(16) / 16)
    after = 0.5 * np.sin(2 * np.pi * np.arange(n0) / base_period)
    fade = np.hanning(2 * 8 * base_period)[: 8 * base_period]
    before[: fade.size] *= fade
    after[-fade.size :] *= fade[::-1]
    x = np.concatenate([before, burst, after])
    cutoff = 21000 * rate / 48000  # the recipe's 21 kHz, scaled to other rates
    x = np.convolve(x, firwin(1023, cutoff, window=("kaiser", 10), fs=up), mode="same")
    x /= np.abs(x).max()
    return np.tile(x[offset::4], (2, 1))
