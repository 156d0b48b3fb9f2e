"""One pass over the programme media: duration, shot changes (FFmpeg scdet) and, per audio
stream, voice-band levels and loudness (the delivery domain's BS.1770 meter)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import av
import numpy as np
from numpy.typing import NDArray
from scipy.signal import butter, sosfilt, sosfilt_zi

from tournage.accessibility.errors import SubtitleFormatError
from tournage.accessibility.rules import media_rules
from tournage.accessibility.tables import AUDIO_DESCRIPTION
from tournage.common.errors import reason
from tournage.delivery.errors import DeliveryError
from tournage.delivery.loudness import LoudnessMeter, channel_weights
from tournage.delivery.media import decode_packets, frame_samples, open_media, stream_channel_names


@dataclass(frozen=True)
class AudioTrack:
    index: int
    title: str | None
    language: str | None
    is_ad: bool
    levels_db: tuple[float, ...]  # voice-band RMS per window, dBFS
    integrated_lufs: float | None

    @property
    def peak_level_db(self) -> float:
        return max(self.levels_db, default=float("-inf"))


@dataclass(frozen=True)
class ProgrammeScan:
    duration_ms: int | None
    window_ms: int
    shot_changes_ms: tuple[int, ...]
    tracks: tuple[AudioTrack, ...]

    @property
    def main_track(self) -> AudioTrack | None:
        return next((track for track in self.tracks if not track.is_ad), None)

    @property
    def ad_track(self) -> AudioTrack | None:
        return next((track for track in self.tracks if track.is_ad), None)


def _is_ad(stream: Any) -> bool:
    rules = AUDIO_DESCRIPTION.load().track
    disposition = getattr(av.stream.Disposition, rules.disposition.value, None)
    if disposition is not None and stream.disposition & disposition:
        return True
    words = f"{stream.metadata.get('title', '')} {stream.metadata.get('language', '')}".lower()
    return any(
        keyword in words.split() or (" " in keyword and keyword in words)
        for keyword in rules.title_keywords.value
    )


class _AudioPass:
    """Voice-band RMS per window and integrated loudness of one audio stream."""

    def __init__(self, stream: Any, window_ms: int) -> None:
        self.stream = stream
        self.rate = int(stream.rate)
        self.window = max(1, self.rate * window_ms // 1000)
        band = media_rules()["unsubtitled_speech"]["voice_band_hz"]["value"]
        self.sos = butter(4, band, btype="band", fs=self.rate, output="sos")
        self.state = sosfilt_zi(self.sos) * 0.0
        self.pending = np.zeros(0, dtype=np.float64)
        self.levels: list[float] = []
        names = stream_channel_names(stream)
        self.meter = LoudnessMeter(self.rate, channel_weights(names), keep_series=False)

    def add(self, samples: NDArray[np.float32]) -> None:
        if samples.shape[0] == len(self.meter.weights):
            self.meter.add(samples)
        mono, self.state = sosfilt(self.sos, samples.mean(axis=0), zi=self.state)
        self.pending = np.concatenate([self.pending, mono])
        whole = len(self.pending) // self.window * self.window
        if whole:
            blocks = self.pending[:whole].reshape(-1, self.window)
            rms = np.sqrt(np.mean(blocks**2, axis=1))
            self.levels.extend((20 * np.log10(np.maximum(rms, 1e-10))).tolist())
            self.pending = self.pending[whole:]

    def finish(self) -> AudioTrack:
        lufs = self.meter.result().integrated_lufs
        metadata = self.stream.metadata
        return AudioTrack(
            self.stream.index,
            metadata.get("title"),
            metadata.get("language"),
            _is_ad(self.stream),
            tuple(self.levels),
            lufs if np.isfinite(lufs) else None,
        )


class _ShotPass:
    """Runs frames through FFmpeg's scdet filter and keeps the times above the threshold."""

    def __init__(self, stream: Any, threshold: float) -> None:
        self.graph = av.filter.Graph()
        source = self.graph.add_buffer(template=stream)
        detector = self.graph.add("scdet", f"threshold={threshold}")
        sink = self.graph.add("buffersink")
        source.link_to(detector)
        detector.link_to(sink)
        self.graph.configure()
        self.changes: list[int] = []

    def add(self, frame: Any) -> None:
        self.graph.push(frame)
        while True:
            try:
                out = self.graph.pull()
            except (av.BlockingIOError, av.EOFError):
                return
            if "lavfi.scd.time" in out.metadata and out.time is not None:
                self.changes.append(round(out.time * 1000))


def scan_programme(path: Path, shots: bool = True) -> ProgrammeScan:
    """Read the programme once; SubtitleFormatError (French message) if it is not media."""
    rules = media_rules()
    window_ms = int(rules["unsubtitled_speech"]["window_ms"]["value"])
    try:
        with open_media(path) as container:
            audio = {s.index: _AudioPass(s, window_ms) for s in container.streams.audio}
            video = list(container.streams.video[:1]) if shots else []
            threshold = rules["shot_change"]["scene_threshold"]["value"]
            shot_pass = _ShotPass(video[0], threshold) if video else None
            streams = [pass_.stream for pass_ in audio.values()] + video
            for stream, frame in decode_packets(container, streams):
                if stream.index in audio:
                    audio[stream.index].add(frame_samples(frame))
                elif shot_pass is not None:
                    shot_pass.add(frame)
            duration = container.duration
    except (DeliveryError, av.FFmpegError, ValueError) as error:
        raise SubtitleFormatError(
            "subtitles.media_unreadable", f"Média illisible : {reason(error)}"
        ) from None
    return ProgrammeScan(
        round(duration / 1000) if duration else None,
        window_ms,
        tuple(shot_pass.changes) if shot_pass else (),
        tuple(pass_.finish() for pass_ in audio.values()),
    )


def speech_segments(track: AudioTrack, window_ms: int) -> list[tuple[int, int]]:
    """Windows whose voice-band level stands out of the noise floor, merged into segments."""
    if not track.levels_db:
        return []
    above = media_rules()["unsubtitled_speech"]["energy_above_noise_db"]["value"]
    silence = AUDIO_DESCRIPTION.load().track.silence_dbfs.value
    levels = np.asarray(track.levels_db)
    floor = float(np.percentile(levels, 10))
    active = (levels > floor + above) & (levels > silence)
    segments: list[tuple[int, int]] = []
    for position in np.flatnonzero(active):
        start = int(position) * window_ms
        if segments and segments[-1][1] == start:
            segments[-1] = (segments[-1][0], start + window_ms)
        else:
            segments.append((start, start + window_ms))
    return segments
