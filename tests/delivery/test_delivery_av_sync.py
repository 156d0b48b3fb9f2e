"""Every audio track as long as the picture and in step with it (within one frame)."""

from __future__ import annotations

import numpy as np
from delivery_helpers import tone

from tournage.delivery.qc import run_qc

FPS = 25
GREY = np.full((64, 96), 128.0)


def check(report: dict, check_id: str) -> dict:
    return next(c for c in report["checks"] if c["id"] == check_id)


def test_audio_and_picture_of_the_same_length_pass(media) -> None:
    path = media("same.mkv", [tone(2.0), tone(2.0)], lambda i: GREY, 2 * FPS, codec="ffv1")
    result = check(run_qc(path, "ebu-r128"), "av_duration")
    assert result["status"] == "pass"
    assert [t["track"] for t in result["measured"]["tracks"]] == [1, 2]
    assert result["measured"]["video_s"] == 2.0


def test_a_short_audio_track_fails_with_its_difference(media) -> None:
    path = media("short.mkv", [tone(2.0), tone(1.5)], lambda i: GREY, 2 * FPS, codec="ffv1")
    result = check(run_qc(path, "ebu-r128"), "av_duration")
    assert result["status"] == "fail" and "piste 2" in result["message"]
    assert result["measured"]["tracks"][1]["difference_s"] == -0.5


def test_head_and_tail_black_and_silence_are_measured(media) -> None:
    def picture(index: int) -> np.ndarray:
        return np.full((64, 96), 16.0) if index < 3 * FPS else GREY

    silence_then_tone = np.concatenate([tone(3.0, dbfs=-120), tone(2.0)], axis=1)
    path = media("head.mkv", [silence_then_tone], picture, 5 * FPS, codec="ffv1")
    result = check(run_qc(path, "pad-hd-fr"), "head_tail")
    assert result["status"] == "info"  # the PAD's head and tail elements are not known
    assert result["measured"]["head_black_s"] == 3.0
    assert result["measured"]["head_silence_s"] == 3.0
    # the message names the fields in French, with a decimal comma, never the JSON keys
    assert "noir en tête (s) = 3 ; " in result["message"] and "_s" not in result["message"]
