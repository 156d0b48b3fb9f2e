"""Which audio tracks form the programme to measure, and measuring a file's loudness."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tournage.delivery.errors import DeliveryError
from tournage.delivery.loudness import LoudnessMeter, LoudnessResult, channel_weights
from tournage.delivery.media import (
    AudioAssembler,
    AudioInfo,
    decode_packets,
    describe,
    frame_samples,
    open_media,
)

Progress = Callable[[float], None]
# channel roles of tracks given one mono channel each, in the EBU R 91 / WAV order
MONO_TRACK_ROLES = {2: ["FL", "FR"], 6: ["FL", "FR", "FC", "LFE", "SL", "SR"]}


@dataclass
class TrackSelection:
    """Audio streams measured together as one programme (1-based track numbers)."""

    tracks: list[int]
    streams: list[AudioInfo]
    channel_names: list[str]

    @property
    def sample_rate(self) -> int:
        return self.streams[0].sample_rate


def select_tracks(
    audio: Sequence[AudioInfo], tracks: Sequence[int] | None = None
) -> TrackSelection:
    """The given tracks, else the first one; two leading mono tracks make a stereo pair."""
    if not audio:
        raise DeliveryError("no_audio", "Le fichier ne contient aucune piste audio.")
    if tracks:
        if any(not 1 <= t <= len(audio) for t in tracks):
            raise DeliveryError(
                "bad_tracks",
                f"Pistes audio inexistantes : {list(tracks)} (le fichier en a {len(audio)}).",
            )
        chosen = list(tracks)
    elif audio[0].channels == 1 and len(audio) > 1 and audio[1].channels == 1:
        chosen = [1, 2]
    else:
        chosen = [1]
    streams = [audio[t - 1] for t in chosen]
    if len({s.sample_rate for s in streams}) > 1:
        raise DeliveryError(
            "mixed_rates", "Les pistes choisies n'ont pas la même fréquence d'échantillonnage."
        )
    if all(s.channels == 1 for s in streams) and len(streams) in MONO_TRACK_ROLES:
        names = MONO_TRACK_ROLES[len(streams)]
    else:
        names = [name for s in streams for name in s.channel_names]
    return TrackSelection(chosen, streams, names)


def new_meter(
    selection: TrackSelection, true_peak_watch_dbtp: float | None = None
) -> LoudnessMeter:
    weights = channel_weights(selection.channel_names)
    return LoudnessMeter(selection.sample_rate, weights, true_peak_watch_dbtp=true_peak_watch_dbtp)


def measure_file(
    path: Path, tracks: Sequence[int] | None = None, progress: Progress | None = None
) -> tuple[LoudnessResult, TrackSelection]:
    """Loudness of a file's programme, decoded in chunks (memory stays flat)."""
    with open_media(path) as container:
        info = describe(container, path)
        selection = select_tracks(info.audio, tracks)
        meter = new_meter(selection)
        streams = [container.streams.audio[t - 1] for t in selection.tracks]
        assembler = AudioAssembler(
            [s.index for s in streams],
            [s.channels for s in selection.streams],
            selection.sample_rate // 2,
        )
        duration = info.duration_s or 0.0
        for stream, frame in decode_packets(container, streams):
            block = assembler.push(stream.index, frame_samples(frame))
            if block is not None:
                meter.add(block)
                if progress and duration and frame.time is not None:
                    progress(min(1.0, frame.time / duration))
        rest = assembler.flush()
        if rest is not None:
            meter.add(rest)
    return meter.result(), selection
