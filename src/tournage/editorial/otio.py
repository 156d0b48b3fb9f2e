"""OpenTimelineIO files (``.otio``, JSON) through the ``opentimelineio`` library.

The document is parsed and measured (depth, item count) by Python's JSON reader first, so
a hostile file is refused before the library's own parser sees it. Every clip of every
track, nested stacks included, becomes a ``Clip`` with its range in the whole timeline.

The library itself runs in a child process (``python -m tournage.editorial.otio``): its
C++ reader ends the process on some malformed documents (a segmentation fault, found by
atheris, on schema versions and on truncated objects that JSON still accepts), which in
the web server would kill the worker serving the upload. A child that dies, or takes more
than ``CHILD_TIMEOUT`` seconds, is a refusal like any other.
"""

from __future__ import annotations

import copyreg
import json
import os
import pickle
import re
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tournage.editorial.errors import EditorialError
from tournage.editorial.model import Clip, Timeline, TrackKind
from tournage.editorial.rules import FORMATS
from tournage.editorial.text import decode_text
from tournage.editorial.timecode import FrameRate, frame_rate

_INVALID = "Fichier OpenTimelineIO invalide"
MAX_FRAMES = 10**10  # a thousand hours at 60 fps: anything beyond is a damaged value


CHILD_TIMEOUT = 60


def read_otio(content: bytes, rate: FrameRate | None) -> Timeline:
    """The first timeline of an ``.otio`` document; ``rate`` is used when it has none."""
    import tournage

    package_root = str(Path(tournage.__file__).parents[1])
    try:
        child = subprocess.run(
            [sys.executable, "-m", "tournage.editorial.otio"],
            input=pickle.dumps((content, rate)),
            capture_output=True,
            timeout=CHILD_TIMEOUT,
            env={**os.environ, "PYTHONPATH": package_root},
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise EditorialError(
            "editorial.otio_invalid", f"{_INVALID} : lecture trop longue."
        ) from error
    if child.returncode != 0:
        raise EditorialError(
            "editorial.otio_invalid",
            f"{_INVALID} : la bibliothèque OpenTimelineIO s'est arrêtée sur ce fichier.",
        )
    try:
        outcome, value = pickle.loads(child.stdout)  # noqa: S301 - written by our own child
    except (pickle.UnpicklingError, EOFError, ValueError) as error:  # nothing, or cut short
        raise EditorialError(
            "editorial.otio_invalid", f"{_INVALID} : la lecture n'a rien rendu."
        ) from error
    if outcome == "error":
        code, message, context = value
        raise EditorialError(code, message, **context)
    result: Timeline = value
    return result


def _child() -> None:
    """The child's side: the document from stdin, the timeline (or the refusal) to stdout."""
    content, rate = pickle.loads(sys.stdin.buffer.read())  # noqa: S301 - from our parent
    try:
        outcome: tuple[str, Any] = ("ok", read_in_process(content, rate))
    except EditorialError as error:
        outcome = ("error", (error.code, error.message, error.context))
    # the module under its own name (this one runs as __main__): the parent finds _proxy
    from tournage.editorial.otio import _proxy

    pickler = pickle.Pickler(sys.stdout.buffer)
    pickler.dispatch_table = {  # the model's read-only metadata travels as a plain dict
        **copyreg.dispatch_table,
        MappingProxyType: lambda proxy: (_proxy, (dict(proxy),)),
    }
    pickler.dump(outcome)


def _proxy(values: dict[str, Any]) -> MappingProxyType[str, Any]:
    return MappingProxyType(values)


def read_in_process(content: bytes, rate: FrameRate | None) -> Timeline:
    """``read_otio`` in this process: only for the child (the library may end it)."""
    text = decode_text(content, "OpenTimelineIO")
    import opentimelineio as otio

    _measure(text, otio.core.type_version_map())

    try:
        document = otio.adapters.read_from_string(text, adapter_name="otio_json")
    except Exception as error:  # the library raises its own and builtin types on bad input
        raise EditorialError(
            "editorial.otio_invalid", f"{_INVALID} : {str(error)[:160]}."
        ) from error
    timeline = _timeline_in(document, otio)
    try:
        return _read(timeline, rate, otio)
    except EditorialError:
        raise
    except Exception as error:  # a clip without range, a rate of zero...
        raise EditorialError(
            "editorial.otio_invalid", f"{_INVALID} : {str(error)[:160]}."
        ) from error


def _measure(text: str, versions: dict[str, int]) -> None:
    limits = FORMATS.load().limits
    try:
        document = json.loads(text, object_pairs_hook=_unique_keys)
    except RecursionError as error:
        raise EditorialError(
            "editorial.otio_depth", f"{_INVALID} : imbrication excessive."
        ) from error
    except EditorialError:
        raise
    except ValueError as error:
        raise EditorialError("editorial.otio_json", f"{_INVALID} : JSON illisible.") from error
    if not isinstance(document, dict):
        raise EditorialError("editorial.otio_invalid", f"{_INVALID} : objet JSON attendu.")
    items = 0
    stack: list[tuple[Any, int]] = [(document, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limits.max_json_depth:
            raise EditorialError("editorial.otio_depth", f"{_INVALID} : imbrication excessive.")
        children = node.values() if isinstance(node, dict) else node
        if isinstance(node, dict) and "OTIO_SCHEMA" in node:
            _check_schema(node, versions)
        if isinstance(node, dict | list):
            items += 1
            if items > limits.max_otio_items * 20:
                raise EditorialError(
                    "editorial.too_many_events", f"{_INVALID} : document trop volumineux."
                )
            stack.extend((child, depth + 1) for child in children)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose names are all different: the library's reader crashes the
    process on some repeated ones (two ``media_references`` in a clip: a segmentation
    fault, found by atheris), and Python's reader would keep only the last."""
    document: dict[str, Any] = {}
    for name, value in pairs:
        if name in document:
            raise EditorialError(
                "editorial.otio_json",
                f"{_INVALID} : la clé « {name[:40]} » apparaît deux fois dans un même objet.",
            )
        document[name] = value
    return document


_SCHEMA = re.compile(r"([A-Za-z_]\w*)\.([1-9]\d{0,3})")


def _check_schema(node: dict[str, Any], versions: dict[str, int]) -> None:
    """Only schema versions the library reads as they are, and ``Clip.1`` of older files
    without ``Clip.2``'s fields: ``Clip.0``, or a ``Clip.1`` carrying ``media_references``,
    made the library's upgrade code crash the whole process (segmentation fault, found by
    atheris). A schema the library does not know is read as an unknown object."""
    label = node["OTIO_SCHEMA"]
    match = _SCHEMA.fullmatch(label) if isinstance(label, str) else None
    if match is not None:
        name, version = match.group(1), int(match.group(2))
        current = versions.get(name)
        older_clip = (name, version) == ("Clip", 1) and "media_references" not in node
        if current is None or version == current or older_clip:
            return
    raise EditorialError(
        "editorial.otio_invalid", f"{_INVALID} : schéma « {str(label)[:40]} » non pris en charge."
    )


def _timeline_in(document: Any, otio: Any) -> Any:
    if isinstance(document, otio.schema.Timeline):
        return document
    if isinstance(document, otio.schema.SerializableCollection):
        for child in document:
            if isinstance(child, otio.schema.Timeline):
                return child
    raise EditorialError(
        "editorial.otio_no_timeline", "Le fichier OpenTimelineIO ne contient aucune timeline."
    )


def _read(timeline: Any, rate: FrameRate | None, otio: Any) -> Timeline:
    start = timeline.global_start_time
    clips = list(_clips(timeline, otio))
    rate = _rate(start, clips, rate)
    offset = _frames(start, rate) if start is not None else 0
    limit = FORMATS.load().limits.max_otio_items
    if len(clips) > limit:
        raise EditorialError(
            "editorial.too_many_events", f"Plus de {limit} plans : timeline refusée."
        )
    result = []
    for track_name, kind, rank, clip, track in clips:
        source = clip.trimmed_range()
        placed = clip.transformed_time_range(source, track)
        source_in = _frames(source.start_time, rate)
        record_in = offset + _frames(placed.start_time, rate)
        source_length, record_length = (
            _frames(source.duration, rate),
            _frames(placed.duration, rate),
        )
        if source_length < 0 or record_length < 0:
            raise EditorialError(
                "editorial.negative",
                f"{_INVALID} : le plan « {str(clip.name)[:60]} » a une durée négative.",
            )
        media = clip.media_reference
        result.append(
            Clip(
                number=rank,
                track=track_name,
                kind=kind,
                reel=_reel(clip),
                source_in=source_in,
                source_out=source_in + source_length,
                record_in=record_in,
                record_out=record_in + record_length,
                name=str(clip.name or "")[:300],
                source_file=str(getattr(media, "target_url", "") or "")[:500],
                speed=_speed(clip, otio),
                metadata=MappingProxyType(_strings(clip.metadata)),
            )
        )
    return Timeline(
        title=str(timeline.name or "")[:200],
        format="otio",
        rate=rate,
        drop_frame=False,
        clips=tuple(sorted(result, key=lambda c: (c.record_in, c.track))),
    )


def _clips(timeline: Any, otio: Any) -> Iterator[tuple[str, TrackKind, int, Any, Any]]:
    counters = {TrackKind.VIDEO: 0, TrackKind.AUDIO: 0}
    for track in timeline.tracks:
        if not isinstance(track, otio.schema.Track):
            continue
        kind = TrackKind.AUDIO if track.kind == otio.schema.TrackKind.Audio else TrackKind.VIDEO
        counters[kind] += 1
        name = f"{'A' if kind is TrackKind.AUDIO else 'V'}{counters[kind]}"
        for rank, clip in enumerate(track.find_clips(), start=1):
            yield name, kind, rank, clip, track


def _rate(start: Any, clips: list[Any], given: FrameRate | None) -> FrameRate:
    for time in (start, *(c[3].trimmed_range().duration for c in clips[:1])):
        if time is not None and time.rate > 0:
            return frame_rate(str(time.rate))
    return given or frame_rate(None)


def _frames(time: Any, rate: FrameRate) -> int:
    value = float(time.value_rescaled_to(float(rate.fps)))
    if not abs(value) < MAX_FRAMES:  # NaN too
        raise EditorialError("editorial.otio_time", f"{_INVALID} : temps hors limites.")
    return round(value)


def _reel(clip: Any) -> str:
    cmx = clip.metadata.get("cmx_3600")
    reel = cmx.get("reel") if hasattr(cmx, "get") else None
    return str(reel or "")[:100]


def _speed(clip: Any, otio: Any) -> Decimal | None:
    for effect in clip.effects:
        if isinstance(effect, otio.schema.LinearTimeWarp):
            return Decimal(str(effect.time_scalar)).quantize(Decimal("0.001"))
    return None


def _strings(metadata: Any) -> dict[str, str]:
    """Top-level text values of a clip's metadata (nested dictionaries are dropped)."""
    kept = {}
    for key in list(metadata.keys())[:50]:
        value = metadata[key]
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            kept[str(key)[:80]] = str(value)[:300]
    return kept


if __name__ == "__main__":
    _child()
