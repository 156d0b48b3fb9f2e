"""Subtitles against the programme: shot changes, speech without subtitles, global drift."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from tournage.accessibility.checks.context import Params
from tournage.accessibility.cues import Cue
from tournage.accessibility.findings import CueFinding, Fix, make_finding
from tournage.accessibility.media import ProgrammeScan, speech_segments
from tournage.accessibility.rules import media_rules
from tournage.accessibility.timecode import FrameRate
from tournage.common.formatting import format_number


def check_against_programme(
    cues: tuple[Cue, ...], scan: ProgrammeScan, rate: FrameRate
) -> tuple[list[CueFinding], list[str]]:
    """Findings, and the rules that could not be checked because a value is unknown."""
    rules = media_rules()
    findings = _shot_changes(cues, scan, rate, rules["shot_change"])
    track = scan.main_track
    if track is not None:
        speech = speech_segments(track, scan.window_ms)
        findings += _speech_gaps(cues, speech, rate, rules["unsubtitled_speech"])
        findings += _drift(cues, speech, scan.window_ms, rate, rules["drift"])
    return findings, _unknown(rules)


def _unknown(rules: dict[str, Params]) -> list[str]:
    return [
        f"{params['code']} ({name})"
        for params in rules.values()
        for name, entry in params.items()
        if isinstance(entry, dict) and "value" in entry and entry["value"] is None
    ]


def _shot_changes(
    cues: tuple[Cue, ...], scan: ProgrammeScan, rate: FrameRate, params: Params
) -> list[CueFinding]:
    """A cue crossing a cut, or starting / ending close to one without being snapped."""
    frame = rate.frames_to_ms(1)
    near_seconds = params["near_seconds"]["value"]
    near = None if near_seconds is None else {**params, "code": params["near_code"]}
    findings = []
    for cue in cues:
        for change in scan.shot_changes_ms:
            if near is not None and (finding := _near(cue, change, rate, near)):
                findings.append(finding)
            elif cue.start_ms + frame < change < cue.end_ms - frame:
                findings.append(
                    make_finding(
                        params,
                        cue.index,
                        cue.start_ms,
                        f"Le sous-titre chevauche un changement de plan à {rate.ms_to_tc(change)}.",
                        f"The cue crosses a shot change at {rate.ms_to_tc(change)}.",
                    )
                )
    return findings


def _near(cue: Cue, change: int, rate: FrameRate, params: Params) -> CueFinding | None:
    """In-time within the window of a cut but not on it; out-time likewise, unless it sits
    in the few frames before the cut where a snapped out-time belongs."""
    window = rate.ms_to_frames(round(params["near_seconds"]["value"] * 1000))
    before = int(params["out_before_frames"]["value"])
    cut = rate.ms_to_frames(change)
    start, end = rate.ms_to_frames(cue.start_ms), rate.ms_to_frames(cue.end_ms)
    tc = rate.ms_to_tc(change)
    if 0 < abs(start - cut) < window:
        return make_finding(
            params,
            cue.index,
            cue.start_ms,
            f"Entrée à {abs(start - cut)} image(s) du changement de plan de {tc} : "
            "la caler sur le plan.",
            f"In-time {abs(start - cut)} frame(s) from the shot change at {tc}: snap it.",
        )
    if 0 < abs(end - cut) < window and not cut - before <= end <= cut:
        target = rate.frames_to_ms(cut - before)
        return make_finding(
            params,
            cue.index,
            cue.start_ms,
            f"Sortie à {abs(end - cut)} image(s) du changement de plan de {tc} : "
            f"la caler {before} images avant.",
            f"Out-time {abs(end - cut)} frame(s) from the shot change at {tc}.",
            Fix(f"Caler la sortie à {rate.ms_to_tc(target)}", end_ms=target)
            if target > cue.start_ms
            else None,
        )
    return None


def _coverage(intervals: list[tuple[int, int]], windows: int, window_ms: int) -> NDArray[np.bool_]:
    covered = np.zeros(windows, dtype=bool)
    for start, end in intervals:
        covered[max(start // window_ms, 0) : max(end // window_ms, 0)] = True
    return covered


def _speech_gaps(
    cues: tuple[Cue, ...], speech: list[tuple[int, int]], rate: FrameRate, params: Params
) -> list[CueFinding]:
    limit_ms = float(params["max_seconds"]["value"]) * 1000
    findings = []
    pause_ms = int(params["merge_pause_ms"]["value"])
    for start, end in _uncovered(speech, [(c.start_ms, c.end_ms) for c in cues], pause_ms):
        if end - start > limit_ms:
            seconds = format_number((end - start) / 1000, 1)
            findings.append(
                make_finding(
                    params,
                    0,
                    start,
                    f"Parole probable sans sous-titre pendant {seconds} s "
                    f"({rate.ms_to_tc(start)} – {rate.ms_to_tc(end)}).",
                    f"Likely speech without subtitles for {(end - start) / 1000:.1f} s.",
                )
            )
    return findings


def _uncovered(
    speech: list[tuple[int, int]], cues: list[tuple[int, int]], pause_ms: int
) -> list[tuple[int, int]]:
    """Parts of the speech segments no cue covers (segments merged across short pauses)."""
    parts: list[tuple[int, int]] = []
    for start, end in speech:
        cursor = start
        for cue_start, cue_end in sorted(cues):
            if cue_end <= cursor or cue_start >= end:
                continue
            if cue_start > cursor:
                parts.append((cursor, cue_start))
            cursor = max(cursor, cue_end)
        if cursor < end:
            parts.append((cursor, end))
    merged: list[tuple[int, int]] = []
    for start, end in parts:
        if merged and start - merged[-1][1] <= pause_ms:  # a breath does not end speech
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _drift(
    cues: tuple[Cue, ...],
    speech: list[tuple[int, int]],
    window_ms: int,
    rate: FrameRate,
    params: Params,
) -> list[CueFinding]:
    """Global offset: the shift of the cues that best matches the speech activity."""
    if not speech or not cues:
        return []
    windows = max(max(end for _, end in speech), max(c.end_ms for c in cues)) // window_ms + 1
    voice = _coverage(speech, windows, window_ms)
    shown = _coverage([(c.start_ms, c.end_ms) for c in cues], windows, window_ms)
    reach = int(float(params["search_seconds"]["value"]) * 1000 // window_ms)
    scores = {lag: int(np.sum(voice & np.roll(shown, -lag))) for lag in range(-reach, reach + 1)}
    best = max(scores, key=lambda lag: (scores[lag], -abs(lag)))
    offset_ms = best * window_ms
    tolerance = rate.frames_to_ms(int(params["tolerance_frames"]["value"]))
    if scores[best] == 0 or abs(offset_ms) <= max(tolerance, window_ms):
        return []
    late = "en retard" if offset_ms > 0 else "en avance"
    return [
        make_finding(
            params,
            0,
            None,
            f"Décalage global estimé : sous-titres {late} de {abs(offset_ms)} ms sur la parole.",
            f"Estimated global offset: subtitles {abs(offset_ms)} ms "
            f"{'late' if offset_ms > 0 else 'early'}.",
        )
    ]
