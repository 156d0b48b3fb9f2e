"""Synthetic signals and media: test tones, a programme-like signal, a short demo master.

Used by the tests, the benchmarks and the demo production, so nothing big is committed.
"""

from __future__ import annotations

import fractions
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import av
import numpy as np
from numpy.typing import NDArray
from scipy.signal import butter, sosfilt


def sine(
    freq: float, amplitude: float, duration_s: float, rate: int, phase_deg: float = 0.0
) -> NDArray[np.float64]:
    """A sine; ``amplitude`` is the peak (1.0 = full scale), as EBU Tech 3341 counts levels."""
    t = np.arange(round(duration_s * rate)) / rate
    wave: NDArray[np.float64] = amplitude * np.sin(2 * np.pi * freq * t + np.radians(phase_deg))
    return wave


def db_to_amplitude(dbfs: float) -> float:
    return float(10 ** (dbfs / 20))


def programme_chunks(
    duration_s: float, rate: int = 48000, channels: int = 2, chunk_s: float = 10.0, seed: int = 7
) -> Iterator[NDArray[np.float32]]:
    """Programme-like signal: low-passed noise, RMS level drawn per chunk in -38..-22 dB."""
    rng = np.random.default_rng(seed)
    smooth = butter(2, 4000, fs=rate, output="sos")
    state = np.zeros((smooth.shape[0], channels, 2))
    total = round(duration_s * rate)
    size = round(chunk_s * rate)
    for start in range(0, total, size):
        noise, state = sosfilt(
            smooth, rng.standard_normal((channels, min(size, total - start))), zi=state
        )
        level = db_to_amplitude(float(rng.uniform(-38, -22))) / float(np.std(noise))
        yield np.clip(noise * level, -1, 1).astype(np.float32)


def _audio_frames(samples: NDArray[np.floating], rate: int, frame: int) -> Iterator[av.AudioFrame]:
    layout = {1: "mono", 2: "stereo", 6: "5.1"}[samples.shape[0]]
    for start in range(0, samples.shape[1], frame):
        block = np.ascontiguousarray(samples[:, start : start + frame], dtype=np.float32)
        out = av.AudioFrame.from_ndarray(block, format="fltp", layout=layout)
        out.sample_rate = rate
        out.pts = start
        yield out


LumaAt = Callable[[int], NDArray[np.floating]]


def _video_stream(
    container: Any,
    codec: str,
    fps: int,
    size: tuple[int, int],
    pix_fmt: str,
    interlaced: bool,
    bit_rate: int,
) -> Any:
    video = container.add_stream(codec, rate=fps)
    video.width, video.height = size
    video.pix_fmt = pix_fmt
    video.bit_rate = bit_rate
    context = video.codec_context
    context.color_primaries = context.color_trc = context.colorspace = 1  # BT.709
    if codec == "mpeg2video":  # long GOP as in the PAD: N=12, M=3 (IBBP)
        context.gop_size, context.max_b_frames = 12, 2
    if interlaced:  # top field first, as the French PAD asks
        context.options = {"flags": "+ilme+ildct", "top": "1"}
    return video


def _video_frame(luma: NDArray[np.floating], pix_fmt: str) -> av.VideoFrame:
    height, width = luma.shape
    chroma_rows = height // 2 if pix_fmt.startswith("yuv420") else height
    chroma = np.full(2 * chroma_rows * (width // 2), 128, dtype=np.uint8)
    planes = np.concatenate([np.clip(luma, 0, 255).astype(np.uint8).ravel(), chroma])
    return av.VideoFrame.from_ndarray(planes.reshape(-1, width), format=pix_fmt)


def write_media(
    path: Path,
    tracks: Sequence[NDArray[np.floating]],
    luma_at: LumaAt | None = None,
    frames: int = 0,
    fps: int = 25,
    codec: str = "mpeg2video",
    audio_codec: str = "pcm_s24le",
    container_format: str | None = None,
    pix_fmt: str = "yuv420p",
    interlaced: bool = False,
    rate: int = 48000,
    bit_rate: int = 50_000_000,  # near-lossless on small test pictures (and the PAD's rate)
) -> None:
    """Write audio tracks (each (channels, n) floats) and ``frames`` pictures from ``luma_at``."""
    with av.open(str(path), "w", format=container_format) as container:
        video: Any = None
        if luma_at is not None and frames:
            first = luma_at(0)
            video = _video_stream(
                container,
                codec,
                fps,
                (first.shape[1], first.shape[0]),
                pix_fmt,
                interlaced,
                bit_rate,
            )
        layouts = {1: "mono", 2: "stereo", 6: "5.1"}
        audio: list[Any] = [
            container.add_stream(audio_codec, rate=rate, layout=layouts[t.shape[0]]) for t in tracks
        ]
        for index in range(frames if video is not None else 0):
            frame = _video_frame(luma_at(index), pix_fmt)  # type: ignore[misc]
            frame.pts, frame.time_base = index, fractions.Fraction(1, fps)
            container.mux(video.encode(frame))
        for stream, samples in zip(audio, tracks, strict=True):
            for audio_frame in _audio_frames(samples, rate, 1920):
                container.mux(stream.encode(audio_frame))
        for stream in [*([video] if video is not None else []), *audio]:
            container.mux(stream.encode(None))


def write_master(
    path: Path,
    duration_s: float = 4.0,
    size: tuple[int, int] = (320, 180),
    fps: int = 25,
    tracks: int = 1,
    level_dbfs: float = -23.0,
    **options: Any,
) -> None:
    """A short master: a moving gradient after a half-second black head, a 1 kHz tone per track.

    ``tracks`` mono PCM tracks when > 1 (PAD style), else one stereo track.
    """
    width, height = size
    ramp = np.linspace(16, 235, width)
    black = np.full((height, width), 16.0)

    def luma_at(index: int) -> NDArray[np.floating]:
        if index < fps // 2:
            return black
        return np.broadcast_to(np.roll(ramp, index * 4), (height, width))

    tone = sine(1000, db_to_amplitude(level_dbfs), duration_s, 48000)
    channels = 1 if tracks > 1 else 2
    write_media(
        path,
        [np.tile(tone, (channels, 1))] * tracks,
        luma_at,
        round(duration_s * fps),
        fps,
        **options,
    )
