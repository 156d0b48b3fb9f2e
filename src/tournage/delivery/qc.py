"""A QC run: analyse a master once, check it against a profile, build the stable JSON report."""

from __future__ import annotations

import hashlib
import math
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tournage.delivery.analysis import Analysis, analyse
from tournage.delivery.checks import (
    CheckResult,
    Target,
    check_package_structure,
    run_checks,
    verdict,
)
from tournage.delivery.errors import DeliveryError
from tournage.delivery.profiles import Profile, get_profile
from tournage.delivery.timecode import to_timecode

REPORT_VERSION = 1


def sha256_of(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


class _Checksum(threading.Thread):
    """Hashes the file beside the decode (hashlib releases the GIL)."""

    def __init__(self, path: Path) -> None:
        super().__init__(daemon=True)
        self.path = path
        self.digest: str | None = None

    def run(self) -> None:
        try:
            self.digest = sha256_of(self.path)
        except OSError:  # reported by the analysis itself
            self.digest = None


def run_qc(
    path: Path,
    profile_name: str,
    target: Target | None = None,
    tracks: Sequence[int] | None = None,
    progress: Callable[[float], None] | None = None,
) -> dict[str, Any]:
    """QC report of ``path`` against ``profile_name`` (the file is only read)."""
    profile = get_profile(profile_name)
    if path.is_dir():
        return package_report(path, profile)
    watch = (profile.rule("true_peak") or {}).get("max")
    tracks = tracks or (profile.rule("tracks") or {}).get("value")  # the profile's allocation
    checksum = _Checksum(path)
    checksum.start()
    try:
        analysis = analyse(path, tracks, progress, true_peak_limit_dbtp=watch)
    finally:
        checksum.join()
    results = run_checks(analysis, profile, target)
    return build_report(analysis, profile, results, checksum.digest)


def package_report(folder: Path, profile: Profile) -> dict[str, Any]:
    """The QC report of an IMF or DCP package folder: its structure (the folder is only read)."""
    rule = profile.rule("package")
    if rule is None:
        raise DeliveryError(
            "not_a_package_profile",
            f"{folder.name} est un dossier : seuls les profils de paquet IMF ou DCP "
            "(dcp, netflix) contrôlent un dossier.",
        )
    result = check_package_structure(folder, {**rule, "id": "package"})
    return {
        "report_version": REPORT_VERSION,
        "profile": profile.name,
        "profile_label": profile.label,
        "verdict": verdict([result]),
        "file": {"name": folder.name, "size_bytes": None, "sha256": None},
        "media": None,
        "tracks_measured": [],
        "checks": [_check_dict(result, None, None)],
        "loudness": None,
        "graphs": {"step_s": 1.0, "momentary": [], "short_term": [], "levels": []},
    }


def _series(values: list[float], every: int) -> list[float | None]:
    """Every ``every``-th value, NaN/-inf as null (graphs)."""
    picked = values[every - 1 :: every]
    return [round(v, 2) if math.isfinite(v) else None for v in picked]


def _check_dict(result: CheckResult, fps: float | None, start: str | None) -> dict[str, Any]:
    return {
        "id": result.id,
        "status": result.status,
        "measured": result.measured,
        "expected": result.expected,
        "tolerance": result.tolerance,
        "message": result.message,
        "uncertain": result.uncertain,
        "source": result.source,
        "events": [
            {
                "start_tc": to_timecode(e.start_s, fps, start),
                "end_tc": to_timecode(e.end_s, fps, start),
            }
            | e.to_dict()
            for e in result.events
        ],
    }


def build_report(
    analysis: Analysis, profile: Profile, results: list[CheckResult], checksum: str | None
) -> dict[str, Any]:
    info = analysis.info
    fps = info.video[0].frame_rate if info.video else None
    loudness = analysis.loudness
    graphs: dict[str, Any] = {"step_s": 1.0, "momentary": [], "short_term": [], "levels": []}
    if loudness is not None:
        every = max(1, round(1.0 / loudness.series_step_s))
        graphs["momentary"] = _series(loudness.momentary_series, every)
        graphs["short_term"] = _series(loudness.short_term_series, every)
    if analysis.video is not None:
        graphs["levels"] = [[lo, hi, round(out, 3)] for lo, hi, out in analysis.video.levels_series]
    return {
        "report_version": REPORT_VERSION,
        "profile": profile.name,
        "profile_label": profile.label,
        "verdict": verdict(results),
        "file": {"name": Path(info.path).name, "size_bytes": info.size_bytes, "sha256": checksum},
        "media": info.to_dict() | {"path": None},
        "tracks_measured": analysis.selection.tracks if analysis.selection else [],
        "checks": [_check_dict(r, fps, info.start_timecode) for r in results],
        "loudness": loudness.to_dict() if loudness else None,
        "graphs": graphs,
    }
