"""Script model → Fountain text, so any import (FDX, PDF) can be edited as plain text.

Elements the heuristics would misread are written with their forcing mark
(``!`` action, ``@`` character, ``.`` heading, ``>`` transition).
"""

from __future__ import annotations

from collections.abc import Callable

from tournage.screenplay.assemble import all_elements
from tournage.screenplay.fountain import looks_like_cue
from tournage.screenplay.heading import is_heading
from tournage.screenplay.model import Element, ElementKind, Script, TitlePage

_SPEECH = frozenset({ElementKind.PARENTHETICAL, ElementKind.DIALOGUE, ElementKind.LYRIC})
_MARKS = (".", "!", "@", "#", "=", "~", ">", "[[", "/*")


def to_fountain(script: Script) -> str:
    """Fountain 1.1 text of ``script`` (omitted scenes left out)."""
    kept = Script(
        title_page=script.title_page,
        scenes=[scene for scene in script.scenes if not scene.omitted],
        preamble=script.preamble,
    )
    parts = [_title_page(script.title_page)] if script.title_page.entries else []
    block: list[str] = []
    for element in all_elements(kept):
        in_speech = element.kind in _SPEECH and element.character is not None
        if block and not in_speech:
            parts.append("\n".join(block))
            block = []
        block.append(_element(element))
    if block:
        parts.append("\n".join(block))
    return "\n\n".join(parts) + "\n"


def _title_page(title_page: TitlePage) -> str:
    lines = []
    for key, value in title_page.entries.items():
        if "\n" in value:
            lines.append(f"{key}:")
            lines.extend(f"    {line}" for line in value.split("\n"))
        else:
            lines.append(f"{key}: {value}".rstrip())
    return "\n".join(lines)


def _element(element: Element) -> str:
    kind, text = element.kind, element.text
    if kind is ElementKind.SCENE_HEADING:
        forced = "" if is_heading(text) else "."
        space = " " if text else ""  # ".#1#": a number alone stays a forced heading
        number = f"{space}#{element.scene_number}#" if element.scene_number else ""
        return f"{forced}{text}{number}"
    if kind is ElementKind.CHARACTER:
        forced = "" if looks_like_cue(text) else "@"
        return f"{forced}{text}{' ^' if element.dual else ''}"
    if kind is ElementKind.DIALOGUE:
        return "\n".join(line or "  " for line in text.split("\n"))
    if kind is ElementKind.LYRIC:
        return "\n".join(f"~{line}" for line in text.split("\n"))
    if kind is ElementKind.TRANSITION:
        natural = text.upper() == text and text.endswith("TO:")
        return text if natural else f"> {text}"
    return _OTHERS[kind](element) if kind in _OTHERS else _action(text)


def _action(text: str) -> str:
    lines = text.split("\n")
    first = lines[0].strip()
    misread = (
        first.startswith(_MARKS)
        or is_heading(first)
        or (first.upper() == first and first.endswith("TO:"))
        or (len(lines) > 1 and looks_like_cue(first))
    )
    return f"!{text}" if misread else text


_OTHERS: dict[ElementKind, Callable[[Element], str]] = {
    ElementKind.CENTERED: lambda e: f"> {e.text} <",
    ElementKind.PAGE_BREAK: lambda e: "===",
    ElementKind.SECTION: lambda e: f"{'#' * max(1, e.depth)} {e.text}",
    ElementKind.SYNOPSIS: lambda e: f"= {e.text}",
    ElementKind.NOTE: lambda e: f"[[{e.text}]]",
    ElementKind.PARENTHETICAL: lambda e: e.text,
}
