"""OpenTimelineIO documents built in the tests (written by the library, read by tournage)."""

from __future__ import annotations

from typing import Any


def timeline_json(rate: float = 25, *, nested: bool = False, start_hours: int = 1) -> bytes:
    """A small final cut: two picture clips, a music cue on an audio track after a gap."""
    import opentimelineio as otio

    def at(seconds: float) -> Any:
        return otio.opentime.RationalTime(round(seconds * rate), rate)

    def span(start: float, duration: float) -> Any:
        return otio.opentime.TimeRange(at(start), at(duration))

    timeline = otio.schema.Timeline(name="Avant la crue - final")
    timeline.global_start_time = at(3600 * start_hours)
    picture = otio.schema.Track(name="Image", kind=otio.schema.TrackKind.Video)
    picture.append(
        otio.schema.Clip(
            name="A003C012_SC01_T4",
            media_reference=otio.schema.ExternalReference(target_url="file:///rushes/A003C012.mov"),
            source_range=span(12, 8),
        )
    )
    picture.append(otio.schema.Clip(name="A005C002_SC02_T1", source_range=span(3, 20)))
    music = otio.schema.Track(name="Musique", kind=otio.schema.TrackKind.Audio)
    music.append(otio.schema.Gap(source_range=span(0, 4)))
    cue = otio.schema.Clip(
        name="Le Tarn la nuit",
        media_reference=otio.schema.ExternalReference(target_url="file:///musique/tarn.wav"),
        source_range=span(0, 18),
    )
    cue.metadata["cmx_3600"] = {"reel": "MUS01"}
    cue.metadata["compositeur"] = "Lise Arnal"
    if nested:
        inner = otio.schema.Stack(name="sous-séquence")
        inner_track = otio.schema.Track(kind=otio.schema.TrackKind.Audio)
        inner_track.append(cue)
        inner.append(inner_track)
        music.append(inner)
    else:
        music.append(cue)
    timeline.tracks.append(picture)
    timeline.tracks.append(music)
    return str(otio.adapters.write_to_string(timeline, "otio_json")).encode()
