"""The music cue sheet (relevé des œuvres musicales), read from the final edit.

Music cues are the audio clips of a ``tournage.editorial`` timeline that sit on the
music tracks named at import, or whose name, file or comment starts with a marker of
``cuesheet.yaml`` (``MUS``, ``MUSIC``...). Each cue keeps its record in/out; the sheet
adds work, authors, publishers and usage, and is compared with the clearance register:
a cue without a usable licence, a licence whose music is not in the edit.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from tournage.common.exports import SafeCsvWriter, append_row
from tournage.common.findings import Finding, Severity
from tournage.common.formatting import format_duration
from tournage.editorial import Clip, FrameRate, Timeline, TrackKind, format_timecode
from tournage.editorial.timecode import seconds
from tournage.rights.clearances import ClearanceFacts, normalise
from tournage.rights.errors import RightsError
from tournage.rights.rules import CLEARANCES, CUESHEET

_AUDIO_SUFFIX = re.compile(r"\.(wav|aiff?|mp3|flac|m4a|bwf)$", re.IGNORECASE)


@dataclass(frozen=True)
class Cue:
    number: int
    name: str  # the edit's name, marker removed
    track: str
    record_in: int  # frames
    record_out: int
    work: str = ""
    authors: str = ""
    publishers: str = ""
    recording: str = ""
    usage: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def duration(self) -> int:
        return self.record_out - self.record_in

    @property
    def key(self) -> str:
        return normalise(self.name)


def _marked(text: str) -> bool:
    """``text`` starts with a music marker (``MUS``, ``MUS01``, ``MUSIC_``…)."""
    upper = text.strip().upper()
    return any(
        upper.startswith(marker) and not upper[len(marker) : len(marker) + 1].isalpha()
        for marker in CUESHEET.load().markers
    )


def _cue_name(clip: Clip, tracks: frozenset[str]) -> str | None:
    """The music's name when ``clip`` is a music cue (marked, or on a music track)."""
    texts = (clip.reel, clip.name, clip.source_file, *clip.comments)
    if clip.track.upper() not in tracks and not any(_marked(t) for t in texts if t):
        return None
    name = clip.name or PurePath(clip.source_file).name or clip.reel
    return _AUDIO_SUFFIX.sub("", name).strip() or clip.reel


def cues_from(timeline: Timeline, tracks: Iterable[str] = ()) -> list[Cue]:
    """The music cues of ``timeline`` in programme order; the channels of one recording
    (a stereo pair on A1 and A2) make one cue."""
    chosen = frozenset(t.upper() for t in tracks)
    found: dict[tuple[str, int, int], list[str]] = {}
    for clip in sorted(timeline.clips, key=lambda c: (c.record_in, c.track)):
        if clip.kind is not TrackKind.AUDIO or clip.duration <= 0:
            continue
        name = _cue_name(clip, chosen)
        if name is not None:
            found.setdefault((name, clip.record_in, clip.record_out), []).append(clip.track)
    limit = CUESHEET.load().max_cues
    if len(found) > limit:
        raise RightsError("rights.cues_too_many", f"Plus de {limit} musiques dans le montage.")
    if not found:
        raise RightsError(
            "rights.no_cue",
            "Aucune musique trouvée dans le montage : nommez les pistes musique à l'import "
            "ou préfixez les bobines ou les clips de « MUS ».",
        )
    return [
        Cue(number, name, "+".join(tracks_), start, end)
        for number, ((name, start, end), tracks_) in enumerate(found.items(), start=1)
    ]


def merged(cues: Sequence[Cue], known: Sequence[Cue]) -> list[Cue]:
    """New cues of a re-imported edit keep what was typed for the same music before."""
    by_key = {c.key: c for c in known}
    out = []
    for cue in cues:
        old = by_key.get(cue.key)
        if old is None:
            out.append(cue)
            continue
        out.append(
            replace(
                cue,
                work=old.work,
                authors=old.authors,
                publishers=old.publishers,
                recording=old.recording,
                usage=old.usage,
            )
        )
    return out


def _music(items: Iterable[ClearanceFacts]) -> list[ClearanceFacts]:
    types = CLEARANCES.load().music_types
    return [i for i in items if i.type in types]


def _matches(cue: Cue, item: ClearanceFacts) -> bool:
    """The item names the cue's music (its subject within the edit's name, or its work)."""
    subject = normalise(item.subject)
    return bool(subject) and (subject in cue.key or subject == normalise(cue.work))


def uncleared(cues: Sequence[Cue], items: Iterable[ClearanceFacts]) -> list[Cue]:
    """Cues of the edit with no usable music licence."""
    music = _music(items)
    return [c for c in cues if not any(_matches(c, i) and i.usable for i in music)]


def absent_from_edit(cues: Sequence[Cue], items: Iterable[ClearanceFacts]) -> list[ClearanceFacts]:
    """Granted music licences whose music is not in the edit."""
    return [
        i for i in _music(items) if i.status == "granted" and not any(_matches(c, i) for c in cues)
    ]


def sheet_findings(sheet: Sequence[Cue], edit: Sequence[Cue]) -> list[Finding]:
    """The stored cue sheet against the latest edit: every cue listed, timings within the
    tolerance, the required columns filled."""
    table = CUESHEET.load()
    level = Severity.for_rule("warn", uncertain=table.uncertain)
    found = []
    for cue in edit:
        twin = next(
            (s for s in sheet if s.key == cue.key and _close(s, cue, table.tolerance_frames)), None
        )
        if twin is None:
            found.append(
                Finding(
                    "CUE-MISSING",
                    level,
                    f"« {cue.name} » ({cue.track}) absent du relevé ou minutage différent.",
                    table.source,
                    cue.name,
                )
            )
    for cue in sheet:
        empty = [c for c in table.required if not str(getattr(cue, c)).strip()]
        if empty:
            found.append(
                Finding(
                    "CUE-FIELDS",
                    level,
                    f"« {cue.name} » : {', '.join(empty)} à compléter.",
                    table.source,
                    cue.name,
                    {"missing": empty},
                )
            )
    return found


def _close(a: Cue, b: Cue, tolerance: int) -> bool:
    return (
        abs(a.record_in - b.record_in) <= tolerance
        and abs(a.record_out - b.record_out) <= tolerance
    )


def rows(cues: Sequence[Cue], rate: FrameRate, drop_frame: bool = False) -> list[list[str]]:
    """The sheet as text rows, header first (columns and usages from ``cuesheet.yaml``)."""
    table = CUESHEET.load()
    usages = {u.id: u.fr for u in table.usages}
    out = [[c.fr for c in table.columns]]
    for cue in cues:
        values = {
            "number": str(cue.number),
            "work": cue.work or cue.name,
            "authors": cue.authors,
            "publishers": cue.publishers,
            "recording": cue.recording,
            "usage": usages.get(cue.usage, cue.usage),
            "record_in": format_timecode(cue.record_in, rate, drop_frame),
            "record_out": format_timecode(cue.record_out, rate, drop_frame),
            "duration": format_duration(seconds(cue.duration, rate)),
        }
        out.append([values[c.id] for c in table.columns])
    return out


def to_csv(table: Sequence[Sequence[str]]) -> bytes:
    stream = io.StringIO()
    SafeCsvWriter(stream, delimiter=";").writerows(table)
    return stream.getvalue().encode("utf-8-sig")  # Excel reads the accents with a BOM


def to_xlsx(table: Sequence[Sequence[str]], title: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Relevé des œuvres"[:31]
    append_row(sheet, [title])
    for row in table:
        append_row(sheet, row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_pdf(table: Sequence[Sequence[str]], title: str) -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import SimpleDocTemplate

    from tournage.common import pdf

    styles = getSampleStyleSheet()
    out = io.BytesIO()
    document = SimpleDocTemplate(out, pagesize=landscape(A4), title=title, lang="fr-FR")
    cells = [[pdf.text(value, styles["BodyText"]) for value in row] for row in table]
    document.build(
        [
            pdf.text(f"Relevé des œuvres musicales — {title}", styles["Heading1"]),
            pdf.table(cells, repeatRows=1),
        ]
    )
    return out.getvalue()
