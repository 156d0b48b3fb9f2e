"""One decode pass over a master: video frames and every audio track read once, together."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from tournage.delivery.detectors import (
    AudioBlocks,
    Runs,
    Segment,
    VideoDetector,
    VideoLevels,
    luma_and_chroma,
)
from tournage.delivery.flashes import FlashDetector, FlashReport
from tournage.delivery.loudness import LoudnessResult
from tournage.delivery.media import (
    AudioAssembler,
    MediaInfo,
    decode_packets,
    describe,
    open_media,
    raw_samples,
    to_float,
)
from tournage.delivery.meter_settings import meter
from tournage.delivery.profiles import r103_levels
from tournage.delivery.programme import TrackSelection, new_meter, select_tracks

Progress = Callable[[float], None]
PICTURE_TYPES = {1: "I", 2: "P", 3: "B"}  # AVPictureType
BATCH_S = 0.5  # audio analysed per half second of each track (memory: 8 tracks x 24,000 samples)


@dataclass
class VideoReport:
    frames: int = 0
    interlaced_frames: int = 0
    picture_types: str = ""  # first frames' I/P/B sequence, for the GOP structure
    coded_bytes: int = 0
    black: list[Segment] = field(default_factory=list)
    freeze: list[Segment] = field(default_factory=list)
    out_of_range: list[Segment] = field(default_factory=list)
    worst_luma_out_percent: float = 0.0
    worst_gamut_out_percent: float = 0.0
    levels_series: list[tuple[float, float, float]] = field(
        default_factory=list
    )  # per second: min, max, out %
    flashes: FlashReport = field(default_factory=FlashReport)
    start_s: float | None = None  # time of the first picture (A/V sync)

    def gop(self) -> dict[str, int | None]:
        """N (distance between I pictures) and M (distance between anchor pictures)."""
        types = self.picture_types
        intra = [i for i, t in enumerate(types) if t == "I"]
        anchors = [i for i, t in enumerate(types) if t in "IP"]
        n = intra[1] - intra[0] if len(intra) > 1 else None
        m = max((b - a for a, b in pairwise(anchors)), default=None)
        return {"n": n, "m": m}


@dataclass
class TrackReport:
    track: int
    peak_dbfs: float | None
    silent: bool
    clipping: list[Segment]
    start_s: float | None = None  # time of its first sample (A/V sync)
    duration_s: float = 0.0  # samples decoded / sample rate


@dataclass
class Analysis:
    info: MediaInfo
    selection: TrackSelection | None
    loudness: LoudnessResult | None
    video: VideoReport | None
    tracks: list[TrackReport]
    silence: list[Segment]
    phase_correlation: float | None
    phase_events: list[Segment]


class VideoPass:
    """Per-frame statistics and black / freeze / out-of-range segments of the first video stream."""

    def __init__(self) -> None:
        conf = meter()
        black, freeze = conf.detectors.black, conf.detectors.freeze
        self.black_runs = Runs(black.min_duration_s.value)
        self.freeze_runs = Runs(freeze.min_duration_s.value)
        self.out_runs = Runs(0.0)
        self.freeze_noise = freeze.noise.value
        self.black_conf = black
        self.grid = conf.video_analysis
        self.detector: VideoDetector | None = None
        self.report = VideoReport()
        self.flashes = FlashDetector()
        self.allowance = r103_levels().area_allowance_percent.value
        self.second: list[tuple[float, float, float]] = []

    def _detector(self, frame: Any) -> VideoDetector:
        bits = frame.format.components[0].bits
        scale = 4.0 if bits > 8 else 1.0
        table = r103_levels()
        tolerated = table.tolerated_10bit if bits > 8 else table.tolerated_8bit
        levels = VideoLevels(
            tolerated.min,
            tolerated.max,
            table.matrix_bt709.kr,
            table.matrix_bt709.kb,
            self.grid.luma_grid_step.value,
            self.grid.gamut_grid_step.value,
            scale,
        )
        black_code = (16 + self.black_conf.pixel_threshold.value * 219) * scale
        return VideoDetector(levels, black_code, self.black_conf.picture_ratio.value)

    def add(self, frame: Any, frame_s: float) -> None:
        if frame.format.name.startswith(("rgb", "bgr", "gbr", "gray")) or len(frame.planes) < 3:
            frame = frame.reformat(format="yuv444p")
        self.detector = self.detector or self._detector(frame)
        planes = luma_and_chroma(frame)  # read once, for every detector
        stats = self.detector.frame(frame, planes)
        report = self.report
        start = report.frames * frame_s
        end = start + frame_s
        self.flashes.add(frame, start, end, planes)
        report.frames += 1
        report.interlaced_frames += int(frame.interlaced_frame)
        if len(report.picture_types) < 100:
            report.picture_types += PICTURE_TYPES.get(int(frame.pict_type), "?")
        self.black_runs.add(stats.black, start, end)
        self.freeze_runs.add(stats.difference < self.freeze_noise, start, end)
        worst = max(stats.luma_out_percent, stats.gamut_out_percent)
        self.out_runs.add(worst > self.allowance, start, end)
        report.worst_luma_out_percent = max(report.worst_luma_out_percent, stats.luma_out_percent)
        report.worst_gamut_out_percent = max(
            report.worst_gamut_out_percent, stats.gamut_out_percent
        )
        self.second.append((stats.luma_min, stats.luma_max, worst))
        if len(self.second) * frame_s >= 1.0 - 1e-9:
            self._flush_second()

    def _flush_second(self) -> None:
        if self.second:
            lows, highs, outs = zip(*self.second, strict=True)
            self.report.levels_series.append((min(lows), max(highs), max(outs)))
            self.second = []

    def finish(self) -> VideoReport:
        self._flush_second()
        self.report.black = self.black_runs.finish()
        self.report.freeze = self.freeze_runs.finish()
        self.report.out_of_range = self.out_runs.finish()
        self.report.flashes = self.flashes.finish()
        return self.report


def _silence(blocks: AudioBlocks, block_s: float) -> tuple[list[Segment], bool]:
    conf = meter().detectors.silence
    runs = Runs(conf.min_duration_s.value)
    levels = blocks.rms_db
    for index, level in enumerate(levels):
        runs.add(level < conf.level_dbfs.value, index * block_s, (index + 1) * block_s)
    segments = runs.finish()
    silent = bool(levels) and all(level < conf.level_dbfs.value for level in levels)
    return segments, silent


def _block_segments(indexes: set[int], block_s: float) -> list[Segment]:
    segments: list[Segment] = []
    for index in sorted(indexes):
        if segments and abs(segments[-1].end_s - index * block_s) < 1e-9:
            segments[-1].end_s = (index + 1) * block_s
        else:
            segments.append(Segment(index * block_s, (index + 1) * block_s))
    return segments


def _phase(blocks: AudioBlocks, block_s: float) -> tuple[float | None, list[Segment]]:
    if not blocks.correlation:
        return None, []
    sums = np.asarray(blocks.correlation)
    total = sums.sum(axis=0)
    overall = float(total[0] / np.sqrt(total[1] * total[2])) if total[1] * total[2] > 0 else None
    conf = meter()
    threshold = conf.detectors.phase.min_correlation.value
    runs = Runs(conf.audio_analysis.phase_min_duration_s.value)
    with np.errstate(invalid="ignore", divide="ignore"):
        per_block = sums[:, 0] / np.sqrt(sums[:, 1] * sums[:, 2])
    for index, value in enumerate(per_block):
        runs.add(bool(value < threshold), index * block_s, (index + 1) * block_s)
    return overall, runs.finish()


class AudioPass:
    """Every track's blocks, plus the programme (selected tracks) for loudness and phase."""

    def __init__(
        self, container: Any, selection: TrackSelection | None, watch_dbtp: float | None
    ) -> None:
        conf = meter()
        self.block_s = conf.audio_analysis.block_s.value
        clip_level = conf.audio_analysis.clipping_level.value
        clip_run = conf.detectors.clipping.consecutive_full_scale_samples.value
        self.streams = list(container.streams.audio)
        self.tracks = {
            s.index: AudioBlocks(
                s.codec_context.sample_rate,
                s.codec_context.channels,
                self.block_s,
                clip_level,
                clip_run,
            )
            for s in self.streams
        }
        self.selection = selection
        self.starts: dict[int, float | None] = {}
        self.samples: dict[int, int] = {}
        self.batches: dict[int, list[Any]] = {}  # decoded frames not analysed yet, per track
        self.pending: dict[int, int] = {}  # their samples
        self.meter = new_meter(selection, watch_dbtp) if selection else None
        chosen = [self.streams[t - 1] for t in selection.tracks] if selection else []
        rate = selection.sample_rate if selection else 1
        channels = len(selection.channel_names) if selection else 1
        self.programme = AudioBlocks(rate, channels, self.block_s, 2.0, clip_run)
        self.assembler = AudioAssembler(
            [s.index for s in chosen], [s.codec_context.channels for s in chosen], max(1, rate // 2)
        )

    def add(self, stream_index: int, frame: Any) -> None:
        """Frames wait in a batch of ``BATCH_S`` per track: the per-block statistics and the
        float conversion then run once per batch instead of once per (40 ms) frame."""
        samples = raw_samples(frame)
        self.starts.setdefault(stream_index, frame.time)
        self.samples[stream_index] = self.samples.get(stream_index, 0) + samples.shape[1]
        batch = self.batches.setdefault(stream_index, [])
        batch.append(samples)
        self.pending[stream_index] = self.pending.get(stream_index, 0) + samples.shape[1]
        if self.pending[stream_index] >= self.tracks[stream_index].rate * BATCH_S:
            self._flush(stream_index)

    def _flush(self, stream_index: int) -> None:
        batch = self.batches.pop(stream_index, [])
        self.pending[stream_index] = 0
        if not batch:
            return
        samples = to_float(batch[0] if len(batch) == 1 else np.concatenate(batch, axis=1))
        self.tracks[stream_index].add(samples)
        if stream_index in self.assembler.order:
            self._programme(self.assembler.push(stream_index, samples))

    def _programme(self, block: Any) -> None:
        if block is not None and self.meter is not None:
            self.meter.add(block)
            self.programme.add(block)

    def finish(
        self,
    ) -> tuple[
        LoudnessResult | None, list[TrackReport], list[Segment], float | None, list[Segment]
    ]:
        for stream in self.streams:
            self._flush(stream.index)
        if self.selection:
            self._programme(self.assembler.flush())
        reports = []
        for number, stream in enumerate(self.streams, start=1):
            blocks = self.tracks[stream.index]
            _, silent = _silence(blocks, self.block_s)
            peak = 20 * float(np.log10(blocks.peak)) if blocks.peak > 0 else None
            clipping = _block_segments(blocks.clip_blocks, self.block_s)
            duration = self.samples.get(stream.index, 0) / blocks.rate
            start = self.starts.get(stream.index)
            reports.append(TrackReport(number, peak, silent, clipping, start, duration))
        silence, _ = _silence(self.programme, self.block_s) if self.meter else ([], False)
        phase, phase_events = _phase(self.programme, self.block_s)
        loudness = self.meter.result() if self.meter else None
        return loudness, reports, silence, phase, phase_events


def analyse(
    path: Path,
    tracks: Sequence[int] | None = None,
    progress: Progress | None = None,
    true_peak_limit_dbtp: float | None = None,
) -> Analysis:
    """Probe and analyse a master in one read; never writes to the file.

    ``true_peak_limit_dbtp``: chunks above it are listed as events.
    """
    with open_media(path) as container:
        info = describe(container, path)
        selection = select_tracks(info.audio, tracks) if info.audio else None
        audio = AudioPass(container, selection, true_peak_limit_dbtp)
        video_stream = container.streams.video[0] if container.streams.video else None
        video = VideoPass() if video_stream is not None else None
        frame_s = 0.04
        if video_stream is not None:
            video_stream.thread_type = "AUTO"
            frame_s = 1 / float(video_stream.average_rate or 25)
        duration = info.duration_s or 0.0
        streams = ([video_stream] if video_stream is not None else []) + audio.streams
        coded: dict[int, int] = {}
        for stream, frame in decode_packets(container, streams, coded):
            if stream.type == "video" and video is not None:
                if video.report.start_s is None:
                    video.report.start_s = frame.time
                video.add(frame, frame_s)
            else:
                audio.add(stream.index, frame)
            if progress and duration and frame.time is not None:
                progress(min(1.0, frame.time / duration))
        loudness, track_reports, silence, phase, phase_events = audio.finish()
        if video is not None and video_stream is not None:
            video.report.coded_bytes = coded.get(video_stream.index, 0)
    return Analysis(
        info=info,
        selection=selection,
        loudness=loudness,
        video=video.finish() if video else None,
        tracks=track_reports,
        silence=silence,
        phase_correlation=phase,
        phase_events=phase_events,
    )
