"""The script model every parser produces and every other domain reads.

Public names here are stable (scheduling, carbon and labor read them): add fields
with defaults, never rename. The classes are ``tournage.common.records`` records, which
behave like the dataclasses they were (keyword or positional construction, mutable,
compared by value) without their import and creation cost: the command line's start-up
is timed. Inline emphasis is
kept as Fountain markup in ``Element.text`` (``*italic*``, ``**bold**``,
``_underline_``); ``Element.plain`` strips it.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from tournage.common.records import Record, field


class ElementKind(StrEnum):
    """What a paragraph of the script is."""

    SCENE_HEADING = "scene_heading"
    ACTION = "action"
    CHARACTER = "character"
    PARENTHETICAL = "parenthetical"
    DIALOGUE = "dialogue"
    LYRIC = "lyric"
    TRANSITION = "transition"
    CENTERED = "centered"
    PAGE_BREAK = "page_break"
    SECTION = "section"
    SYNOPSIS = "synopsis"
    NOTE = "note"


#: Kinds that take no room on the printed page.
NON_PRINTING = frozenset({ElementKind.SECTION, ElementKind.SYNOPSIS, ElementKind.NOTE})

# An emphasised span holds no unescaped marker of its own kind: each opening mark scans
# only up to the next such marker, so one pass is linear; nested spans come off one level
# a pass, innermost first (``_**x**_``), for at most ``_MAX_NESTING`` levels.
_EMPHASIS = re.compile(
    r"(?<!\\)(\*{1,3})(?=\S)((?:[^*\\\n]|\\.)+?)(?<=\S)(?<!\\)\1"
    r"|(?<!\\)_(?=\S)((?:[^_\\\n]|\\.)+?)(?<=\S)(?<!\\)_"
)
_MAX_NESTING = 6
_ESCAPE = re.compile(r"\\([*_\\])")


def _unmarked(match: re.Match[str]) -> str:
    inner = match.group(2)
    return inner if inner is not None else match.group(3)


def strip_emphasis(text: str) -> str:
    """Text without Fountain emphasis markers (escaped markers become literal)."""
    if "*" not in text and "_" not in text and "\\" not in text:
        return text
    for _ in range(_MAX_NESTING):
        stripped = _EMPHASIS.sub(_unmarked, text)
        if stripped == text:
            break
        text = stripped
    return _ESCAPE.sub(r"\1", text)


class Element(Record):
    """One paragraph: a heading, an action block, a cue, a speech line...

    ``character`` is set on CHARACTER, PARENTHETICAL, DIALOGUE (and LYRIC inside a
    speech) elements: the cue name without extension, so counts need no lookback.
    ``dual`` marks the second speech of a dual-dialogue pair (Fountain ``^``).
    ``depth`` is a section's level (number of ``#``); ``scene_number`` the number
    written on a SCENE_HEADING; ``confidence`` how sure the reader is of the kind (below
    1 for a heading a PDF marked only by its layout).
    """

    kind: ElementKind
    text: str
    character: str | None = None
    extension: str | None = None
    dual: bool = False
    depth: int = 0
    scene_number: str | None = None
    confidence: float = 1.0

    @property
    def plain(self) -> str:
        text = self.text
        return strip_emphasis(text) if "*" in text or "_" in text or "\\" in text else text


class BreakdownTag(Record):
    """An element of the breakdown (dépouillement) found in a scene.

    ``category`` is a key of ``data/screenplay/categories.yaml``; ``evidence`` is the
    words of the scene the tag comes from; ``source`` says how it was found
    (``cue``, ``mention``, ``caps``, ``dictionary``, ``nlp``, ``manual``).
    """

    category: str
    name: str
    evidence: str = ""
    confidence: float = 1.0
    source: str = "dictionary"

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "name": self.name,
            "evidence": self.evidence,
            "confidence": round(self.confidence, 2),
            "source": self.source,
        }


class RiskFlag(Record):
    """A safety risk of a scene (feeds the risk register); ``code`` from ``risks.yaml``."""

    code: str
    evidence: str = ""
    trigger: str = ""  # the word (or effet, or tag) that raised it

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "trigger": self.trigger, "evidence": self.evidence}


class Scene(Record):
    """A scene (séquence): heading split into *effet*, length and breakdown.

    ``index`` is the 1-based position in the script; ``number`` is the scene number
    as written (``#12A#`` or FDX ``Number``), ``None`` when the script has none.
    ``location`` is the whole place (``APPARTEMENT NADIA - CUISINE``), ``set_name``
    its first part (the *décor*), ``sub_location`` the rest.
    ``time`` is the time of day as written (``JOUR``), ``day_night`` its canonical key
    from ``times_of_day.yaml`` (``DAY``, ``NIGHT``, ``DAWN``...) or ``None``.
    ``eighths`` is our own pagination (a PDF's: its paper); ``fdx_eighths`` the length
    Final Draft stored. ``heading_confidence`` is below 1 when the heading was recognised
    by its layout only (a line in capitals in a PDF): the user reviews it.
    """

    index: int
    heading: str
    number: str | None = None
    int_ext: str | None = None
    location: str = ""
    set_name: str = ""
    sub_location: str | None = None
    time: str | None = None
    day_night: str | None = None
    page_start: int = 1
    eighths: int = 0
    fdx_eighths: int | None = None
    synopsis: str | None = None
    omitted: bool = False
    elements: list[Element] = field(default_factory=list)
    characters: list[str] = field(default_factory=list)
    non_speaking: list[str] = field(default_factory=list)
    tags: list[BreakdownTag] = field(default_factory=list)
    risks: list[RiskFlag] = field(default_factory=list)
    heading_confidence: float = 1.0

    @property
    def key(self) -> str:
        """Stable reference of the scene: its number, else its position."""
        return self.number if self.number is not None else str(self.index)

    @property
    def eighths_display(self) -> str:
        return format_eighths(self.eighths)

    def elements_by_category(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for tag in self.tags:
            names = grouped.setdefault(tag.category, [])
            if tag.name not in names:
                names.append(tag.name)
        return grouped

    def to_dict(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "number": self.number,
            "heading": self.heading,
            "int_ext": self.int_ext,
            "location": self.location,
            "time": self.time,
            "eighths": self.eighths,
            "characters": list(self.characters),
            "elements": self.elements_by_category(),
            "risks": [risk.to_dict() for risk in self.risks],
        }
        if self.fdx_eighths is not None:  # Final Draft's own length, to compare with ours
            document["fdx_eighths"] = self.fdx_eighths
        if self.heading_confidence < 1:  # a heading read from a PDF's layout, to review
            document["heading_confidence"] = self.heading_confidence
        return document


class Character(Record):
    """A character across the script; aliases are the cue variants merged into it.

    ``evidence`` says where it shows: its first cue, or the words that introduce it.
    """

    name: str
    aliases: list[str] = field(default_factory=list)
    scenes: list[str] = field(default_factory=list)
    speaking: bool = True
    dialogue_count: int = 0
    eighths: int = 0
    evidence: str = ""

    @property
    def scene_count(self) -> int:
        return len(self.scenes)

    @property
    def first_scene(self) -> str | None:
        return self.scenes[0] if self.scenes else None

    @property
    def last_scene(self) -> str | None:
        return self.scenes[-1] if self.scenes else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "speaking": self.speaking,
            "aliases": list(self.aliases),
            "scenes": list(self.scenes),
            "eighths": self.eighths,
            "dialogue_lines": self.dialogue_count,
            "evidence": self.evidence,
        }


class TitlePage(Record):
    """Title page entries as written (key → value, multi-line values joined by ``\\n``)."""

    entries: dict[str, str] = field(default_factory=dict)

    def get(self, key: str) -> str | None:
        wanted = key.casefold()
        for name, value in self.entries.items():
            if name.casefold() == wanted:
                return value
        return None

    @property
    def title(self) -> str | None:
        value = self.get("title")
        return strip_emphasis(value).replace("\n", " ").strip() if value else None


class Script(Record):
    """A parsed screenplay.

    ``preamble`` holds the elements before the first scene heading; ``pages`` is the
    paginated length in pages (eighths / 8); ``page_count`` the printed pages (a PDF's own
    pages when the script came from a PDF). ``source_format`` is ``fountain``,
    ``fdx`` or ``pdf``.
    """

    title_page: TitlePage = field(default_factory=TitlePage)
    scenes: list[Scene] = field(default_factory=list)
    preamble: list[Element] = field(default_factory=list)
    characters: list[Character] = field(default_factory=list)
    page_count: int = 0
    source_format: str = "fountain"

    @property
    def title(self) -> str | None:
        return self.title_page.title

    @property
    def pages(self) -> float:
        return sum(scene.eighths for scene in self.scenes if not scene.omitted) / 8

    def scene(self, key: str) -> Scene | None:
        return next((scene for scene in self.scenes if scene.key == key), None)

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of ``tournage script parse --json``."""
        return {
            "title": self.title,
            "pages": self.pages,
            "page_count": self.page_count,
            "scenes": [scene.to_dict() for scene in self.scenes if not scene.omitted],
            "characters": [character.to_dict() for character in self.characters],
        }


def format_eighths(eighths: int) -> str:
    """Industry notation: 12 → ``1 4/8``, 8 → ``1``, 3 → ``3/8``."""
    pages, rest = divmod(eighths, 8)
    if not rest:
        return str(pages)
    return f"{pages} {rest}/8" if pages else f"{rest}/8"


def parse_eighths(text: str) -> int | None:
    """Inverse of ``format_eighths`` (FDX ``Length`` values); ``None`` if unreadable."""
    match = re.fullmatch(r"\s*(?:(\d+)\s*)?(?:(\d+)\s*/\s*8)?\s*", text or "")
    if not match or not any(match.groups()):
        return None
    return int(match.group(1) or 0) * 8 + int(match.group(2) or 0)
