"""Durations, gaps and reading speed (Netflix) / reading time (CSA charter)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from tournage.accessibility.checks.context import Context, Params
from tournage.accessibility.findings import CueFinding, make_finding
from tournage.accessibility.rules import count_chars
from tournage.common.formatting import format_number


def _seconds(ms: float) -> str:
    return format_number(ms / 1000, 2)


def min_duration(ctx: Context, params: Params) -> Iterator[CueFinding]:
    minimum = params["seconds"] * 1000
    for position, cue in enumerate(ctx.cues):
        if 0 < cue.duration_ms < int(minimum):
            yield make_finding(
                params,
                cue.index,
                cue.start_ms,
                f"Durée {_seconds(cue.duration_ms)} s, sous le minimum de {params['expr']}.",
                f"Duration {cue.duration_ms / 1000:.2f} s below the {params['expr']} minimum.",
                ctx.extension(position, minimum),
            )


def max_duration(ctx: Context, params: Params) -> Iterator[CueFinding]:
    maximum = round(params["seconds"] * 1000)
    for cue in ctx.cues:
        if cue.duration_ms > maximum:
            yield make_finding(
                params,
                cue.index,
                cue.start_ms,
                f"Durée {_seconds(cue.duration_ms)} s, au-delà du maximum de "
                f"{_seconds(maximum)} s.",
                f"Duration {cue.duration_ms / 1000:.2f} s above {maximum / 1000:.2f} s.",
                ctx.pull_back(cue, cue.start_ms + maximum),
            )


def min_gap(ctx: Context, params: Params) -> Iterator[CueFinding]:
    frames = params["frames"]
    for position, cue in enumerate(ctx.cues):
        following = ctx.following(position)
        if following is None:
            continue
        gap = ctx.rate.ms_to_frames(following.start_ms) - ctx.rate.ms_to_frames(cue.end_ms)
        target = following.start_ms - ctx.rate.frames_to_ms(frames)
        if 0 <= gap < frames and following.start_ms >= cue.end_ms:
            yield make_finding(
                params,
                cue.index,
                cue.start_ms,
                f"Intervalle de {gap} image(s) avant le sous-titre n° {following.index} "
                f"(minimum {frames}).",
                f"Gap of {gap} frame(s) before cue {following.index} (minimum {frames}).",
                ctx.pull_back(cue, target),
            )


def chaining(ctx: Context, params: Params) -> Iterator[CueFinding]:
    """Short gaps flicker: close them by moving the out-time to the minimum gap."""
    window = ctx.rate.ms_to_frames(round(params["max_gap_seconds"] * 1000))
    minimum = ctx.rate.ms_to_frames(ctx.min_gap_ms)
    for position, cue in enumerate(ctx.cues):
        following = ctx.following(position)
        if following is None:
            continue
        gap = ctx.rate.ms_to_frames(following.start_ms) - ctx.rate.ms_to_frames(cue.end_ms)
        if minimum < gap <= window:
            target = following.start_ms - ctx.min_gap_ms
            yield make_finding(
                params,
                cue.index,
                cue.start_ms,
                f"Intervalle de {gap} images avant le sous-titre n° {following.index} : "
                f"le réduire à {minimum} (enchaînement).",
                f"Gap of {gap} frames before cue {following.index}: close it to {minimum}.",
                ctx.extend_to(target),
            )


def reading_speed(ctx: Context, params: Params) -> Iterator[CueFinding]:
    limit = params["cps"]
    convention = ctx.counting_for(params)
    for position, cue in enumerate(ctx.cues):
        count = count_chars(" ".join(cue.text_lines), convention)
        if cue.duration_ms <= 0 or count == 0:
            continue
        cps = count * 1000 / cue.duration_ms
        if cps > limit:
            yield make_finding(
                params,
                cue.index,
                cue.start_ms,
                f"Vitesse de lecture {format_number(cps, 1)} car./s (maximum {limit}).",
                f"Reading speed {cps:.1f} cps (maximum {limit}).",
                ctx.extension(position, count * 1000 / limit),
            )


def charter_minimum_ms(chars: int, points: list[dict[str, float]]) -> float:
    """Minimum display time for ``chars`` characters, linear between the charter's points."""
    table = [(0.0, 0.0)] + [(float(p["chars"]), float(p["seconds"])) for p in points]
    for (c0, s0), (c1, s1) in pairwise(table):
        if chars <= c1:
            return 1000 * (s0 + (s1 - s0) * (chars - c0) / (c1 - c0))
    (c0, s0), (c1, s1) = table[-2], table[-1]
    return 1000 * (s1 + (s1 - s0) * (chars - c1) / (c1 - c0))


def reading_time(ctx: Context, params: Params) -> Iterator[CueFinding]:
    tolerance = 1 - params["tolerance_percent"] / 100
    convention = ctx.counting_for(params)
    for position, cue in enumerate(ctx.cues):
        chars = count_chars(" ".join(cue.text_lines), convention)
        needed = charter_minimum_ms(chars, params["points"])
        if 0 < cue.duration_ms < tolerance * needed:
            yield make_finding(
                params,
                cue.index,
                cue.start_ms,
                f"Temps de lecture insuffisant : {chars} caractères en "
                f"{_seconds(cue.duration_ms)} s, la charte demande {_seconds(needed)} s "
                f"(tolérance {params['tolerance_percent']} %).",
                f"Reading time too short: {chars} characters in {cue.duration_ms / 1000:.2f} s, "
                f"charter asks {needed / 1000:.2f} s.",
                ctx.extension(position, needed),
            )
