"""QC checks of synthesised masters against the delivery profiles."""

from __future__ import annotations

import hashlib
import os
from typing import Any

import av
import numpy as np
import pytest
from delivery_helpers import LOUDNESS_KEYS, PAD_LIKE, RATE, tone

from tournage.delivery.analysis import VideoPass
from tournage.delivery.checks import Target
from tournage.delivery.errors import DeliveryError
from tournage.delivery.profiles import Profile, get_profile, profile_for_channel, profile_names
from tournage.delivery.qc import run_qc
from tournage.delivery.report import html_report, pdf_report

SIZE = (160, 96)
FPS = 25
RAMP = np.broadcast_to(np.linspace(16, 235, SIZE[0]), (SIZE[1], SIZE[0]))
BLACK = np.full((SIZE[1], SIZE[0]), 16.0)


def moving(index: int) -> np.ndarray:
    return np.roll(RAMP, index * 3, axis=1)


def checks(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in report["checks"]}


def qc_of(
    media,
    tracks: list[np.ndarray],
    profile: str = "ebu-r128",
    luma_at: Any = moving,
    seconds: float = 4.0,
    **target: Any,
) -> dict[str, dict[str, Any]]:
    path = media("m.mkv", tracks, luma_at, round(seconds * FPS), codec="ffv1")  # lossless pictures
    return checks(run_qc(path, profile, Target(**target)))


def test_required_profiles_exist_and_map_the_production_channels() -> None:
    names = set(profile_names())
    assert {
        "pad-hd-fr",
        "arte",
        "ebu-r128",
        "ebu-r128-s1",
        "netflix",
        "youtube",
        "dcp",
        "podcast",
        "social-vertical",
    } <= names
    assert profile_for_channel("fr_pad_hd_file") == "pad-hd-fr"
    assert profile_for_channel("unknown") is None


def test_unknown_profile_is_a_clear_error(master) -> None:
    with pytest.raises(DeliveryError) as error:
        run_qc(master(duration_s=0.5), "bbc")
    assert error.value.code == "unknown_profile" and "pad-hd-fr" in error.value.message


def test_pad_master_format_checks(master) -> None:
    path = master("pad.mxf", duration_s=2.0, size=(1920, 1080), **PAD_LIKE)
    report = run_qc(path, "pad-hd-fr", Target(duration_s=2.0))
    result = checks(report)
    for check_id in (
        "container",
        "video_codec",
        "gop",
        "resolution",
        "frame_rate",
        "aspect_ratio",
        "chroma",
        "colour",
        "audio_codec",
        "audio_layout",
        "sample_rate",
        "bit_depth",
        "duration",
        "integrated_loudness",
        "true_peak",
    ):
        assert result[check_id]["status"] == "pass", result[check_id]
    assert result["scan"]["status"] == "fail"  # progressive, the PAD asks 1080i25 top field first
    assert result["video_bit_rate"]["status"] == "fail"  # a tiny synthetic picture, not 50 Mbit/s
    assert result["start_timecode"]["status"] == "info"  # the expected timecode is unknown
    assert result["loudness_range"]["status"] == "info"  # under 3 s: no short-term value
    assert report["verdict"] == "fail"
    assert report["tracks_measured"] == [1, 2]


def test_wrong_format_fails_with_measured_and_expected(media) -> None:
    result = qc_of(media, [tone(1.0)], profile="dcp", seconds=1.0)
    assert result["resolution"]["status"] == "fail"
    assert result["resolution"]["measured"] == [160, 96]
    assert [2048, 1080] in result["resolution"]["expected"]
    assert result["frame_rate"]["status"] == "fail"


def test_true_peak_over_the_limit_lists_time_codes(media) -> None:
    signal = np.concatenate([tone(2.0, -30.0), tone(1.0, -0.5), tone(1.0, -30.0)], axis=1)
    result = qc_of(media, [signal], profile="ebu-r128")
    true_peak = result["true_peak"]
    assert true_peak["status"] == "fail" and true_peak["measured"] > -1.0
    starts = [e["start_s"] for e in true_peak["events"]]
    assert (
        starts and 1.4 <= min(starts) <= 2.1 and max(e["end_s"] for e in true_peak["events"]) <= 3.6
    )


def test_short_form_max_short_term(media) -> None:
    result = qc_of(media, [tone(4.0, -16.0)], profile="ebu-r128-s1")
    assert result["max_short_term"]["status"] == "fail"
    assert result["max_short_term"]["events"]


def test_black_and_freeze_segments(media) -> None:
    def picture(index: int) -> np.ndarray:
        if index < 3 * FPS:
            return BLACK
        return RAMP if index < 6 * FPS else moving(index)

    result = qc_of(media, [tone(8.0)], luma_at=picture, seconds=8.0)
    black = result["black_frames"]
    assert black["status"] == "warn"
    assert [(e["start_tc"], e["end_tc"]) for e in black["events"]] == [
        ("00:00:00:00", "00:00:03:00")
    ]
    freeze = [(e["start_s"], e["end_s"]) for e in result["freeze_frames"]["events"]]
    assert freeze == [(0.04, 3.0), (3.04, 6.0)]  # a frame equals the one before it from 0.04 s on


def test_video_levels_outside_ebu_r103(media) -> None:
    full_range = np.broadcast_to(np.linspace(0, 255, SIZE[0]), (SIZE[1], SIZE[0]))
    result = qc_of(media, [tone(1.0)], luma_at=lambda i: full_range, seconds=1.0)
    levels = result["video_levels"]
    assert levels["status"] == "warn" and levels["measured"]["luma_out_percent"] > 1.0
    assert qc_of(media, [tone(1.0)], seconds=1.0)["video_levels"]["status"] == "pass"


def test_silence_silent_track_clipping_and_phase(media) -> None:
    gap = np.concatenate([tone(1.0), np.zeros((2, 3 * RATE)), tone(1.0)], axis=1)
    clipped = np.clip(tone(5.0, 6.0), -1.0, 1.0)
    inverted = tone(5.0) * np.array([[1.0], [-1.0]])
    result = qc_of(media, [gap, np.zeros((2, 5 * RATE)), clipped, inverted], seconds=5.0)
    silence = result["silence"]["events"]
    assert [(e["start_s"], e["end_s"]) for e in silence] == [(1.0, 4.0)]
    assert result["silent_track"]["measured"] == [2]
    assert result["clipping"]["status"] == "warn" and result["clipping"]["events"]
    phased = qc_of(media, [inverted], seconds=5.0)["phase"]
    assert phased["status"] == "warn" and phased["measured"] == pytest.approx(-1.0, abs=0.01)
    assert result["phase"]["status"] == "pass"


def test_duration_against_the_brief(media) -> None:
    assert qc_of(media, [tone(2.0)], seconds=2.0, duration_s=2.0)["duration"]["status"] == "pass"
    late = qc_of(media, [tone(2.0)], seconds=2.0, duration_s=3.0, duration_tolerance_s=0.5)[
        "duration"
    ]
    assert late["status"] == "fail" and late["expected"] == 3.0


def test_qc_never_modifies_the_master(master) -> None:
    path = master("keep.mxf", duration_s=1.0, tracks=2, container_format="mxf")
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mtime_ns)
    report = run_qc(path, "pad-hd-fr")
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mtime_ns) == before
    assert report["file"]["sha256"] == before[0]


def test_report_json_shape_and_renderings(master) -> None:
    report = run_qc(master(duration_s=1.0), "youtube")
    assert set(report) >= {"profile", "verdict", "checks", "loudness"}
    assert report["verdict"] in {"pass", "warn", "fail"}
    assert set(report["loudness"]) == LOUDNESS_KEYS
    for check in report["checks"]:
        assert {"id", "status", "measured", "expected", "events"} <= set(check)
    page = html_report(report)
    assert "<svg" in page and "Verdict" in page and report["file"]["sha256"] in page
    assert pdf_report(report).startswith(b"%PDF")


def test_downloaded_report_names_checks_and_fields_in_french(master) -> None:
    report = run_qc(master(duration_s=1.0, tracks=2, container_format="mxf"), "pad-hd-fr")
    page = html_report(report)
    assert "<td>Son et image synchrones</td>" in page and "<td>av_duration</td>" not in page
    assert "tolérance (images) = 1" in page and "tolerance_frames" not in page
    assert "{" not in page.partition("<table>")[2]  # no Python structure printed


def test_every_profile_runs_on_an_audio_only_file(media) -> None:
    path = media("a.wav", [tone(1.0)])
    for name in profile_names():
        report = run_qc(path, name)
        assert report["profile"] == name and get_profile(name).label
        assert all(c["status"] in {"pass", "warn", "fail", "info"} for c in report["checks"])


@pytest.mark.parametrize(
    ("cb", "cr", "out_percent"),
    [(128, 128, 0.0), (240, 240, 100.0), (16, 16, 100.0), (150, 110, 0.0)],
)
def test_out_of_gamut_colours_with_legal_luma(cb: int, cr: int, out_percent: float) -> None:
    planes = np.zeros((3, 32, 32), np.uint8)
    planes[:] = np.array([128, cb, cr], np.uint8)[:, None, None]
    video = VideoPass()
    video.add(av.VideoFrame.from_ndarray(planes, format="yuv444p"), 0.04)
    assert video.report.worst_gamut_out_percent == out_percent
    assert video.report.worst_luma_out_percent == 0.0


def test_video_without_audio_gets_a_verdict_not_a_crash(media) -> None:
    path = media("mute.mkv", [], moving, 10, codec="ffv1")
    report = run_qc(path, "pad-hd-fr")
    result = checks(report)
    assert report["verdict"] == "fail" and report["loudness"] is None
    assert result["audio_layout"]["status"] == "fail"
    assert result["integrated_loudness"]["status"] == "warn"  # the PAD loudness rule is uncertain
    assert "Aucune piste audio" in result["integrated_loudness"]["message"]


def test_a_profile_can_set_the_programme_tracks(master, monkeypatch) -> None:
    import tournage.delivery.qc as qc_module

    profile = Profile("mapped", "Mapped", {"tracks": {"value": [3, 4]}, "integrated_loudness": {}})
    monkeypatch.setattr(qc_module, "get_profile", lambda name: profile)
    report = run_qc(master(duration_s=1.0, tracks=4), "mapped")
    assert report["tracks_measured"] == [3, 4]
    assert run_qc(master(duration_s=1.0, tracks=4), "mapped", tracks=[2])["tracks_measured"] == [2]
