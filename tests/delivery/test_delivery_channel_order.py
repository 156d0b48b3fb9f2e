"""Streams without channel positions are read in their format's default order, with a warning."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest
from delivery_helpers import tone

from tournage.delivery.media import probe
from tournage.delivery.programme import assumed_order_finding, measure_file, select_tracks
from tournage.delivery.synth import programme_chunks

RATE = 48000


def five_one(seconds: float = 4.0) -> np.ndarray:
    """Programme-like noise on L R C, louder on the surrounds, a loud LFE."""
    noise = next(programme_chunks(seconds, RATE, channels=6, chunk_s=seconds))
    noise[4:6] *= 2.0  # surrounds: their 1.41 weight matters
    noise[3] *= 3.0  # LFE: must not count
    return noise


def plain_wav(path: Path, samples: np.ndarray) -> Path:
    """A WAVE_FORMAT_PCM file: no channel mask, so no positions."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(samples.shape[0])
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes((samples.T * 32767).astype("<i2").tobytes())
    return path


def test_six_channel_wav_without_mask_is_weighted_as_5_1(tmp_path: Path, media) -> None:
    samples = five_one()
    unmasked = plain_wav(tmp_path / "no-mask.wav", samples)
    declared = media("declared.wav", [samples], codec=None, audio_codec="pcm_s16le")
    plain, selection = measure_file(unmasked)
    reference, _ = measure_file(declared)
    assert probe(declared).audio[0].layout_assumed is False
    assert plain.integrated_lufs == pytest.approx(reference.integrated_lufs, abs=0.01)
    finding = assumed_order_finding(selection)
    assert finding is not None and finding.severity == "warn"
    assert "FL FR FC LFE BL BR" in finding.message


def test_the_surround_weighting_changes_the_reading(tmp_path: Path) -> None:
    samples = five_one()
    result, _ = measure_file(plain_wav(tmp_path / "no-mask.wav", samples))
    flat = np.concatenate([samples[:3], samples[4:]])  # every channel weighted 1, no LFE
    weighted_flat, _ = measure_file(plain_wav(tmp_path / "flat.wav", flat))
    assert result.integrated_lufs - weighted_flat.integrated_lufs > 0.3


def test_eight_mono_tracks_measured_together_are_read_as_7_1(media) -> None:
    info = probe(media("pad.mkv", [tone(0.5, channels=1)] * 8))
    selection = select_tracks(info.audio, list(range(1, 9)))
    assert selection.channel_names == ["FL", "FR", "FC", "LFE", "BL", "BR", "SL", "SR"]
    finding = assumed_order_finding(selection)
    assert finding is not None and finding.message.startswith("Pistes 1, 2, 3")


def test_a_stereo_pair_of_mono_tracks_needs_no_warning(media) -> None:
    info = probe(media("pair.mkv", [tone(0.5, channels=1)] * 2))
    assert assumed_order_finding(select_tracks(info.audio)) is None
