"""The rushes and takes log: one canonical take record read from Avid ALE, DaVinci
Resolve metadata CSV, CMX 3600 EDL and OpenTimelineIO files, and written back as ALE
and CSV for the editor.

Column names come from ``data/followup/takes_log.yaml`` (its ``mapping``); bounds from
``followup.yaml``. Any refusal is a ``FollowupError`` naming the line; nothing partial
is returned from a bad file.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import PurePath
from typing import Any

from tournage.common.exports import SafeCsvWriter
from tournage.editorial import EditorialError, Timeline, TrackKind, format_timecode, read_timeline
from tournage.followup.errors import FollowupError
from tournage.followup.tables import FOLLOWUP, TAKES

TRUE = {"1", "true", "yes", "y", "oui", "x", "*", "circled", "good"}
ALE_SECTIONS = ("heading", "column", "data")


@dataclass(frozen=True)
class Take:
    """The canonical take record (takes_log.yaml, mapping)."""

    scene: str
    shot: str
    take: str
    camera_roll: str = ""
    clip_name: str = ""
    tc_in: str = ""
    tc_out: str = ""
    sound_roll: str = ""
    selected: bool = False
    comments: str = ""

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.scene, self.shot, self.take, self.camera_roll)


FIELDS = tuple(f.name for f in fields(Take))
# canonical field -> attribute of Take (the data names the circled flag and comments so)
ATTRIBUTE = {"circled": "selected", "file_name": "clip_name"}


@dataclass(frozen=True)
class TakesLog:
    format: str
    takes: tuple[Take, ...]
    warnings: tuple[str, ...] = ()

    def summary(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "takes": len(self.takes),
            "scenes": len({t.scene for t in self.takes}),
            "selected": sum(t.selected for t in self.takes),
            "warnings": list(self.warnings),
        }


def read_takes(content: bytes, filename: str) -> TakesLog:
    """The takes of an ``.ale``, ``.csv``, ``.edl`` or ``.otio`` file."""
    suffix = PurePath(filename).suffix.lower()
    limits = FOLLOWUP.load().imports
    if len(content) > limits.max_bytes:
        raise FollowupError(
            "takes.too_large",
            f"Fichier trop volumineux ({len(content)} octets ; maximum {limits.max_bytes}).",
        )
    if not content.strip():
        raise FollowupError("takes.empty", "Le fichier est vide.")
    if suffix == ".ale":
        return TakesLog("ale", _ale(_text(content)))
    if suffix == ".csv":
        return TakesLog("resolve_csv", _resolve_csv(_text(content)))
    if suffix in (".edl", ".otio"):
        try:
            timeline = read_timeline(content, filename)
        except EditorialError as error:
            raise FollowupError("takes.edit", error.message) from error
        return takes_from_timeline(timeline)
    raise FollowupError(
        "takes.format",
        f"Extension « {suffix[:10]} » non prise en charge : ALE, CSV (Resolve), EDL ou OTIO.",
    )


def _text(content: bytes) -> str:
    if b"\x00" in content:
        raise FollowupError(
            "takes.binary", "Le fichier est binaire : un journal texte est attendu."
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FollowupError("takes.encoding", "Encodage illisible.")  # pragma: no cover - cp1252


def _columns(fmt: str) -> dict[str, str]:
    """Lower-case column name -> attribute of Take, for ``fmt``."""
    known: dict[str, str] = {}
    for name, canonical in _spellings(fmt):
        known.setdefault(name.lower(), canonical)
    return known


def _spellings(fmt: str) -> list[tuple[str, str]]:
    """(column name, attribute of Take) pairs of ``fmt``, in the data's order."""
    pairs = ((name, ATTRIBUTE.get(field, field)) for name, field in TAKES.load().spellings(fmt))
    return [(name, attribute) for name, attribute in pairs if attribute in FIELDS]


def _ale(text: str) -> tuple[Take, ...]:
    """Heading, Column and Data sections, tab-separated (FIELD_DELIM TABS)."""
    lines = text.splitlines()
    marks = {line.strip().lower(): n for n, line in enumerate(lines) if line.strip()}
    if any(section not in marks for section in ALE_SECTIONS):
        raise FollowupError(
            "takes.ale_structure",
            "Fichier ALE incomplet : sections Heading, Column et Data attendues.",
        )
    column_at = marks["column"] + 1
    if column_at >= len(lines) or marks["data"] <= column_at:
        raise FollowupError("takes.ale_structure", "Fichier ALE : ligne des colonnes absente.")
    header = lines[column_at].split("\t")
    rows = (
        (n + 1, line.split("\t"))
        for n, line in enumerate(lines[marks["data"] + 1 :], start=marks["data"] + 1)
        if line.strip()
    )
    return _records(header, rows, "ale")


def _resolve_csv(text: str) -> tuple[Take, ...]:
    limits = FOLLOWUP.load().imports
    csv.field_size_limit(limits.max_cell_chars * 4)
    try:
        reader = csv.reader(io.StringIO(text))
        header = next(reader, [])
        rows = [(reader.line_num, row) for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as error:
        raise FollowupError("takes.csv", f"CSV illisible : {error}.") from error
    return _records(header, iter(rows), "resolve_csv")


def _records(
    header: Sequence[str], rows: Iterable[tuple[int, list[str]]], fmt: str
) -> tuple[Take, ...]:
    limits = FOLLOWUP.load().imports
    if len(header) > limits.max_columns:
        raise FollowupError("takes.columns", f"Trop de colonnes ({len(header)}).")
    known = _columns(fmt)
    index = {
        known[n.strip().lower()]: i for i, n in enumerate(header) if n.strip().lower() in known
    }
    missing = [name for name in ("scene", "take") if name not in index]
    if missing:
        raise FollowupError(
            "takes.columns_missing",
            f"Colonnes absentes : {', '.join(missing)} (en-tête : {', '.join(header[:12])}).",
        )
    takes: list[Take] = []
    for line, row in rows:
        if len(takes) >= limits.max_rows:
            raise FollowupError("takes.rows", f"Plus de {limits.max_rows} prises : fichier refusé.")
        takes.append(_take(row, index, line, limits.max_cell_chars))
    if not takes:
        raise FollowupError("takes.no_rows", "Aucune prise dans le fichier.")
    return tuple(takes)


def _take(row: list[str], index: Mapping[str, int], line: int, max_chars: int) -> Take:
    values: dict[str, Any] = {}
    for attribute, column in index.items():
        cell = row[column].strip() if column < len(row) else ""
        if len(cell) > max_chars:
            raise FollowupError("takes.cell", f"Ligne {line} : cellule trop longue.", line=line)
        values[attribute] = cell.lower() in TRUE if attribute == "selected" else cell
    if not values.get("scene") or not values.get("take"):
        raise FollowupError("takes.row", f"Ligne {line} : séquence ou prise manquante.", line=line)
    values.setdefault("shot", "")
    return Take(**values)


def takes_from_timeline(timeline: Timeline) -> TakesLog:
    """Picture clips of an edit: each names a take used, hence selected. Clips whose name
    does not carry scene, shot and take (followup.yaml clip_name_pattern) are listed."""
    rules = FOLLOWUP.load()
    pattern = re.compile(rules.clip_name_pattern, re.IGNORECASE)
    takes: dict[tuple[str, str, str, str], Take] = {}
    unnamed = []
    for clip in timeline.clips:
        if clip.kind is not TrackKind.VIDEO:
            continue
        match = pattern.match(clip.name) or pattern.match(PurePath(clip.source_file).stem)
        if match is None:
            unnamed.append(clip.name or clip.reel)
            continue
        take = Take(
            scene=match["scene"].upper(),
            shot=match["shot"].upper(),
            take=match["take"],
            camera_roll=clip.reel,
            clip_name=clip.name,
            tc_in=format_timecode(clip.source_in, timeline.rate, timeline.drop_frame),
            tc_out=format_timecode(clip.source_out, timeline.rate, timeline.drop_frame),
            selected=True,
            comments=" ".join(clip.comments)[:500],
        )
        takes.setdefault(take.key, take)
    warnings = list(timeline.warnings)
    if unnamed:
        warnings.append(
            f"{len(unnamed)} plan(s) sans séquence-plan-prise dans le nom : "
            + ", ".join(unnamed[:5])
        )
    if not takes:
        raise FollowupError(
            "takes.no_rows",
            "Aucun plan du montage ne porte séquence, plan et prise dans son nom (ex. « 12-3-2 »).",
        )
    return TakesLog(timeline.format, tuple(takes.values()), tuple(warnings))


def export_csv(takes: Sequence[Take]) -> bytes:
    """Resolve-style CSV for the editor (cells neutralised by tournage.common.exports)."""
    names = _export_names("resolve_csv")
    stream = io.StringIO()
    writer = SafeCsvWriter(stream)
    writer.writerow(names.keys())
    writer.writerows([_cell(t, a) for a in names.values()] for t in takes)
    return stream.getvalue().encode("utf-8")


def export_ale(takes: Sequence[Take], fps: str = "25") -> bytes:
    """An ALE with Heading, Column and Data sections, tab-delimited."""
    names = _export_names("ale")
    lines = ["Heading", "FIELD_DELIM\tTABS", "VIDEO_FORMAT\t1080", f"FPS\t{fps}", "", "Column"]
    lines.append("\t".join(names.keys()))
    lines += ["", "Data"]
    for take in takes:
        lines.append("\t".join(_clean(_cell(take, a)) for a in names.values()))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _export_names(fmt: str) -> dict[str, str]:
    """First column name of each Take attribute in ``fmt``, as the data spells it."""
    names: dict[str, str] = {}
    for name, attribute in _spellings(fmt):
        if attribute not in names.values():
            names[name] = attribute
    return names


def _cell(take: Take, attribute: str) -> str:
    value = asdict(take)[attribute]
    if isinstance(value, bool):
        return "True" if value else ""
    return str(value)


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")
