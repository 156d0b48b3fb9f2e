"""Which audio tracks form the programme to measure, and measuring a file's loudness."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tournage.common.findings import Finding, Severity
from tournage.delivery.errors import DeliveryError
from tournage.delivery.loudness import LoudnessMeter, LoudnessResult, channel_weights
from tournage.delivery.media import (
    AudioAssembler,
    AudioInfo,
    decode_packets,
    default_channel_names,
    describe,
    frame_samples,
    open_media,
)

Progress = Callable[[float], None]
METER_BLOCK = 8192  # samples handed to the meter at least at once: small temporaries


@dataclass
class TrackSelection:
    """Audio streams measured together as one programme (1-based track numbers).

    ``assumed_order``: the channels carry no positions and were read in the format's
    default order (a warning: the weighting rests on it); None when the file says.
    """

    tracks: list[int]
    streams: list[AudioInfo]
    channel_names: list[str]
    assumed_order: list[str] | None = None

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
    names = [name for s in streams for name in s.channel_names]
    assumed = any(s.layout_assumed for s in streams)
    if len(streams) > 1 and all(s.channels == 1 for s in streams):
        # mono tracks carry no position: the default order of that many channels
        names = default_channel_names(len(streams), "") or names
        assumed = len(streams) > 2  # a leading pair is L R whatever its labels
    return TrackSelection(chosen, streams, names, names if assumed else None)


def tracks_text(tracks: Sequence[int]) -> str:
    numbers = ", ".join(str(t) for t in tracks)
    return f"piste {numbers}" if len(tracks) == 1 else f"pistes {numbers}"


def assumed_order_finding(selection: TrackSelection) -> Finding | None:
    """The warning that goes with a programme read in an assumed channel order."""
    if selection.assumed_order is None:
        return None
    order = " ".join(selection.assumed_order)
    return Finding(
        "delivery.channel_order_assumed",
        Severity.WARN,
        f"{tracks_text(selection.tracks).capitalize()} : le fichier ne donne pas la position "
        f"des canaux ; ils sont lus dans l'ordre par défaut du format ({order}) pour la "
        "pondération BS.1770.",
        source="meter.yaml: channel_order",
        subject=tracks_text(selection.tracks),
        evidence={"order": selection.assumed_order, "tracks": selection.tracks},
    )


def new_meter(
    selection: TrackSelection, true_peak_watch_dbtp: float | None = None, keep_series: bool = True
) -> LoudnessMeter:
    weights = channel_weights(selection.channel_names)
    return LoudnessMeter(
        selection.sample_rate,
        weights,
        true_peak_watch_dbtp=true_peak_watch_dbtp,
        keep_series=keep_series,
    )


def measure_file(
    path: Path, tracks: Sequence[int] | None = None, progress: Progress | None = None
) -> tuple[LoudnessResult, TrackSelection]:
    """Loudness of a file's programme, decoded in chunks (memory stays flat)."""
    with open_media(path) as container:
        info = describe(container, path)
        selection = select_tracks(info.audio, tracks)
        meter = new_meter(selection, keep_series=False)
        streams = [container.streams.audio[t - 1] for t in selection.tracks]
        assembler = AudioAssembler(
            [s.index for s in streams],
            [s.channels for s in selection.streams],
            METER_BLOCK,
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
