"""Probing and reading media: what is declared, and clear errors on bad files."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest
from delivery_helpers import PAD_LIKE, tone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tournage.delivery.errors import DeliveryError
from tournage.delivery.media import probe
from tournage.delivery.programme import measure_file, select_tracks


def test_probe_reports_a_pad_like_master(master) -> None:
    path = master("pad.mxf", duration_s=1.0, size=(640, 360), interlaced=True, **PAD_LIKE)
    info = probe(path)
    video = info.video[0]
    assert (info.container, video.codec, video.profile) == ("mxf", "mpeg2video", "4:2:2")
    assert (video.width, video.height, video.frame_rate, video.chroma) == (640, 360, 25.0, "4:2:2")
    assert video.colour_primaries == "bt709"
    assert video.display_aspect == "16:9"
    assert [(a.codec, a.channels, a.sample_rate, a.bit_depth) for a in info.audio] == [
        ("pcm_s24le", 1, 48000, 24)
    ] * 4
    assert info.start_timecode == "00:00:00:00"


def test_two_leading_mono_tracks_are_measured_as_a_stereo_pair(master) -> None:
    info = probe(master("pad.mxf", duration_s=0.5, tracks=4, container_format="mxf"))
    selection = select_tracks(info.audio)
    assert selection.tracks == [1, 2] and selection.channel_names == ["FL", "FR"]
    assert select_tracks(info.audio, [3]).tracks == [3]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty_file"),
        (b"this is not a video, just a screenplay note\n" * 20, "not_media"),
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", "not_media"),
    ],
)
def test_unreadable_files_get_a_clear_error(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "bad.mxf"
    path.write_bytes(content)
    with pytest.raises(DeliveryError) as error:
        measure_file(path)
    assert error.value.code in (code, "decode_error", "no_audio")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DeliveryError, match="introuvable"):
        probe(tmp_path / "nothing.wav")


def test_file_without_audio_is_reported(media) -> None:
    path = media("video-only.mp4", [], lambda i: np.full((64, 64), 16.0), frames=5, codec="h264")
    with pytest.raises(DeliveryError) as error:
        measure_file(path)
    assert error.value.code == "no_audio"


def test_truncated_master_gives_a_result_or_a_clear_error(master, tmp_path: Path) -> None:
    whole = master("whole.mxf", duration_s=2.0, tracks=2, container_format="mxf").read_bytes()
    cut = tmp_path / "cut.mxf"
    cut.write_bytes(whole[: len(whole) // 2])
    try:
        result, _ = measure_file(cut)
    except DeliveryError as error:
        assert error.message
    else:
        assert 0 < result.duration_s < 2.0


def test_zero_second_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(3)
        out.setframerate(48000)
    result, _ = measure_file(path)
    assert result.duration_s == 0 and result.to_dict()["integrated_lufs"] is None


def test_thirty_two_tracks(media) -> None:
    path = media("many.mkv", [tone(0.5, channels=1)] * 32)
    assert len(probe(path).audio) == 32
    result, selection = measure_file(path, tracks=[31, 32])
    assert selection.tracks == [31, 32] and result.integrated_lufs == pytest.approx(-23, abs=0.2)
    with pytest.raises(DeliveryError, match="inexistantes"):
        measure_file(path, tracks=[33])


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=st.binary(min_size=1, max_size=4096))
def test_hostile_bytes_never_crash(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "hostile.wav"
    path.write_bytes(content)
    try:
        measure_file(path)
    except DeliveryError as error:
        assert error.code in {"not_media", "decode_error", "no_audio"}
