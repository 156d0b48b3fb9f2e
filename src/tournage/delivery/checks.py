"""QC checks of an analysed master against a delivery profile.

Each check compares one measured value with the profile's rule. A broken rule is a
``Severity`` of the common vocabulary: ``fail``; ``warn`` when the rule rests on an
uncertain value (or in the band between a strict and a wide limit, see ``_range_check``);
``info`` when the expected value is unknown (the measured value is shown). A check that
passes has no severity: its status reads ``pass``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tournage.common.findings import Finding, Severity, source_text
from tournage.delivery.analysis import Analysis
from tournage.delivery.detectors import Segment
from tournage.delivery.flashes import flash_severity
from tournage.delivery.loudness import short_term_window_s
from tournage.delivery.meter_settings import meter
from tournage.delivery.packages import check_package
from tournage.delivery.profiles import Profile
from tournage.delivery.programme import assumed_order_finding
from tournage.delivery.wording import field_name, words

PASSED = "pass"  # the status of a check without a finding
EQUAL_ENOUGH = 0.01  # two declared values (frame rates) closer than this are the same


@dataclass
class CheckResult:
    id: str
    severity: Severity | None  # None: the check passed
    measured: Any
    expected: Any
    message: str
    tolerance: Any = None
    events: list[Segment] = field(default_factory=list)
    source: Any = None
    uncertain: bool = False

    @property
    def status(self) -> str:
        """``pass`` or the severity: the stable JSON value of the report."""
        return PASSED if self.severity is None else self.severity.value

    def finding(self, subject: str = "") -> Finding | None:
        """The common finding of a check that did not pass (the web app stores them)."""
        if self.severity is None:
            return None
        return Finding(
            f"delivery.{self.id}",
            self.severity,
            self.message,
            source=source_text(self.source),
            subject=subject,
            evidence={"measured": self.measured, "expected": self.expected},
        )


@dataclass
class Target:
    """What the production's brief asks, beyond the profile (duration in seconds)."""

    duration_s: float | None = None
    duration_tolerance_s: float | None = None


def _broken(rule: dict[str, Any]) -> Severity:
    return Severity.for_rule("fail", uncertain=bool(rule.get("uncertain")))


def _result(
    check_id: str,
    ok: bool,
    measured: Any,
    expected: Any,
    rule: dict[str, Any],
    message_ok: str,
    message_bad: str,
    **extra: Any,
) -> CheckResult:
    return CheckResult(
        id=check_id,
        severity=None if ok else _broken(rule),
        measured=measured,
        expected=expected,
        message=message_ok if ok else message_bad,
        source=rule.get("source"),
        uncertain=bool(rule.get("uncertain")),
        **extra,
    )


def _allowed(check_id: str, measured: Any, rule: dict[str, Any], label: str) -> CheckResult:
    allowed = rule.get("allowed")
    if allowed is None:
        return _unknown(check_id, measured, rule, label)
    ok = measured is not None and any(_same(measured, a) for a in allowed)
    shown = _listing([measured]) if measured is not None else "non déclaré"
    return _result(
        check_id,
        ok,
        measured,
        allowed,
        rule,
        f"{label} conforme : {shown}.",
        f"{label} non conforme : {shown} (attendu : {_listing(allowed)}).",
    )


def _same(measured: Any, allowed: Any) -> bool:
    if isinstance(measured, float) and isinstance(allowed, int | float):
        return abs(measured - allowed) < EQUAL_ENOUGH
    if isinstance(allowed, list):
        return list(measured) == allowed
    return bool(measured == allowed)


def _listing(values: list[Any]) -> str:
    return " ou ".join("×".join(map(str, v)) if isinstance(v, list) else str(v) for v in values)


def _unknown(check_id: str, measured: Any, rule: dict[str, Any], label: str) -> CheckResult:
    note = rule.get("note_fr", "valeur attendue introuvable dans les sources")
    return CheckResult(
        check_id,
        Severity.INFO,
        measured,
        None,
        f"{label} : {words(measured)} — valeur attendue inconnue ({note}).",
        source=rule.get("source"),
        uncertain=True,
    )


def _video(analysis: Analysis) -> Any:
    return analysis.info.video[0] if analysis.info.video else None


def _scan(analysis: Analysis) -> str | None:
    info, report = _video(analysis), analysis.video
    if info is None or report is None or report.frames == 0:
        return None
    if report.interlaced_frames * 2 < report.frames:
        return "progressive"
    return info.field_order if info.field_order in ("tff", "bff") else "interlaced"


def _video_check(
    attribute: str, label: str
) -> Callable[[Analysis, dict[str, Any], Target], CheckResult | None]:
    def check(analysis: Analysis, rule: dict[str, Any], target: Target) -> CheckResult | None:
        video = _video(analysis)
        if video is None:
            return None
        measured = (
            [video.width, video.height] if attribute == "resolution" else getattr(video, attribute)
        )
        return _allowed(rule["id"], measured, rule, label)

    return check


def _audio_check(
    attribute: str, label: str
) -> Callable[[Analysis, dict[str, Any], Target], CheckResult | None]:
    def check(analysis: Analysis, rule: dict[str, Any], target: Target) -> CheckResult | None:
        values = sorted({getattr(a, attribute) for a in analysis.info.audio}, key=str)
        if not values:
            return None
        if len(values) == 1:
            return _allowed(rule["id"], values[0], rule, label)
        bad = [v for v in values if not any(_same(v, a) for a in rule.get("allowed", []))]
        return _result(
            rule["id"],
            not bad,
            values,
            rule.get("allowed"),
            rule,
            f"{label} conforme.",
            f"{label} non conforme sur certaines pistes : {bad}.",
        )

    return check


def check_container(analysis: Analysis, rule: dict[str, Any], target: Target) -> CheckResult:
    return _allowed("container", analysis.info.container, rule, "Conteneur")


def check_video_codec(
    analysis: Analysis, rule: dict[str, Any], target: Target
) -> CheckResult | None:
    video = _video(analysis)
    if video is None:
        return _result(
            "video_codec", False, None, rule.get("allowed"), rule, "", "Aucune piste vidéo."
        )
    result = _allowed("video_codec", video.codec, rule, "Codec vidéo")
    wanted = rule.get("profile")
    if result.severity is None and wanted and video.profile != wanted:
        return _result(
            "video_codec",
            False,
            f"{video.codec} {video.profile}",
            f"{video.codec} {wanted}",
            rule,
            "",
            f"Profil vidéo non conforme : {video.profile} (attendu : {wanted}).",
        )
    return result


def check_video_bit_rate(
    analysis: Analysis, rule: dict[str, Any], target: Target
) -> CheckResult | None:
    duration = _duration(analysis)
    if analysis.video is None or not duration:
        return None
    measured = round(analysis.video.coded_bytes * 8 / duration / 1e6, 2)
    expected, tolerance = rule["value"], rule.get("tolerance", 0.0)
    ok = abs(measured - expected) <= tolerance
    return _result(
        "video_bit_rate",
        ok,
        measured,
        expected,
        rule,
        f"Débit vidéo moyen {measured} Mbit/s.",
        f"Débit vidéo moyen {measured} Mbit/s (attendu {expected} ± {tolerance}).",
        tolerance=tolerance,
    )


def check_gop(analysis: Analysis, rule: dict[str, Any], target: Target) -> CheckResult | None:
    if analysis.video is None:
        return None
    measured = analysis.video.gop()
    expected = {"n": rule.get("n"), "m": rule.get("m")}
    ok = measured == expected
    return _result(
        "gop",
        ok,
        measured,
        expected,
        rule,
        f"Structure de GOP N={measured['n']}, M={measured['m']}.",
        f"Structure de GOP N={measured['n']}, M={measured['m']} "
        f"(attendu N={expected['n']}, M={expected['m']}).",
    )


def check_scan(analysis: Analysis, rule: dict[str, Any], target: Target) -> CheckResult | None:
    scan = _scan(analysis)
    return None if scan is None else _allowed("scan", scan, rule, "Balayage / ordre des trames")


def check_audio_layout(
    analysis: Analysis, rule: dict[str, Any], target: Target
) -> CheckResult | None:
    audio = analysis.info.audio
    if not audio:
        return _result(
            "audio_layout", False, None, _layout_expected(rule), rule, "", "Aucune piste audio."
        )
    channels = [a.channels for a in audio]
    measured = {"tracks": len(audio), "channels": channels}
    problems = []
    if "track_count" in rule and len(audio) not in rule["track_count"]:
        problems.append(f"{len(audio)} pistes (attendu : {_listing(rule['track_count'])})")
    if "channels_per_track" in rule and any(
        a.channels != rule["channels_per_track"] for a in audio
    ):
        problems.append(
            f"canaux par piste {measured['channels']} (attendu : {rule['channels_per_track']})"
        )
    if "channels" in rule and any(a.channels not in rule["channels"] for a in audio):
        problems.append(f"canaux {measured['channels']} (attendu : {_listing(rule['channels'])})")
    if "max_channels" in rule and sum(channels) > rule["max_channels"]:
        problems.append(f"{sum(channels)} canaux (maximum {rule['max_channels']})")
    return _result(
        "audio_layout",
        not problems,
        measured,
        _layout_expected(rule),
        rule,
        "Configuration audio conforme.",
        "Configuration audio non conforme : " + "; ".join(problems) + ".",
    )


def _layout_expected(rule: dict[str, Any]) -> dict[str, Any]:
    return {
        k: rule[k]
        for k in ("track_count", "channels_per_track", "channels", "max_channels")
        if k in rule
    }


def _duration(analysis: Analysis) -> float | None:
    if analysis.loudness is not None:
        return analysis.loudness.duration_s
    if analysis.video is not None and analysis.info.video and analysis.info.video[0].frame_rate:
        return analysis.video.frames / analysis.info.video[0].frame_rate
    return analysis.info.duration_s


def check_duration(analysis: Analysis, rule: dict[str, Any], target: Target) -> CheckResult:
    measured = _duration(analysis)
    if target.duration_s is not None:
        tolerance = target.duration_tolerance_s or 0.0
        ok = measured is not None and abs(measured - target.duration_s) <= tolerance + 1e-6
        return CheckResult(
            "duration",
            None if ok else Severity.FAIL,
            measured,
            target.duration_s,
            "Durée conforme au cahier des charges."
            if ok
            else f"Durée {measured} s au lieu de {target.duration_s} s demandées.",
            tolerance=tolerance,
        )
    if rule.get("max_s") is not None:
        ok = measured is not None and measured <= rule["max_s"]
        return _result(
            "duration",
            ok,
            measured,
            {"max_s": rule["max_s"]},
            rule,
            "Durée dans la limite du profil.",
            f"Durée {measured} s au-delà de {rule['max_s']} s.",
        )
    return _unknown("duration", measured, rule | {"note_fr": "aucune durée demandée"}, "Durée")


def check_start_timecode(analysis: Analysis, rule: dict[str, Any], target: Target) -> CheckResult:
    measured = analysis.info.start_timecode
    if rule.get("value") is None:
        return _unknown("start_timecode", measured, rule, "Timecode de début")
    return _result(
        "start_timecode",
        measured == rule["value"],
        measured,
        rule["value"],
        rule,
        "Timecode de début conforme.",
        f"Timecode de début {measured} (attendu {rule['value']}).",
    )


def _limits(rule: dict[str, Any], wide: bool) -> tuple[float, float]:
    """(low, high) of a rule: value ± tolerance, or min/max; ``wide``: the ``*_wide`` ones."""
    suffix = "_wide" if wide else ""
    if rule.get("value") is not None:
        tolerance = rule.get(f"tolerance{suffix}", rule.get("tolerance", 0.0))
        return rule["value"] - tolerance, rule["value"] + tolerance
    low = rule.get(f"min{suffix}", rule.get("min"))
    high = rule.get(f"max{suffix}", rule.get("max"))
    return (-math.inf if low is None else low), (math.inf if high is None else high)


def _range_severity(value: float, rule: dict[str, Any]) -> Severity | None:
    """The verdict rule for a limit that sources set differently.

    Inside the strict limits: pass. A rule marked ``uncertain`` whose ``*_wide`` limits
    give the widest any source allows (e.g. -23 LUFS, certain, ±0.2 LU in R 128 but ±1 LU
    in a summary of the PAD text): a warning between strict and wide, a failure beyond the
    wide ones (unless they are uncertain too: ``wide_uncertain``).
    """
    low, high = _limits(rule, wide=False)
    if low - 1e-9 <= value <= high + 1e-9:
        return None
    if not any(key.endswith("_wide") for key in rule):
        return _broken(rule)
    wide_low, wide_high = _limits(rule, wide=True)
    if wide_low - 1e-9 <= value <= wide_high + 1e-9:
        return Severity.WARN
    return Severity.for_rule("fail", uncertain=bool(rule.get("wide_uncertain")))


def _range_check(
    check_id: str,
    measured: float | None,
    rule: dict[str, Any],
    label: str,
    unit: str,
    events: list[Segment] | None = None,
) -> CheckResult:
    if all(rule.get(k) is None for k in ("value", "min", "max")):
        return _unknown(check_id, measured, rule, label)
    keys = ("value", "tolerance", "tolerance_wide", "min", "max", "min_wide", "max_wide")
    expected = {k: rule[k] for k in keys if rule.get(k) is not None}
    if measured is None or not math.isfinite(measured):
        return _result(
            check_id,
            False,
            None,
            expected,
            rule,
            "",
            f"{label} non mesurable (silence ou aucun bloc au-dessus du seuil).",
        )
    shown = round(measured, 1)  # EBU mode shows one decimal: limits apply to that reading
    severity = _range_severity(shown, rule)
    strict = f"{_bounds(*_limits(rule, wide=False))} {unit}"
    wide = f"{_bounds(*_limits(rule, wide=True))} {unit}"
    message = f"{label} : {measured:.1f} {unit}"
    if severity is Severity.WARN and wide != strict:
        message += f", hors de {strict} mais dans {wide} (limite incertaine) : à vérifier"
    elif severity is not None:
        message += f", hors limites ({wide})"
    return CheckResult(
        check_id,
        severity,
        round(measured, 2),
        expected,
        message + ".",
        tolerance=rule.get("tolerance"),
        events=events or [],
        source=rule.get("source"),
        uncertain=bool(rule.get("uncertain")),
    )


def _bounds(low: float, high: float) -> str:
    if math.isinf(low):
        return f"≤ {high:g}"
    if math.isinf(high):
        return f"≥ {low:g}"
    return f"{low:g} à {high:g}"


def _loudness_value(
    name: str, label: str, unit: str
) -> Callable[[Analysis, dict[str, Any], Target], CheckResult | None]:
    def check(analysis: Analysis, rule: dict[str, Any], target: Target) -> CheckResult | None:
        loudness = analysis.loudness
        if loudness is None:
            return _result(rule["id"], False, None, None, rule, "", "Aucune piste audio à mesurer.")
        events = _events_for(name, analysis, rule)
        if name == "loudness_range_lu" and loudness.loudness_range_lu is None:
            return CheckResult(
                rule["id"],
                Severity.INFO,
                None,
                None,
                "LRA non mesurable : programme trop court ou silencieux.",
            )
        return _range_check(rule["id"], getattr(loudness, name), rule, label, unit, events)

    return check


def _events_for(name: str, analysis: Analysis, rule: dict[str, Any]) -> list[Segment]:
    loudness = analysis.loudness
    if loudness is None:
        return []
    if name == "true_peak_dbtp":
        return _merge([Segment(a, b) for a, b in loudness.true_peak_events])
    if name == "max_short_term_lufs" and rule.get("max") is not None:
        step, window = loudness.series_step_s, short_term_window_s()
        return _merge(
            [
                Segment(max(0.0, (i + 1) * step - window), (i + 1) * step)
                for i, v in enumerate(loudness.short_term_series)
                if v > rule["max"]
            ]
        )
    return []


def _merge(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        if merged and segment.start_s <= merged[-1].end_s + 1e-9:
            merged[-1].end_s = max(merged[-1].end_s, segment.end_s)
        else:
            merged.append(Segment(segment.start_s, segment.end_s))
    return merged


def _events_check(
    check_id: str, events: list[Segment], rule: dict[str, Any], label: str, measured: Any = None
) -> CheckResult:
    count = len(events)
    return _result(
        check_id,
        count == 0,
        measured if measured is not None else count,
        0,
        rule,
        f"{label} : aucun.",
        f"{label} : {count} occurrence(s).",
        events=events,
    )


def check_video_levels(
    analysis: Analysis, rule: dict[str, Any], target: Target
) -> CheckResult | None:
    if analysis.video is None:
        return None
    video = analysis.video
    measured = {
        "luma_out_percent": round(video.worst_luma_out_percent, 3),
        "rgb_out_percent": round(video.worst_gamut_out_percent, 3),
    }
    return _events_check(
        "video_levels",
        video.out_of_range,
        rule,
        "Images hors gamme EBU R 103 (au-delà de 1 % de la surface)",
        measured,
    )


def _detector(
    check_id: str, label: str, pick: Callable[[Analysis], list[Segment] | None]
) -> Callable[[Analysis, dict[str, Any], Target], CheckResult | None]:
    def check(analysis: Analysis, rule: dict[str, Any], target: Target) -> CheckResult | None:
        events = pick(analysis)
        return None if events is None else _events_check(check_id, events, rule, label)

    return check


def check_silent_track(
    analysis: Analysis, rule: dict[str, Any], target: Target
) -> CheckResult | None:
    if not analysis.tracks:
        return None
    silent = [t.track for t in analysis.tracks if t.silent]
    return _result(
        "silent_track",
        not silent,
        silent,
        [],
        rule,
        "Aucune piste muette.",
        f"Piste(s) muette(s) de bout en bout : {silent}.",
    )


def check_clipping(analysis: Analysis, rule: dict[str, Any], target: Target) -> CheckResult | None:
    if not analysis.tracks:
        return None
    events = _merge(
        sorted((e for t in analysis.tracks for e in t.clipping), key=lambda s: s.start_s)
    )
    return _events_check("clipping", events, rule, "Écrêtage numérique")


def check_phase(analysis: Analysis, rule: dict[str, Any], target: Target) -> CheckResult | None:
    if analysis.phase_correlation is None:
        return None
    threshold = meter().detectors.phase.min_correlation.value
    measured = round(analysis.phase_correlation, 3)
    ok = measured >= threshold and not analysis.phase_events
    return _result(
        "phase",
        ok,
        measured,
        {"min_correlation": threshold},
        rule,
        f"Corrélation de phase {measured} : compatible mono.",
        f"Corrélation de phase {measured} : risque d'annulation en mono.",
        events=analysis.phase_events,
    )


def check_flashes(analysis: Analysis, rule: dict[str, Any], target: Target) -> CheckResult | None:
    if analysis.video is None or analysis.video.frames == 0:
        return None
    report = analysis.video.flashes
    mandatory = bool(rule.get("mandatory"))
    events = sorted(report.general + report.red + report.pattern, key=lambda e: e.start_s)
    severity = flash_severity(report, mandatory)
    duty = "exigé par le diffuseur" if mandatory else "recommandé (UIT-R BT.1702)"
    counts = (
        f"{len(report.general)} flash, {len(report.red)} flash rouge, {len(report.pattern)} motif"
    )
    return CheckResult(
        "flashes",
        severity,
        {
            "max_flashes_per_second": report.max_flashes_per_second,
            "max_red_flashes_per_second": report.max_red_flashes_per_second,
            "events": len(events),
        },
        {"max_flashes_per_second": 3, "mandatory": mandatory},
        "Épilepsie photosensible : aucun flash ni motif au-delà des seuils."
        if severity is None
        else f"Épilepsie photosensible ({duty}) : {counts} au-delà des seuils.",
        events=events,
        source=rule.get("source"),
    )


def check_av_duration(
    analysis: Analysis, rule: dict[str, Any], target: Target
) -> CheckResult | None:
    """Every audio track as long as the picture and starting with it, within one frame."""
    video, info = analysis.video, _video(analysis)
    if video is None or info is None or not info.frame_rate or not analysis.tracks:
        return None
    frames = meter().av_sync.tolerance_frames.value
    tolerance = frames / info.frame_rate
    picture_s = video.frames / info.frame_rate
    picture_start = video.start_s or 0.0
    rows, late = [], []
    for track in analysis.tracks:
        offset = (track.start_s or 0.0) - picture_start
        difference = track.duration_s - picture_s
        rows.append(
            {
                "track": track.track,
                "offset_s": round(offset, 3),
                "difference_s": round(difference, 3),
            }
        )
        if abs(offset) > tolerance + 1e-6 or abs(difference) > tolerance + 1e-6:
            late.append(f"piste {track.track} ({difference:+.3f} s, décalage {offset:+.3f} s)")
    return _result(
        "av_duration",
        not late,
        {"video_s": round(picture_s, 3), "tracks": rows},
        {"tolerance_frames": frames},
        rule | {"source": rule.get("source") or "meter.yaml: av_sync"},
        f"Son et image de même durée et synchrones (à {frames} image près).",
        "Son et image désaccordés : " + "; ".join(late) + ".",
        tolerance=round(tolerance, 4),
    )


def check_captions_kind(
    analysis: Analysis, rule: dict[str, Any], target: Target
) -> CheckResult | None:
    """A subtitle stream flagged for the deaf and hard of hearing, where the profile asks."""
    if not rule.get("required"):
        return None
    streams = analysis.info.subtitles
    flagged = [s.index for s in streams if s.for_deaf]
    return _result(
        "captions_kind",
        bool(flagged),
        {"subtitle_streams": len(streams), "flagged": flagged},
        {"disposition": ["captions", "hearing_impaired"]},
        rule,
        "Sous-titres SME signalés comme tels (captions / malentendants).",
        "Aucune piste de sous-titres signalée pour les sourds et malentendants"
        + (" (aucune piste de sous-titres)." if not streams else "."),
    )


def check_package_structure(folder: Path, rule: dict[str, Any]) -> CheckResult:
    """An IMF or DCP folder: ASSETMAP, PKL and CPL present and consistent, hashes matching."""
    report = check_package(folder, rule.get("kind", "dcp"))
    kind = report.kind.upper()
    return _result(
        "package",
        not report.problems,
        report.to_dict(),
        {"kind": report.kind, "problems": []},
        rule,
        f"Paquet {kind} cohérent : {report.assets} éléments, {report.compositions} composition(s).",
        f"Paquet {kind} non conforme : " + " ".join(report.problems[:20]),
    )


def check_head_tail(analysis: Analysis, rule: dict[str, Any], target: Target) -> CheckResult | None:
    """Black and silence at the head and the tail, against the profile when it gives them."""
    video, end = analysis.video, _duration(analysis)
    if video is None or not end:
        return None

    def head(segments: list[Segment]) -> float:
        return round(segments[0].end_s, 3) if segments and segments[0].start_s < 1e-6 else 0.0

    def tail(segments: list[Segment]) -> float:
        last = segments[-1] if segments else None
        return round(end - last.start_s, 3) if last and last.end_s >= end - 0.1 else 0.0

    measured = {
        "head_black_s": head(video.black),
        "tail_black_s": tail(video.black),
        "head_silence_s": head(analysis.silence),
        "tail_silence_s": tail(analysis.silence),
    }
    limits = {k: rule[k] for k in measured if rule.get(k) is not None}
    if not limits:
        return _unknown("head_tail", measured, rule, "Amorce et fin")
    bad = [k for k, v in limits.items() if abs(measured[k] - v) > rule.get("tolerance_s", 0.0)]
    return _result(
        "head_tail",
        not bad,
        measured,
        limits,
        rule,
        "Amorce et fin conformes au profil.",
        "Amorce et fin non conformes : " + ", ".join(field_name(k) for k in bad) + ".",
    )


def check_channel_order(
    analysis: Analysis, rule: dict[str, Any], target: Target
) -> CheckResult | None:
    """A warning when the measured tracks carry no channel positions (weights assumed)."""
    finding = assumed_order_finding(analysis.selection) if analysis.selection else None
    if finding is None:
        return None
    return CheckResult(
        "channel_order",
        finding.severity,
        finding.evidence["order"],
        None,
        finding.message,
        source=finding.source,
        uncertain=True,
    )


CHECKS: dict[str, Callable[[Analysis, dict[str, Any], Target], CheckResult | None]] = {
    "container": check_container,
    "video_codec": check_video_codec,
    "video_bit_rate": check_video_bit_rate,
    "gop": check_gop,
    "resolution": _video_check("resolution", "Résolution"),
    "frame_rate": _video_check("frame_rate", "Cadence d'images"),
    "scan": check_scan,
    "aspect_ratio": _video_check("display_aspect", "Format d'image"),
    "chroma": _video_check("chroma", "Sous-échantillonnage chroma"),
    "video_bit_depth": _video_check("bit_depth", "Profondeur vidéo"),
    "colour": _video_check("colour_primaries", "Primaires colorimétriques"),
    "audio_codec": _audio_check("codec", "Codec audio"),
    "audio_layout": check_audio_layout,
    "sample_rate": _audio_check("sample_rate", "Fréquence d'échantillonnage"),
    "bit_depth": _audio_check("bit_depth", "Résolution audio (bits)"),
    "duration": check_duration,
    "start_timecode": check_start_timecode,
    "integrated_loudness": _loudness_value("integrated_lufs", "Loudness intégrée", "LUFS"),
    "true_peak": _loudness_value("true_peak_dbtp", "True peak", "dBTP"),
    "loudness_range": _loudness_value("loudness_range_lu", "Loudness range (LRA)", "LU"),
    "max_short_term": _loudness_value(
        "max_short_term_lufs", "Loudness court terme maximale", "LUFS"
    ),
    "video_levels": check_video_levels,
    "black_frames": _detector(
        "black_frames", "Images noires", lambda a: a.video.black if a.video else None
    ),
    "freeze_frames": _detector(
        "freeze_frames", "Images figées", lambda a: a.video.freeze if a.video else None
    ),
    "silence": _detector("silence", "Silences", lambda a: a.silence if a.loudness else None),
    "silent_track": check_silent_track,
    "clipping": check_clipping,
    "phase": check_phase,
    "flashes": check_flashes,
    "av_duration": check_av_duration,
    "captions_kind": check_captions_kind,
    "head_tail": check_head_tail,
    "channel_order": check_channel_order,
}
ALWAYS = ("duration", "channel_order")


def run_checks(
    analysis: Analysis, profile: Profile, target: Target | None = None
) -> list[CheckResult]:
    """The profile's checks in a stable order; checks that do not apply are left out."""
    target = target or Target()
    results = []
    for check_id, check in CHECKS.items():
        rule = profile.rule(check_id)
        if rule is None and check_id not in ALWAYS:
            continue
        result = check(analysis, {**(rule or {}), "id": check_id}, target)
        if result is not None:
            results.append(result)
    return results


def verdict(results: list[CheckResult]) -> str:
    """``fail`` or ``warn`` as the worst check; ``pass`` otherwise (information never blocks)."""
    level = max((r.severity for r in results if r.severity), key=lambda s: s.rank, default=None)
    return PASSED if level in (None, Severity.INFO) else level.value
