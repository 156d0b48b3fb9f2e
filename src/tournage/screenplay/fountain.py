"""Fountain 1.1 parser: text → title page + flat list of elements.

Paragraph-based: the text is cut into blocks at blank lines, each block is classified
by its first line (forcing marks first, then the capitalisation heuristics), then its
remaining lines. Boneyard (``/* */``) is dropped and notes (``[[ ]]``) are lifted out
before splitting, because both may span lines.

Hostile input: every step is linear in the text (no regex that rescans the rest of the
text from each opening mark, no recursion per line) and ``ParseLimits`` bounds the
paragraph length and the number of elements while the lines are read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

from tournage.screenplay.heading import is_heading
from tournage.screenplay.limits import ParseLimits
from tournage.screenplay.model import Element, ElementKind, TitlePage

_NUL = re.compile("\x00")
_NOTE_MARK = re.compile(r"\x00(\d+)\x00")
_SCENE_NUMBER = re.compile(r"#([\w.\-]+)#$")
_TITLE_KEY = re.compile(r"^([^\s:][^:\n]*):[ \t]*(.*)$")
_PAGE_BREAK = re.compile(r"^={3,}$")
_SOFT_BLANK = "  "

Block = list[str]


def parse_fountain(text: str, limits: ParseLimits | None = None) -> tuple[TitlePage, list[Element]]:
    """Parse Fountain text (BOM and CRLF tolerant).

    Raises ``ScriptError`` only when ``limits`` are exceeded (a paragraph too long, too
    many elements); any other text parses into something.
    """
    limits = limits or ParseLimits.defaults()
    text = text.lstrip("\ufeff")
    # Single-character scans are much cheaper than the replacements and regex passes
    # they guard, which find nothing in most scripts.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "/*" in text:
        text = _without_boneyard(text)
    if _NUL.search(text):  # twice as fast as ``in`` on text beyond Latin-1
        text = text.replace("\x00", "")
    notes: list[str] = []
    if "[[" in text:
        text = _lift_notes(text, notes)
    lines = text.split("\n")
    title_page, body_start = _title_page(lines)
    elements: list[Element] = []
    parse = _parse_block if not notes else _with_notes_parser(notes)
    block: Block = []
    size = 0  # characters in ``block``
    soft_blank = _SOFT_BLANK
    max_size, max_elements = limits.max_paragraph_chars, limits.max_elements
    # Paragraphs are runs of lines between blank lines (a two-space line is not blank);
    # cut inline and parsed straight into ``elements``: this loop runs once per line.
    for raw in islice(lines, body_start, None):
        line = raw.rstrip()
        if line:
            block.append(line)
            size += len(line)
            if size > max_size:
                raise limits.paragraph_too_long(block[0])
        elif raw == soft_blank:
            block.append(raw)
        elif block:
            parse(block, elements)
            block, size = [], 0
            if len(elements) > max_elements:
                raise limits.too_many_elements()
    if block:
        parse(block, elements)
    return title_page, elements


def _without_boneyard(text: str) -> str:
    """Text without ``/* ... */`` spans (an unclosed ``/*`` runs to the end), in one pass."""
    kept: list[str] = []
    position = 0
    while (start := text.find("/*", position)) >= 0:
        kept.append(text[position:start])
        end = text.find("*/", start + 2)
        if end < 0:
            return "".join(kept)
        position = end + 2
    kept.append(text[position:])
    return "".join(kept)


def _lift_notes(text: str, notes: list[str]) -> str:
    """Replace each ``[[note]]`` by a mark ``\\x00n\\x00`` and collect its text in ``notes``.

    A note may cover several lines but not a truly empty one (Fountain: use two spaces).
    One pass: an opening whose closing lies beyond a blank line is skipped together with
    every opening before that blank line (their first closing is the same).
    """
    kept: list[str] = []
    position = 0  # start of the text not copied yet
    search = 0  # where to look for the next opening
    end = -1  # first closing after the last opening looked at
    while (start := text.find("[[", search)) >= 0:
        if end < start + 2:
            end = text.find("]]", start + 2)
            if end < 0:
                break
        blank = text.find("\n\n", start + 2, end)
        if blank >= 0:
            search = blank + 2
            continue
        kept.append(text[position:start])
        notes.append(text[start + 2 : end].strip())
        kept.append(f"\x00{len(notes) - 1}\x00")
        position = search = end + 2
    kept.append(text[position:])
    return "".join(kept)


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
    first = lines[start] if start < len(lines) else ""
    # "INT. GARE - 6:00" is no key, nor is a line a mark forces (".GARE AT 6:00", "!NOTE:")
    if first and (is_heading(first) or first[:1] in _MARK_CHARS):
        return TitlePage(), 0
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
    """Classify a paragraph by its first line and append its elements to ``out``.

    A heading, a section or a synopsis takes one line and the paragraph goes on from the
    next one: a loop over positions, so a paragraph of many such lines neither recurses
    nor copies itself.
    """
    start, end = 0, len(block)
    while start < end:
        start = _parse_from(block, start, out)


def _parse_from(block: Block, start: int, out: list[Element]) -> int:
    """Parse ``block`` from line ``start``; return the first line not consumed."""
    first = block[start].strip()
    initial = first[:1]
    if initial in _MARK_CHARS:
        consumed = _marked(first, block, start, out)
        if consumed is not None:
            return consumed
    elif initial in _HEADING_INITIALS and is_heading(first):
        out.append(_heading(first))
        return start + 1
    lines = block[start:] if start else block
    if len(lines) > 1:
        if first.rstrip("^").partition("(")[0].isupper():  # looks_like_cue, inlined
            _speech(first, lines, out)
            return len(block)
    elif first.endswith("TO:") and first.upper() == first:
        out.append(Element(_TRANSITION, first))
        return len(block)
    out.append(_action(lines))
    return len(block)


def _marked(first: str, block: Block, start: int, out: list[Element]) -> int | None:
    """Lines whose first character forces their kind: the first line not consumed, or
    ``None`` when the mark forces nothing."""
    end = len(block)
    if _PAGE_BREAK.match(first):
        out.append(Element(ElementKind.PAGE_BREAK, ""))
    elif first.startswith("#"):
        depth = len(first) - len(first.lstrip("#"))
        out.append(Element(ElementKind.SECTION, first[depth:].strip(), depth=depth))
    elif first.startswith("=") and not first.startswith("=="):
        out.append(Element(ElementKind.SYNOPSIS, first[1:].strip()))
    elif first.startswith("~"):
        return _lyrics(block, start, out)
    elif first.startswith("!"):
        out.append(_action([block[start].lstrip()[1:], *block[start + 1 :]]))
        return end
    elif first.startswith(".") and len(first) > 1 and first[1] != "." and not first[1].isspace():
        # ``..`` opens an ellipsis, ``. `` or ``.<tab>`` nothing: a heading written
        # after a blank could not be written back (found by fuzzing ``.<tab>.``)
        out.append(_heading(first))
    elif first.startswith(">") and first.endswith("<"):
        out.extend(_centered(line) for line in block[start:])
        return end
    elif first.startswith(">"):
        out.append(Element(_TRANSITION, first[1:].strip()))
    elif first.startswith("@") and start + 1 < end:
        _speech(first, block[start:], out)
        return end
    else:
        return None
    return start + 1


def _heading(line: str) -> Element:
    text = line[1:] if line.startswith(".") else line
    number = _SCENE_NUMBER.search(text) if text.endswith("#") else None
    return Element(
        ElementKind.SCENE_HEADING,
        text[: number.start()].rstrip() if number else text,
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
    dialogue: list[str] = []  # lines of the dialogue paragraph being read

    def close_dialogue() -> None:
        if dialogue:
            append(Element(_DIALOGUE, "\n".join(dialogue), name, None, dual))
            dialogue.clear()

    for raw in block[1:]:
        line = raw.strip() if raw != _SOFT_BLANK else ""
        first = line[:1]
        if first == "(" and line.endswith(")"):
            close_dialogue()
            append(Element(_PARENTHETICAL, line, name, None, dual))
        elif first == "~":
            close_dialogue()
            append(Element(_LYRIC, line[1:].strip(), name, None, dual))
        else:
            dialogue.append(line)
    close_dialogue()


def _lyrics(block: Block, start: int, out: list[Element]) -> int:
    """Lyric lines from ``start``; the first line that is not one."""
    for position in range(start, len(block)):
        line = block[position].lstrip()
        if not line.startswith("~"):
            return position
        out.append(Element(_LYRIC, line[1:].strip()))
    return len(block)


def _centered(line: str) -> Element:
    return Element(ElementKind.CENTERED, line.strip().removeprefix(">").removesuffix("<").strip())


def _action(lines: Block) -> Element:
    return Element(_ACTION, "\n".join(lines).replace("\t", "    "))
