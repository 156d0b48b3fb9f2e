"""Audio description: AD blocks in the dialogue gaps, AD track present, audible, at level."""

from __future__ import annotations

from functools import cache
from typing import Any

from tournage.accessibility.cues import SubtitleDocument
from tournage.accessibility.findings import CueFinding, make_finding
from tournage.accessibility.media import ProgrammeScan
from tournage.accessibility.timecode import FrameRate
from tournage.data import load_yaml


@cache
def ad_rules() -> dict[str, Any]:
    rules: dict[str, Any] = load_yaml("accessibility/audio_description.yaml")
    return rules


def ad_required(profile: str) -> bool:
    """Does a delivery profile ask for an audio-description mix?"""
    return profile in ad_rules()["required_by_profiles"]["value"]


def _check(section: str, code_key: str = "code") -> dict[str, Any]:
    """The parameters of one AD check, shaped as make_finding expects."""
    params = dict(ad_rules()[section])
    params["code"] = params[code_key]
    return params


def check_ad_script(
    script: SubtitleDocument, dialogue: list[tuple[int, int]], rate: FrameRate
) -> list[CueFinding]:
    """Each description block that overlaps dialogue, with the overlap in milliseconds."""
    params = _check("overlap")
    minimum = params["min_overlap_ms"]["value"]
    findings = []
    for block in script.cues:
        overlap = sum(
            max(0, min(block.end_ms, end) - max(block.start_ms, start)) for start, end in dialogue
        )
        if overlap > minimum:
            findings.append(
                make_finding(
                    params,
                    block.index,
                    block.start_ms,
                    f"La description chevauche le dialogue pendant {overlap} ms "
                    f"({rate.ms_to_tc(block.start_ms)} – {rate.ms_to_tc(block.end_ms)}).",
                    f"The description overlaps dialogue for {overlap} ms.",
                )
            )
    return findings


def check_ad_track(scan: ProgrammeScan) -> list[CueFinding]:
    """The AD mix is present, not silent, and at the programme loudness."""
    track = scan.ad_track
    if track is None:
        return [
            make_finding(
                _check("track", "code_missing"),
                0,
                None,
                "Aucune piste d'audiodescription dans le média (disposition « visual_impaired » "
                "ou titre « audiodescription »).",
                "No audio-description track in the media.",
            )
        ]
    silence = ad_rules()["track"]["silence_dbfs"]["value"]
    if track.peak_level_db < silence:
        return [
            make_finding(
                _check("track", "code_silent"),
                0,
                None,
                f"La piste d'audiodescription (flux {track.index}) est silencieuse.",
                f"The audio-description track (stream {track.index}) is silent.",
            )
        ]
    return _loudness(scan, track.integrated_lufs)


def _loudness(scan: ProgrammeScan, ad_lufs: float | None) -> list[CueFinding]:
    params = _check("loudness")
    target, tolerance = params["target_lufs"]["value"], params["tolerance_lu"]["value"]
    if ad_lufs is None or abs(ad_lufs - target) <= tolerance:
        return []
    main = scan.main_track
    main_text = (
        f" ; mixage principal {main.integrated_lufs:.1f} LUFS"
        if main and main.integrated_lufs is not None
        else ""
    )
    return [
        make_finding(
            params,
            0,
            None,
            f"Mixage audiodécrit à {ad_lufs:.1f} LUFS, attendu {target:.0f} ± {tolerance:.0f} LU"
            f"{main_text}.",
            f"AD mix at {ad_lufs:.1f} LUFS, expected {target:.0f} ± {tolerance:.0f} LU.",
        )
    ]
