"""Fountain 1.1 parser: text → title page + flat list of elements.

Paragraph-based: the text is cut into blocks at blank lines, each block is classified
by its first line (forcing marks first, then the capitalisation heuristics), then its
remaining lines. Boneyard (``/* */``) is dropped and notes (``[[ ]]``) are lifted out
before splitting, because both may span lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tournage.screenplay.heading import HEADING_PREFIX
from tournage.screenplay.model import Element, ElementKind, TitlePage

_BONEYARD = re.compile(r"/\*.*?\*/", re.DOTALL)
# A note may cover several lines but not a truly empty one (Fountain: use two spaces).
_NOTE = re.compile(r"\[\[((?:(?!\n\n).)*?)\]\]", re.DOTALL)
_NOTE_MARK = re.compile(r"\x00(\d+)\x00")
_SCENE_NUMBER = re.compile(r"\s*#([\w.\-]+)#\s*$")
_TITLE_KEY = re.compile(r"^([^\s:][^:\n]*):[ \t]*(.*)$")
_PAGE_BREAK = re.compile(r"^={3,}$")
_SOFT_BLANK = "  "

Block = list[str]


def parse_fountain(text: str) -> tuple[TitlePage, list[Element]]:
    """Parse Fountain text (BOM and CRLF tolerant). Never raises on odd input."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = _BONEYARD.sub("", text)
    notes: list[str] = []

    def lift(match: re.Match[str]) -> str:
        notes.append(match.group(1).strip())
        return f"\x00{len(notes) - 1}\x00"

    text = _NOTE.sub(lift, text.replace("\x00", ""))
    lines = text.split("\n")
    title_page, body_start = _title_page(lines)
    elements: list[Element] = []
    for block in _blocks(lines[body_start:]):
        parsed = _parse_block(block)
        elements.extend(_with_notes(parsed, notes) if notes else parsed)
    return title_page, elements


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


def _blocks(lines: list[str]) -> Iterator[Block]:
    """Paragraphs: runs of lines between blank lines (a two-space line is not blank)."""
    block: Block = []
    for raw in lines:
        line = raw.rstrip() if raw != _SOFT_BLANK else raw
        if line:
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


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


def _parse_block(block: Block) -> list[Element]:
    first = block[0].strip()
    rest = block[1:]
    if first[:1] in _MARK_CHARS:
        marked = _marked_block(first, block)
        if marked is not None:
            return marked
    elif HEADING_PREFIX.match(first):
        return [_heading(first), *_parse_rest(rest)]
    if rest and looks_like_cue(first):
        return _speech(first, rest)
    if not rest and first.endswith("TO:") and first.upper() == first:
        return [Element(ElementKind.TRANSITION, first)]
    return [_action(block)]


def _marked_block(first: str, block: Block) -> list[Element] | None:
    """Blocks whose first character forces their kind; ``None`` when it does not."""
    rest = block[1:]
    if _PAGE_BREAK.match(first):
        return [Element(ElementKind.PAGE_BREAK, ""), *_parse_rest(rest)]
    if first.startswith("#"):
        depth = len(first) - len(first.lstrip("#"))
        section = Element(ElementKind.SECTION, first[depth:].strip(), depth=depth)
        return [section, *_parse_rest(rest)]
    if first.startswith("=") and not first.startswith("=="):
        return [Element(ElementKind.SYNOPSIS, first[1:].strip()), *_parse_rest(rest)]
    if first.startswith("~"):
        return _lyrics(block)
    if first.startswith("!"):
        return [_action([block[0].lstrip()[1:], *rest])]
    if first.startswith(".") and len(first) > 1 and first[1] not in ". ":
        return [_heading(first), *_parse_rest(rest)]
    if first.startswith(">") and first.endswith("<"):
        return [_centered(line) for line in block]
    if first.startswith(">"):
        return [Element(ElementKind.TRANSITION, first[1:].strip()), *_parse_rest(rest)]
    if first.startswith("@") and rest:
        return _speech(first, rest)
    return None


def _parse_rest(rest: Block) -> list[Element]:
    return _parse_block(rest) if rest else []


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


def _speech(cue: str, lines: Block) -> list[Element]:
    dual = cue.endswith("^")
    if dual or cue.startswith("@"):
        cue = cue.rstrip("^").strip().removeprefix("@")
    name, _, extension = cue.partition("(")
    name = name.strip()
    extension_text = f"({extension.strip()}" if extension else None
    speech = [Element(_CHARACTER, cue, name, extension_text, dual)]
    for raw in lines:
        line = raw.strip() if raw != _SOFT_BLANK else ""
        first = line[:1]
        if first == "(" and line.endswith(")"):
            speech.append(Element(ElementKind.PARENTHETICAL, line, name, None, dual))
        elif first == "~":
            speech.append(Element(ElementKind.LYRIC, line[1:].strip(), name, None, dual))
        elif speech[-1].kind is _DIALOGUE:
            speech[-1].text += "\n" + line
        else:
            speech.append(Element(_DIALOGUE, line, name, None, dual))
    return speech


def _lyrics(block: Block) -> list[Element]:
    elements: list[Element] = []
    for position, line in enumerate(block):
        if not line.lstrip().startswith("~"):
            return [*elements, *_parse_block(block[position:])]
        elements.append(Element(ElementKind.LYRIC, line.lstrip()[1:].strip()))
    return elements


def _centered(line: str) -> Element:
    return Element(ElementKind.CENTERED, line.strip().removeprefix(">").removesuffix("<").strip())


def _action(lines: Block) -> Element:
    return Element(ElementKind.ACTION, "\n".join(line.replace("\t", "    ") for line in lines))
