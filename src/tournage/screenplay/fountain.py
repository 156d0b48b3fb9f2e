"""Fountain 1.1 parser: text → title page + flat list of elements.

Paragraph-based: the text is cut into blocks at blank lines, each block is classified
by its first line (forcing marks first, then the capitalisation heuristics), then its
remaining lines. Boneyard (``/* */``) is dropped and notes (``[[ ]]``) are lifted out
before splitting, because both may span lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

from tournage.screenplay.heading import HEADING_PREFIX
from tournage.screenplay.model import Element, ElementKind, TitlePage

_BONEYARD = re.compile(r"/\*.*?\*/", re.DOTALL)
# A note may cover several lines but not a truly empty one (Fountain: use two spaces).
_NOTE = re.compile(r"\[\[((?:(?!\n\n).)*?)\]\]", re.DOTALL)
_NUL = re.compile("\x00")
_NOTE_MARK = re.compile(r"\x00(\d+)\x00")
_SCENE_NUMBER = re.compile(r"\s*#([\w.\-]+)#\s*$")
_TITLE_KEY = re.compile(r"^([^\s:][^:\n]*):[ \t]*(.*)$")
_PAGE_BREAK = re.compile(r"^={3,}$")
_SOFT_BLANK = "  "

Block = list[str]


def parse_fountain(text: str) -> tuple[TitlePage, list[Element]]:
    """Parse Fountain text (BOM and CRLF tolerant). Never raises on odd input."""
    text = text.lstrip("\ufeff")
    # Single-character scans are much cheaper than the replacements and regex passes
    # they guard, which find nothing in most scripts.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "/" in text:
        text = _BONEYARD.sub("", text)
    if _NUL.search(text):  # twice as fast as ``in`` on text beyond Latin-1
        text = text.replace("\x00", "")
    notes: list[str] = []

    def lift(match: re.Match[str]) -> str:
        notes.append(match.group(1).strip())
        return f"\x00{len(notes) - 1}\x00"

    if "[" in text:
        text = _NOTE.sub(lift, text)
    lines = text.split("\n")
    title_page, body_start = _title_page(lines)
    elements: list[Element] = []
    parse = _parse_block if not notes else _with_notes_parser(notes)
    block: Block = []
    soft_blank = _SOFT_BLANK
    # Paragraphs are runs of lines between blank lines (a two-space line is not blank);
    # cut inline and parsed straight into ``elements``: this loop runs once per line.
    for raw in islice(lines, body_start, None):
        line = raw.rstrip()
        if line:
            block.append(line)
        elif raw == soft_blank:
            block.append(raw)
        elif block:
            parse(block, elements)
            block = []
    if block:
        parse(block, elements)
    return title_page, elements


def _with_notes_parser(notes: list[str]) -> Callable[[Block, list[Element]], None]:
    """``_parse_block`` followed by ``_with_notes`` on what the paragraph produced."""

    def parse(block: Block, elements: list[Element]) -> None:
        start = len(elements)
        _parse_block(block, elements)
        elements[start:] = _with_notes(elements[start:], notes)

    return parse


def _title_page(lines: list[str]) -> tuple[TitlePage, int]:
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    entries: dict[str, str] = {}
    key: str | None = None
    position = start
    while position < len(lines) and lines[position].strip():
        line = lines[position]
        match = _TITLE_KEY.match(line) if not line[:1].isspace() else None
        if match:
            key = match.group(1).strip()
            entries[key] = match.group(2).strip()
        elif key is None:
            return TitlePage(), 0
        else:
            entries[key] = "\n".join(filter(None, (entries[key], line.strip())))
        position += 1
    if _is_transition_only(entries):
        return TitlePage(), 0
    return TitlePage(entries), position


def _is_transition_only(entries: dict[str, str]) -> bool:
    """``FADE IN:`` alone on the first line opens the script, it is no title page."""
    if len(entries) != 1:
        return False
    key, value = next(iter(entries.items()))
    return not value and key.upper() == key


_MARK_CHARS = frozenset("=#~!.>@")  # first characters that force a kind


def _with_notes(elements: list[Element], notes: list[str]) -> list[Element]:
    """Replace note marks: a block of notes becomes NOTE elements; inline ones follow it."""
    result: list[Element] = []
    trailing: list[Element] = []
    for element in elements:
        found = [int(number) for number in _NOTE_MARK.findall(element.text)]
        if not found:
            result.append(element)
            continue
        rest = _NOTE_MARK.sub("", element.text)
        note_elements = [Element(ElementKind.NOTE, notes[number]) for number in found]
        if rest.strip():
            element.text = re.sub(r"[ \t]{2,}", " ", rest).strip(" ")
            result.append(element)
            trailing.extend(note_elements)
        else:
            result.extend(note_elements)
    return result + trailing


# First letters of a heading prefix (with ``İ`` and ``ı``, which ``re.IGNORECASE`` folds
# onto I): other paragraphs skip the heading regex.
_HEADING_INITIALS = frozenset("IEieİı")


def _parse_block(block: Block, out: list[Element]) -> None:
    """Classify a paragraph by its first line and append its elements to ``out``."""
    first = block[0].strip()
    initial = first[:1]
    if initial in _MARK_CHARS:
        if _marked_block(first, block, out):
            return
    elif initial in _HEADING_INITIALS and HEADING_PREFIX.match(first):
        out.append(_heading(first))
        if len(block) > 1:
            _parse_block(block[1:], out)
        return
    if len(block) > 1:
        if first.rstrip("^").partition("(")[0].isupper():  # looks_like_cue, inlined
            _speech(first, block, out)
            return
    elif first.endswith("TO:") and first.upper() == first:
        out.append(Element(_TRANSITION, first))
        return
    out.append(_action(block))


def _marked_block(first: str, block: Block, out: list[Element]) -> bool:
    """Blocks whose first character forces their kind; ``False`` when it does not."""
    rest = block[1:]
    if _PAGE_BREAK.match(first):
        out.append(Element(ElementKind.PAGE_BREAK, ""))
    elif first.startswith("#"):
        depth = len(first) - len(first.lstrip("#"))
        out.append(Element(ElementKind.SECTION, first[depth:].strip(), depth=depth))
    elif first.startswith("=") and not first.startswith("=="):
        out.append(Element(ElementKind.SYNOPSIS, first[1:].strip()))
    elif first.startswith("~"):
        _lyrics(block, out)
        return True
    elif first.startswith("!"):
        out.append(_action([block[0].lstrip()[1:], *rest]))
        return True
    elif first.startswith(".") and len(first) > 1 and first[1] not in ". ":
        out.append(_heading(first))
    elif first.startswith(">") and first.endswith("<"):
        out.extend(_centered(line) for line in block)
        return True
    elif first.startswith(">"):
        out.append(Element(_TRANSITION, first[1:].strip()))
    elif first.startswith("@") and rest:
        _speech(first, block, out)
        return True
    else:
        return False
    if rest:
        _parse_block(rest, out)
    return True


def _heading(line: str) -> Element:
    text = line[1:] if line.startswith(".") else line
    number = _SCENE_NUMBER.search(text) if text.endswith("#") else None
    return Element(
        ElementKind.SCENE_HEADING,
        text[: number.start()] if number else text,
        scene_number=number.group(1) if number else None,
    )


def looks_like_cue(line: str) -> bool:
    """Upper-case name (letters with case, none lower) before any parenthesised extension."""
    return line.rstrip("^").partition("(")[0].isupper()


_CHARACTER, _DIALOGUE = ElementKind.CHARACTER, ElementKind.DIALOGUE
_PARENTHETICAL, _LYRIC = ElementKind.PARENTHETICAL, ElementKind.LYRIC
_TRANSITION, _ACTION = ElementKind.TRANSITION, ElementKind.ACTION


def _speech(cue: str, block: Block, out: list[Element]) -> None:
    """A cue (``cue``, the first line of ``block``) and the lines of its speech."""
    dual = cue.endswith("^")
    if dual or cue.startswith("@"):
        cue = cue.rstrip("^").strip().removeprefix("@")
    name, _, extension = cue.partition("(")
    name = name.strip()
    extension_text = f"({extension.strip()}" if extension else None
    append = out.append
    append(Element(_CHARACTER, cue, name, extension_text, dual))
    dialogue: Element | None = None  # the dialogue paragraph being extended
    for raw in block[1:]:
        line = raw.strip() if raw != _SOFT_BLANK else ""
        first = line[:1]
        if first == "(" and line.endswith(")"):
            append(Element(_PARENTHETICAL, line, name, None, dual))
            dialogue = None
        elif first == "~":
            append(Element(_LYRIC, line[1:].strip(), name, None, dual))
            dialogue = None
        elif dialogue is not None:
            dialogue.text += "\n" + line
        else:
            dialogue = Element(_DIALOGUE, line, name, None, dual)
            append(dialogue)


def _lyrics(block: Block, out: list[Element]) -> None:
    for position, line in enumerate(block):
        if not line.lstrip().startswith("~"):
            _parse_block(block[position:], out)
            return
        out.append(Element(_LYRIC, line.lstrip()[1:].strip()))


def _centered(line: str) -> Element:
    return Element(ElementKind.CENTERED, line.strip().removeprefix(">").removesuffix("<").strip())


def _action(lines: Block) -> Element:
    return Element(_ACTION, "\n".join(lines).replace("\t", "    "))
