"""One-call entry points shared by the CLI and the web app."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tournage.accessibility.audio_description import check_ad_script, check_ad_track
from tournage.accessibility.checks import CheckOptions, check_document, default_frame_rate
from tournage.accessibility.checks.programme import check_against_programme
from tournage.accessibility.cues import SubtitleDocument
from tournage.accessibility.errors import SubtitleFormatError
from tournage.accessibility.findings import CheckReport, CueFinding
from tournage.accessibility.media import scan_programme, speech_segments
from tournage.accessibility.readers import MAX_BYTES, read_subtitles
from tournage.accessibility.timecode import FrameRate


def read_file(path: Path, frame_rate: FrameRate | None = None) -> SubtitleDocument:
    """Read a subtitle file from disk with the reader's limits and French errors."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SubtitleFormatError(
                "subtitles.too_large", f"Fichier trop gros ({size // 1_048_576} Mo)."
            )
        data = path.read_bytes()
    except OSError as error:
        raise SubtitleFormatError(
            "subtitles.unreadable_file", f"Impossible de lire {path.name} : {error.strerror}."
        ) from None
    return read_subtitles(data, frame_rate)


def check_subtitles(
    document: SubtitleDocument, options: CheckOptions, media: Path | None = None
) -> CheckReport:
    """Rule-set findings, plus the programme checks when the media is given."""
    if media is None:
        return check_document(document, options)
    scan = scan_programme(media)
    report = check_document(document, replace(options, programme_ms=scan.duration_ms))
    findings, unknown = check_against_programme(document.cues, scan, report.frame_rate)
    report.findings = sorted([*report.findings, *findings], key=lambda f: (f.cue, f.code))
    report.unknown.extend(unknown)
    return report


def check_file(
    path: Path, options: CheckOptions, media: Path | None = None
) -> tuple[SubtitleDocument, CheckReport]:
    document = read_file(path, options.frame_rate)
    return document, check_subtitles(document, options, media)


def check_audio_description(
    script: SubtitleDocument,
    dialogue: SubtitleDocument | None,
    media: Path | None,
    frame_rate: FrameRate | None = None,
) -> list[CueFinding]:
    """AD blocks against the dialogue (subtitle cues, else the media's speech) and the
    media's AD track (presence, silence, loudness)."""
    rate = frame_rate or script.frame_rate or default_frame_rate()
    scan = scan_programme(media, shots=False) if media else None
    intervals: list[tuple[int, int]] = []
    if dialogue is not None:
        intervals = [(cue.start_ms, cue.end_ms) for cue in dialogue.cues]
    elif scan is not None and scan.main_track is not None:
        intervals = speech_segments(scan.main_track, scan.window_ms)
    findings = check_ad_script(script, intervals, rate)
    if scan is not None:
        findings += check_ad_track(scan)
    return findings
