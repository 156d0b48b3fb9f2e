"""Short synthetic programmes for the media checks (numpy + PyAV, a few seconds, tiny frames)."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np

RATE = 48_000
FPS = 25


def tone_bursts(seconds: float, bursts: list[tuple[float, float]], amplitude: float) -> np.ndarray:
    """1 kHz tone, amplitude-modulated like syllables, inside the given (start, end) seconds."""
    t = np.arange(int(seconds * RATE)) / RATE
    signal = np.random.default_rng(1).normal(0, 1e-4, t.size)  # quiet room tone
    for start, end in bursts:
        inside = (t >= start) & (t < end)
        syllables = 0.6 + 0.4 * np.sin(2 * np.pi * 4 * t[inside])
        signal[inside] += amplitude * syllables * np.sin(2 * np.pi * 1000 * t[inside])
    return signal.astype(np.float32)


def write_programme(
    path: Path,
    seconds: float,
    cut_at: float,
    main: np.ndarray,
    ad: np.ndarray | None = None,
    ad_title: str = "Audiodescription",
) -> Path:
    """Matroska with a 64x36 video (black, then white after ``cut_at``) and PCM audio."""
    with av.open(str(path), "w", format="matroska") as container:
        video = container.add_stream("mpeg4", rate=FPS)
        video.width, video.height, video.pix_fmt = 64, 36, "yuv420p"
        tracks = [(container.add_stream("pcm_s16le", rate=RATE, layout="mono"), main)]
        if ad is not None:
            stream = container.add_stream("pcm_s16le", rate=RATE, layout="mono")
            stream.metadata["title"] = ad_title
            tracks.append((stream, ad))
        for number in range(int(seconds * FPS)):
            shade = 255 if number / FPS >= cut_at else 0
            frame = av.VideoFrame.from_ndarray(np.full((36, 64, 3), shade, np.uint8), "rgb24")
            container.mux(video.encode(frame))
        container.mux(video.encode())
        for stream, samples in tracks:
            pcm = (np.clip(samples, -1, 1) * 32767).astype(np.int16).reshape(1, -1)
            for start in range(0, pcm.shape[1], 4800):
                frame = av.AudioFrame.from_ndarray(pcm[:, start : start + 4800], "s16", "mono")
                frame.sample_rate = RATE
                container.mux(stream.encode(frame))
            container.mux(stream.encode())
    return path
