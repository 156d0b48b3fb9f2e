"""Photosensitive epilepsy test (ITU-R BT.1702) on generated picture sequences."""

from __future__ import annotations

from collections.abc import Callable

import av
import numpy as np
import pytest
from delivery_helpers import tone

from tournage.delivery.flashes import PHOTOSENSITIVITY, FlashDetector, FlashReport
from tournage.delivery.qc import run_qc

FPS = 25
W, H = 160, 96
BLACK, WHITE = 16.0, 235.0


def flashing(hz: float, area: float = 1.0) -> Callable[[int], np.ndarray]:
    """Luma pictures alternating black / white ``hz`` times a second over ``area`` of the width."""

    def picture(index: int) -> np.ndarray:
        image = np.full((H, W), BLACK)
        if int(index * 2 * hz / FPS) % 2 == 0:
            image[:, : int(W * area)] = WHITE
        return image

    return picture


def detect(
    picture: Callable[[int], np.ndarray], seconds: float = 2.0, red: bool = False
) -> FlashReport:
    detector = FlashDetector()
    for index in range(round(seconds * FPS)):
        luma = np.clip(picture(index), 0, 255).astype(np.uint8)
        chroma = np.full((H // 2, W // 2), 128, dtype=np.uint8)
        cr = chroma.copy()
        if red and luma.mean() > 100:  # saturated red instead of white
            luma[:] = 63
            cr[:] = 240
        planes = np.concatenate([luma.ravel(), chroma.ravel(), cr.ravel()]).reshape(-1, W)
        frame = av.VideoFrame.from_ndarray(planes, format="yuv420p")
        detector.add(frame, index / FPS, (index + 1) / FPS)
    return detector.finish()


def test_thresholds_come_from_bt1702_with_their_sources() -> None:
    flash = PHOTOSENSITIVITY.load().flash
    assert (flash["luminance_change_cd_m2"].value, flash["darker_below_cd_m2"].value) == (20, 160)
    assert flash["area_fraction"].value == 0.25 and flash["max_flashes_per_second"].value == 3
    assert all(rule.source == "itu_bt1702" for rule in flash.values())


def test_five_hertz_full_screen_flashes_are_an_event() -> None:
    report = detect(flashing(5))
    assert report.max_flashes_per_second == pytest.approx(5.0)
    assert [e.kind for e in report.general] == ["flash"]
    assert report.general[0].end_s == pytest.approx(2.0)


@pytest.mark.parametrize(("hz", "area"), [(2, 1.0), (5, 0.2), (0, 1.0)])
def test_slow_flashes_and_small_flashing_areas_pass(hz: float, area: float) -> None:
    report = detect(flashing(hz, area) if hz else (lambda i: np.full((H, W), 128.0)))
    assert (report.general, report.red, report.pattern) == ([], [], [])


def test_bright_flicker_above_160_cd_m2_is_not_a_flash() -> None:
    report = detect(lambda i: np.full((H, W), 235.0 if i % 2 else 222.0))
    assert report.general == []


def test_saturated_red_flashes_are_reported_apart() -> None:
    report = detect(flashing(5), red=True)
    assert [e.kind for e in report.red] == ["red_flash"]


def test_regular_stripes_over_the_screen_are_a_pattern() -> None:
    stripes = np.tile(np.repeat([BLACK, WHITE], 5), W // 10)[None, :].repeat(H, 0)
    report = detect(lambda i: stripes, seconds=1.0)
    assert [e.kind for e in report.pattern] == ["pattern"]
    ramp = np.broadcast_to(np.linspace(BLACK, WHITE, W), (H, W))
    assert detect(lambda i: np.roll(ramp, i * 3, axis=1), seconds=1.0).pattern == []


def flashes_check(media, profile: str, hz: float) -> dict:
    path = media("flash.mkv", [tone(2.0)], flashing(hz), 2 * FPS, codec="ffv1")
    return next(c for c in run_qc(path, profile)["checks"] if c["id"] == "flashes")


def test_flashes_fail_where_the_destination_mandates_the_test(media) -> None:
    check = flashes_check(media, "uk-broadcast", 5)
    assert check["status"] == "fail" and check["expected"]["mandatory"] is True
    assert check["events"][0]["kind"] == "flash" and check["events"][0]["start_tc"]


def test_flashes_only_warn_where_the_test_is_recommended(media) -> None:
    assert flashes_check(media, "pad-hd-fr", 5)["status"] == "warn"
    assert flashes_check(media, "uk-broadcast", 2)["status"] == "pass"
