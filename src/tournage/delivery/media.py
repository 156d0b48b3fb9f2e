"""Media access through PyAV (bundled FFmpeg): probing and decoding audio to float arrays."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
from numpy.typing import NDArray

from tournage.common.errors import reason
from tournage.delivery.errors import DeliveryError
from tournage.delivery.meter_settings import meter

# AVFieldOrder as declared by the container; TB/BT are named by the field displayed first
FIELD_ORDERS = {1: "progressive", 2: "tff", 3: "bff", 4: "bff", 5: "tff"}
COLOUR_NAMES = {
    1: "bt709",
    5: "bt470bg",
    6: "smpte170m",
    9: "bt2020",
    16: "smpte2084",
    18: "arib-std-b67",
}
UNSPECIFIED = "NONE"  # PyAV's name of a channel whose position the file does not give
PCM_DEPTH = re.compile(r"pcm_[su](\d+)")
# the WAV demuxer's packets are 4 KiB by default: 64 KiB means 16 times fewer Python calls;
# stream parameters are read from 1 s of packets (FFmpeg's default 5 s buffers 1.4 MiB more)
DEMUX_OPTIONS = {"max_size": "65536", "analyzeduration": "1000000"}


@dataclass
class VideoInfo:
    index: int
    codec: str
    profile: str | None
    width: int
    height: int
    frame_rate: float | None
    frame_rate_text: str | None
    pixel_format: str | None
    bit_depth: int | None
    chroma: str | None
    display_aspect: str | None
    field_order: str | None
    bit_rate: int | None
    colour_primaries: str | None
    transfer: str | None
    matrix: str | None


@dataclass
class AudioInfo:
    index: int
    codec: str
    channels: int
    layout: str
    channel_names: list[str]
    sample_rate: int
    bit_depth: int | None
    layout_assumed: bool = False  # no positions in the file: the format's default order


def default_channel_names(count: int, container: str) -> list[str] | None:
    """The order a stream without positions is read in (``data/delivery/meter.yaml``)."""
    if container.split(",")[0] == "wav":
        order = meter().channel_order.wav.value
        return list(order[:count]) if count <= len(order) else None
    if count == 0 or count > 24:
        return None
    try:
        return [channel.name for channel in av.AudioLayout(f"{count}c").channels]
    except ValueError:  # FFmpeg has no default layout for this count
        return None


@dataclass
class SubtitleInfo:
    index: int
    codec: str
    language: str | None
    for_deaf: bool  # flagged "captions" or "hearing impaired" (MP4 kind, Matroska flag)


@dataclass
class MediaInfo:
    path: str
    container: str
    size_bytes: int
    duration_s: float | None
    bit_rate: int | None
    start_timecode: str | None
    video: list[VideoInfo] = field(default_factory=list)
    audio: list[AudioInfo] = field(default_factory=list)
    subtitles: list[SubtitleInfo] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def open_media(path: Path) -> av.container.InputContainer:
    """Open a file for reading, turning every failure into a French message."""
    if not path.is_file():
        raise DeliveryError("file_not_found", f"Fichier introuvable : {path.name}")
    if path.stat().st_size == 0:
        raise DeliveryError("empty_file", f"Le fichier est vide : {path.name}")
    try:
        return av.open(str(path), mode="r", options=DEMUX_OPTIONS)
    except (av.FFmpegError, UnicodeDecodeError, OSError) as error:
        raise DeliveryError(
            "not_media",
            f"{path.name} n'est pas un fichier audio ou vidéo lisible ({reason(error)}).",
        ) from error


def _colour(value: int | None) -> str | None:
    return COLOUR_NAMES.get(value, str(value)) if value and value != 2 else None


def _video_info(stream: av.video.stream.VideoStream) -> VideoInfo:
    context = stream.codec_context
    rate = stream.average_rate or stream.guessed_rate
    pixel = context.format.name if context.format else None
    depth = (
        max((c.bits for c in context.format.components), default=None) if context.format else None
    )
    chroma = None
    if pixel:
        chroma = (
            "4:2:2"
            if "422" in pixel
            else "4:4:4"
            if "444" in pixel
            else "4:2:0"
            if "420" in pixel
            else None
        )
    dar = context.display_aspect_ratio or (
        Fraction(context.width, context.height) if context.width and context.height else None
    )
    return VideoInfo(
        index=stream.index,
        codec=context.name,
        profile=context.profile,
        width=context.width,
        height=context.height,
        frame_rate=float(rate) if rate else None,
        frame_rate_text=str(Fraction(rate)) if rate else None,
        pixel_format=pixel,
        bit_depth=depth,
        chroma=chroma,
        display_aspect=f"{dar.numerator}:{dar.denominator}" if dar else None,
        field_order=FIELD_ORDERS.get(int(context.field_order or 0)),
        bit_rate=stream.bit_rate or context.bit_rate or None,
        colour_primaries=_colour(context.color_primaries),
        transfer=_colour(context.color_trc),
        matrix=_colour(context.colorspace),
    )


def stream_channel_names(stream: Any, container: str | None = None) -> list[str]:
    """Channel positions of an audio stream; the format's default order when it has none."""
    names = [c.name for c in stream.codec_context.layout.channels]
    if names and all(name == UNSPECIFIED for name in names):
        format_name = container if container is not None else stream.container.format.name
        return default_channel_names(len(names), format_name) or names
    return names


def _audio_info(stream: av.audio.stream.AudioStream, container: str) -> AudioInfo:
    context = stream.codec_context
    depth = PCM_DEPTH.match(context.name)
    if depth is None and context.name.startswith("pcm_f"):
        depth = re.match(r"pcm_f(\d+)", context.name)
    names = [c.name for c in context.layout.channels]
    assumed = bool(names) and all(name == UNSPECIFIED for name in names)
    return AudioInfo(
        index=stream.index,
        codec=context.name,
        channels=context.channels,
        layout=context.layout.name,
        channel_names=stream_channel_names(stream, container),
        sample_rate=context.sample_rate,
        bit_depth=int(depth.group(1)) if depth else None,
        layout_assumed=assumed,
    )


def _subtitle_info(stream: Any) -> SubtitleInfo:
    deaf = av.stream.Disposition.captions | av.stream.Disposition.hearing_impaired
    return SubtitleInfo(
        index=stream.index,
        codec=stream.codec_context.name if stream.codec_context else "",
        language=stream.metadata.get("language"),
        for_deaf=bool(stream.disposition & deaf),
    )


def describe(container: av.container.InputContainer, path: Path) -> MediaInfo:
    """What the container and its streams declare (no decoding)."""
    timecode = container.metadata.get("timecode")
    for stream in container.streams:
        timecode = timecode or stream.metadata.get("timecode")
    duration = container.duration / av.time_base if container.duration else None
    return MediaInfo(
        path=str(path),
        container=container.format.name,
        size_bytes=path.stat().st_size,
        duration_s=round(duration, 3) if duration is not None else None,
        bit_rate=container.bit_rate or None,
        start_timecode=timecode,
        video=[_video_info(s) for s in container.streams.video],
        audio=[_audio_info(s, container.format.name) for s in container.streams.audio],
        subtitles=[_subtitle_info(s) for s in container.streams.subtitles],
    )


def probe(path: Path) -> MediaInfo:
    with open_media(path) as container:
        return describe(container, path)


SAMPLE_KINDS = {"u8": "u1", "s16": "i2", "s32": "i4", "s64": "i8", "flt": "f4", "dbl": "f8"}
SAMPLE_TYPES: dict[str, np.dtype[Any]] = {name: np.dtype(k) for name, k in SAMPLE_KINDS.items()}


def raw_samples(frame: av.AudioFrame) -> NDArray[Any]:
    """Decoded audio frame as (channels, n) in its own sample type, read from the frame's
    planes without a copy (a view that keeps the frame alive)."""
    name = frame.format.name
    dtype = SAMPLE_TYPES.get(name.removesuffix("p"))
    if dtype is None:  # a sample format numpy has no type for: PyAV's own conversion
        data: NDArray[Any] = frame.to_ndarray()
        return data if frame.format.is_planar else data.reshape(-1, frame.layout.nb_channels).T
    channels, samples = frame.layout.nb_channels, frame.samples
    if frame.format.is_planar:
        rows = [np.frombuffer(memoryview(p), dtype=dtype, count=samples) for p in frame.planes]
        return rows[0][None, :] if len(rows) == 1 else np.stack(rows)
    packed = np.frombuffer(memoryview(frame.planes[0]), dtype=dtype, count=samples * channels)
    return packed.reshape(samples, channels).T


def to_float(data: NDArray[Any]) -> NDArray[np.float32]:
    """Samples as float32, full scale = 1.0."""
    samples: NDArray[np.float32]
    if data.dtype == np.uint8:
        samples = ((data.astype(np.float32) - 128) / 128).astype(np.float32)
    elif data.dtype.kind == "i":
        samples = data.astype(np.float32)
        samples *= np.float32(1.0 / 2 ** (8 * data.dtype.itemsize - 1))
    else:
        samples = data.astype(np.float32, copy=False)
    return samples


def frame_samples(frame: av.AudioFrame) -> NDArray[np.float32]:
    """Decoded audio frame as (channels, n) float32, full scale = 1.0."""
    return to_float(raw_samples(frame))


class AudioAssembler:
    """Joins several audio streams (e.g. PAD mono tracks) into aligned (channels, n) blocks."""

    def __init__(
        self, stream_indexes: Sequence[int], channels: Sequence[int], min_block: int = 1
    ) -> None:
        self.min_block = min_block
        self.order = {index: position for position, index in enumerate(stream_indexes)}
        self.channels = list(channels)
        self.pending: list[list[NDArray[np.float32]]] = [[] for _ in stream_indexes]
        self.sizes = [0] * len(stream_indexes)

    def push(self, stream_index: int, samples: NDArray[np.float32]) -> NDArray[np.float32] | None:
        position = self.order[stream_index]
        self.pending[position].append(samples)
        self.sizes[position] += samples.shape[1]
        ready = min(self.sizes)
        return self._take(ready) if ready >= self.min_block else None

    def flush(self) -> NDArray[np.float32] | None:
        """What is left: shorter streams are padded with silence."""
        return self._take(max(self.sizes), pad=True)

    def _take(self, n: int, pad: bool = False) -> NDArray[np.float32] | None:
        if n == 0:
            return None
        parts = []
        for position, chunks in enumerate(self.pending):
            joined = (
                np.concatenate(chunks, axis=1)
                if chunks
                else np.zeros((self.channels[position], 0), np.float32)
            )
            if pad and joined.shape[1] < n:
                joined = np.pad(joined, ((0, 0), (0, n - joined.shape[1])))
            parts.append(joined[:, :n])
            rest = joined[:, n:]
            self.pending[position] = [rest] if rest.shape[1] else []
            self.sizes[position] = rest.shape[1]
        return np.concatenate(parts, axis=0) if len(parts) > 1 else parts[0]


def decode_packets(
    container: av.container.InputContainer,
    streams: Sequence[av.stream.Stream],
    coded_bytes: dict[int, int] | None = None,
) -> Iterator[tuple[av.stream.Stream, Any]]:
    """(stream, frame) pairs in file order; a damaged packet ends the read with a clear error.

    ``coded_bytes`` (stream index -> bytes) is filled as packets are read, for bit rates.
    """
    try:
        for packet in container.demux(*streams):
            if coded_bytes is not None:
                coded_bytes[packet.stream.index] = (
                    coded_bytes.get(packet.stream.index, 0) + packet.size
                )
            for frame in packet.decode():
                yield packet.stream, frame
    except av.FFmpegError as error:
        raise DeliveryError(
            "decode_error", f"Lecture interrompue : fichier endommagé ({reason(error)})."
        ) from error
