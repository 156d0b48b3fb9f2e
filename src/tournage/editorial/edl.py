"""CMX 3600 edit decision lists.

An event line reads ``number reel channels type [frames] src-in src-out rec-in rec-out``;
the comment lines below it (``* FROM CLIP NAME:``, ``* SOURCE FILE:``, ``* LOC:``…), an
``M2`` speed change and ``AUD 3 4`` extra audio channels belong to it. One event with
several channels becomes one ``Clip`` per track. Codes, comment names and limits come
from ``data/editorial/formats.yaml``; an unreadable event line is refused with its line
number, anything else unknown is kept as a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from types import MappingProxyType

from tournage.editorial.errors import EditorialError
from tournage.editorial.model import Clip, Timeline, TrackKind
from tournage.editorial.rules import FORMATS
from tournage.editorial.text import decode_text
from tournage.editorial.timecode import FrameRate, parse_timecode

_TC = r"\d{1,2}[:;.]\d{2}[:;.]\d{2}[:;.,]\d{2,3}"
_EVENT = re.compile(
    rf"^(\d{{1,6}})\s+(\S+)\s+(\S+)\s+([A-Z]{{1,2}}\d{{0,3}})(?:\s+(\d{{1,4}}))?"
    rf"\s+({_TC})\s+({_TC})\s+({_TC})\s+({_TC})\s*$"
)
_EVENT_START = re.compile(r"^\d{1,6}\s")
_COMMENT = re.compile(r"^\*\s*([A-Z_ ]+?)\s*:\s*(.*)$")
_M2 = re.compile(rf"^M2\s+(\S+)\s+(-?\d+(?:\.\d+)?)\s+({_TC})\s*$")
_AUD = re.compile(r"^AUD\s+(\d{1,2})(?:\s+(\d{1,2}))?\s*$")
_EXTRA_AUDIO = re.compile(r"^A(\d{1,2})$")


@dataclass
class _Event:
    number: int
    reel: str
    tracks: list[str]
    transition: str
    transition_frames: int | None
    times: tuple[int, int, int, int]
    line: int
    comments: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    speed: Decimal | None = None


def read_edl(content: bytes, rate: FrameRate) -> Timeline:
    """The timeline of a CMX 3600 EDL at ``rate`` (EDLs carry no frame rate)."""
    limits = FORMATS.load().limits
    text = decode_text(content, "EDL")
    reader = _Reader(rate)
    for number, raw in enumerate(text.splitlines(), start=1):
        if len(raw) > limits.max_line_chars:
            raise EditorialError(
                "editorial.line_too_long",
                f"Ligne {number} : plus de {limits.max_line_chars} caractères, "
                "ce n'est pas une EDL.",
                line=number,
            )
        reader.feed(raw.strip(), number)
        if len(reader.events) > limits.max_events:
            raise EditorialError(
                "editorial.too_many_events",
                f"Plus de {limits.max_events} événements : liste refusée.",
                line=number,
            )
    return reader.timeline()


class _Reader:
    def __init__(self, rate: FrameRate) -> None:
        self.rate = rate
        self.rules = FORMATS.load().cmx3600
        self.title = ""
        self.drop_frame = False
        self.events: list[_Event] = []
        self.warnings: list[str] = []

    def feed(self, line: str, number: int) -> None:
        if not line:
            return
        upper = line.upper()
        if upper.startswith("TITLE:"):
            self.title = line[6:].strip()[:200]
        elif upper.startswith("FCM:"):
            self._fcm(upper[4:].strip(), number)
        elif _EVENT_START.match(line):
            self.events.append(self._event(line, number))
        elif line.startswith("*"):
            self._comment(line, number)
        elif upper.startswith("M2"):
            self._motion(line, number)
        elif upper.startswith("AUD"):
            self._audio(upper, number)
        else:
            self.warnings.append(f"Ligne {number} ignorée : « {line[:60]} ».")

    def _fcm(self, value: str, number: int) -> None:
        if value == self.rules.drop_frame:
            if not self.rate.dropped:
                self.warnings.append(
                    f"Ligne {number} : drop frame impossible à {self.rate.label} images "
                    "par seconde, ignoré."
                )
            self.drop_frame = self.rate.dropped > 0
        elif value == self.rules.non_drop_frame:
            self.drop_frame = False
        else:
            self.warnings.append(f"Ligne {number} : FCM « {value[:30]} » inconnu, ignoré.")

    def _event(self, line: str, number: int) -> _Event:
        match = _EVENT.match(line)
        if match is None:
            raise EditorialError(
                "editorial.event",
                f"Ligne {number} : événement illisible (attendu : numéro, bobine, pistes, "
                "transition, entrée et sortie source, entrée et sortie enregistrement).",
                line=number,
            )
        event_number, reel, channels, kind, frames, *codes = match.groups()
        transition = self._transition(kind, number)
        try:
            times = tuple(parse_timecode(code, self.rate, self.drop_frame) for code in codes)
        except EditorialError as error:
            raise EditorialError(
                error.code, f"Ligne {number} : {error.message}", line=number
            ) from None
        source_in, source_out, record_in, record_out = times
        if source_out < source_in or record_out < record_in:
            raise EditorialError(
                "editorial.negative",
                f"Ligne {number} : une sortie précède son entrée.",
                line=number,
            )
        return _Event(
            number=int(event_number),
            reel=reel,
            tracks=self._tracks(channels.upper(), number),
            transition=transition,
            transition_frames=int(frames) if frames else None,
            times=(source_in, source_out, record_in, record_out),
            line=number,
        )

    def _transition(self, kind: str, number: int) -> str:
        known = kind in self.rules.edit_types
        wipe = kind.startswith(self.rules.wipe_prefix) and kind[1:].isdigit()
        if not (known or wipe):
            raise EditorialError(
                "editorial.edit_type",
                f"Ligne {number} : type de transition « {kind} » inconnu.",
                line=number,
            )
        return kind

    def _tracks(self, channels: str, number: int) -> list[str]:
        if channels in self.rules.channels:
            return [_track(code) for code in self.rules.channels[channels]]
        extra = _EXTRA_AUDIO.match(channels)
        if extra and self.rules.extra_audio_channels:
            return [f"A{int(extra.group(1))}"]
        raise EditorialError(
            "editorial.channels",
            f"Ligne {number} : pistes « {channels[:12]} » inconnues.",
            line=number,
        )

    def _last(self, number: int, what: str) -> _Event | None:
        if not self.events:
            self.warnings.append(f"Ligne {number} : {what} avant tout événement, ignoré.")
            return None
        return self.events[-1]

    def _comment(self, line: str, number: int) -> None:
        event = self._last(number, "commentaire")
        if event is None:
            return
        match = _COMMENT.match(line)
        key = match.group(1).strip().upper() if match else ""
        name = self.rules.comments.get(key)
        if match and name:
            event.metadata[name] = match.group(2).strip()[:500]
        else:
            event.comments.append(line.lstrip("* ").strip()[:500])

    def _motion(self, line: str, number: int) -> None:
        match = _M2.match(line)
        event = self._last(number, "M2")
        if event is None:
            return
        if match is None:
            self.warnings.append(f"Ligne {number} : M2 illisible, ignoré.")
            return
        try:
            fps = Decimal(match.group(2))
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            return
        event.speed = (fps / Decimal(self.rate.nominal)).quantize(Decimal("0.001"))

    def _audio(self, line: str, number: int) -> None:
        match = _AUD.match(line)
        event = self._last(number, "AUD")
        if event is None:
            return
        if match is None:
            self.warnings.append(f"Ligne {number} : AUD illisible, ignoré.")
            return
        for channel in match.groups():
            if channel and f"A{int(channel)}" not in event.tracks:
                event.tracks.append(f"A{int(channel)}")

    def timeline(self) -> Timeline:
        if not self.events:
            raise EditorialError(
                "editorial.no_event", "Aucun événement lisible : ce fichier n'est pas une EDL."
            )
        clips = [clip for event in self.events for clip in self._clips(event)]
        self._overlaps(clips)
        return Timeline(
            title=self.title,
            format="edl",
            rate=self.rate,
            drop_frame=self.drop_frame,
            clips=tuple(clips),
            warnings=tuple(self.warnings[:200]),
        )

    def _overlaps(self, clips: list[Clip]) -> None:
        """Warn where two events use the same track at once (the second hides the first)."""
        last: dict[str, Clip] = {}
        for clip in sorted(clips, key=lambda c: (c.track, c.record_in, c.record_out)):
            before = last.get(clip.track)
            if before is not None and clip.record_in < before.record_out and clip.duration:
                self.warnings.append(
                    f"Ligne {clip.line} : l'événement {clip.number} chevauche l'événement "
                    f"{before.number} sur la piste {clip.track}."
                )
            if clip.duration:
                last[clip.track] = clip

    def _clips(self, event: _Event) -> list[Clip]:
        source_in, source_out, record_in, record_out = event.times
        name = event.metadata.get("clip_name", "")
        if event.transition != "C" and "to_clip_name" in event.metadata:
            name = event.metadata["to_clip_name"]
        if event.speed is None and (source_out - source_in) != (record_out - record_in):
            self.warnings.append(
                f"Ligne {event.line} : durées source et enregistrement différentes sans M2."
            )
        base = Clip(
            number=event.number,
            track="",
            kind=TrackKind.VIDEO,
            reel=event.reel,
            source_in=source_in,
            source_out=source_out,
            record_in=record_in,
            record_out=record_out,
            name=name,
            source_file=event.metadata.get("source_file", ""),
            transition=event.transition,
            transition_frames=event.transition_frames,
            speed=event.speed,
            comments=tuple(event.comments[:50]),
            metadata=MappingProxyType(dict(event.metadata)),
            line=event.line,
        )
        kind = {True: TrackKind.VIDEO, False: TrackKind.AUDIO}
        return [
            replace(base, track=track, kind=kind[track.startswith("V")]) for track in event.tracks
        ]


def _track(code: str) -> str:
    return "V1" if code == "V" else code
