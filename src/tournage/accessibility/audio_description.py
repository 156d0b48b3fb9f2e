"""Audio description: AD blocks in the dialogue gaps, AD track present, audible, at level."""

from __future__ import annotations

from tournage.accessibility.cues import SubtitleDocument
from tournage.accessibility.findings import CueFinding, make_finding
from tournage.accessibility.media import ProgrammeScan
from tournage.accessibility.tables import AUDIO_DESCRIPTION
from tournage.accessibility.timecode import FrameRate


def ad_required(profile: str) -> bool:
    """Does a delivery profile ask for an audio-description mix?"""
    return profile in AUDIO_DESCRIPTION.load().required_by_profiles.value


def check_ad_script(
    script: SubtitleDocument, dialogue: list[tuple[int, int]], rate: FrameRate
) -> list[CueFinding]:
    """Each description block that overlaps dialogue, with the overlap in milliseconds."""
    rule = AUDIO_DESCRIPTION.load().overlap
    minimum = rule.min_overlap_ms.value
    findings = []
    for block in script.cues:
        overlap = sum(
            max(0, min(block.end_ms, end) - max(block.start_ms, start)) for start, end in dialogue
        )
        if overlap > minimum:
            findings.append(
                make_finding(
                    rule.params(rule.code),
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
    rule = AUDIO_DESCRIPTION.load().track
    if track is None:
        return [
            make_finding(
                rule.params(rule.code_missing),
                0,
                None,
                "Aucune piste d'audiodescription dans le média (disposition « visual_impaired » "
                "ou titre « audiodescription »).",
                "No audio-description track in the media.",
            )
        ]
    if track.peak_level_db < rule.silence_dbfs.value:
        return [
            make_finding(
                rule.params(rule.code_silent),
                0,
                None,
                f"La piste d'audiodescription (flux {track.index}) est silencieuse.",
                f"The audio-description track (stream {track.index}) is silent.",
            )
        ]
    return _loudness(scan, track.integrated_lufs)


def _loudness(scan: ProgrammeScan, ad_lufs: float | None) -> list[CueFinding]:
    rule = AUDIO_DESCRIPTION.load().loudness
    target, tolerance = rule.target_lufs.value, rule.tolerance_lu.value
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
            rule.params(rule.code),
            0,
            None,
            f"Mixage audiodécrit à {ad_lufs:.1f} LUFS, attendu {target:.0f} ± {tolerance:.0f} LU"
            f"{main_text}.",
            f"AD mix at {ad_lufs:.1f} LUFS, expected {target:.0f} ± {tolerance:.0f} LU.",
        )
    ]
