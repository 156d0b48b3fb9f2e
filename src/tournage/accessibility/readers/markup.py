"""Inline styling of text subtitles (SRT/WebVTT HTML-like tags, ASS override blocks).

pysubs2 turns ``<i>`` into ``{\\i1}`` and keeps the tags it does not know (``<font
color>``, ``<c.yellow>``, ``<v Name>``) when asked; this module turns the result into
lines of styled spans, the one thing pysubs2 does not model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tournage.accessibility.colours import ass_to_hex, normalise
from tournage.accessibility.cues import Line, Span, trim_line

_TOKEN = re.compile(r"\{[^}]*\}|<[^<>]*>|\\[Nn]|\n|[^{<\\\n]+|.", re.DOTALL)
_ASS_TAG = re.compile(r"\\(i)([01])|\\1?c&?H([0-9a-fA-F]+)&?|\\an([1-9])|\\(r)")
_FONT_COLOUR = re.compile(r"""color\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
# ASS numpad alignment: 7-9 top, 4-6 middle, 1-3 bottom; 1/4/7 left, 3/6/9 right
ALIGNMENTS = {
    1: ("bottom", "left"),
    2: ("bottom", "center"),
    3: ("bottom", "right"),
    4: ("middle", "left"),
    5: ("middle", "center"),
    6: ("middle", "right"),
    7: ("top", "left"),
    8: ("top", "center"),
    9: ("top", "right"),
}


@dataclass
class Markup:
    """Result of parsing one cue's text."""

    lines: tuple[Line, ...]
    alignment: int | None = None
    speaker: str | None = None


@dataclass
class _State:
    base_colour: str | None
    base_italic: bool
    colours: list[str | None] = field(default_factory=list)
    italic: bool = False
    alignment: int | None = None
    speaker: str | None = None

    @property
    def colour(self) -> str | None:
        return self.colours[-1] if self.colours else self.base_colour


def parse_markup(text: str, colour: str | None = None, italic: bool = False) -> Markup:
    """Lines of spans from tagged text; ``colour``/``italic`` are the style defaults."""
    state = _State(colour, italic, italic=italic)
    lines: list[list[Span]] = [[]]
    for token in _TOKEN.findall(text):
        if token in ("\\N", "\\n", "\n"):
            lines.append([])
        elif token.startswith("{") and token.endswith("}"):
            _apply_ass(token, state)
        elif token.startswith("<") and token.endswith(">"):
            _apply_tag(token[1:-1].strip(), state)
        else:
            _append(lines[-1], token.replace("\\h", "\u00a0"), state)
    return Markup(
        tuple(trimmed for line in lines if (trimmed := trim_line(line))),
        state.alignment,
        state.speaker,
    )


def _append(line: list[Span], text: str, state: _State) -> None:
    if line and line[-1].colour == state.colour and line[-1].italic == state.italic:
        line[-1] = Span(line[-1].text + text, state.colour, state.italic)
    else:
        line.append(Span(text, state.colour, state.italic))


def _apply_ass(block: str, state: _State) -> None:
    for match in _ASS_TAG.finditer(block):
        italic_tag, italic_value, colour, alignment, reset = match.groups()
        if italic_tag:
            state.italic = italic_value == "1"
        elif colour:
            state.colours = [ass_to_hex(int(colour[-8:], 16))]
        elif alignment:
            state.alignment = int(alignment)
        elif reset:
            state.colours, state.italic = [], state.base_italic


def _class_colour(css_class: str) -> str | None:
    """WebVTT colour classes: ``yellow`` or ``color00FFFF``."""
    value = css_class.removeprefix("color")
    return normalise("#" + value if re.fullmatch(r"[0-9a-fA-F]{6}", value) else value)


def _apply_tag(tag: str, state: _State) -> None:
    name = tag.split(None, 1)[0].split(".", 1)[0].lower() if tag else ""
    if name == "font":
        found = _FONT_COLOUR.search(tag)
        state.colours.append(normalise(found.group(1)) if found else state.colour)
    elif name == "c":
        classes = tag.split(None, 1)[0].split(".")[1:]
        named = [_class_colour(cls) for cls in classes]
        state.colours.append(next((c for c in named if c), state.colour))
    elif name in ("/font", "/c") and state.colours:
        state.colours.pop()
    elif name == "v":
        state.speaker = tag[1:].strip() or None
    elif name == "i":
        state.italic = True
    elif name == "/i":
        state.italic = state.base_italic
