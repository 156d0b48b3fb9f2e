"""SRT, WebVTT and ASS/SSA through pysubs2, styled spans and positions added."""

from __future__ import annotations

import re
import warnings

import pysubs2

from tournage.accessibility.colours import normalise
from tournage.accessibility.cues import Cue
from tournage.accessibility.errors import SubtitleFormatError
from tournage.accessibility.readers.markup import ALIGNMENTS, parse_markup

_VTT_TIMING = re.compile(r"-->\s*\S+[ \t]*(.*)$", re.MULTILINE)
_LIBRARY_ERRORS = (pysubs2.Pysubs2Error, ValueError, IndexError, KeyError, TypeError)


def read_text_cues(text: str, format_: str) -> tuple[Cue, ...]:
    """Cues of an SRT/VTT/ASS/SSA text; raises SubtitleFormatError when none is readable."""
    try:
        with warnings.catch_warnings():
            # pysubs2 warns when it defaults an unreadable ASS field (layer, margins): the
            # checks do not use them
            warnings.simplefilter("ignore", RuntimeWarning)
            subs = pysubs2.SSAFile.from_string(text, format_=format_, keep_unknown_html_tags=True)
    except _LIBRARY_ERRORS as error:
        raise SubtitleFormatError(
            "subtitles.unreadable_text", f"Fichier {format_.upper()} illisible : {error}."
        ) from None
    events = [event for event in subs if not event.is_comment]
    settings = _vtt_settings(text, len(events)) if format_ == "vtt" else None
    cues = []
    for index, event in enumerate(events, start=1):
        style = subs.styles.get(event.style)
        colour = _style_colour(style) if format_ in ("ass", "ssa") else None
        italic = bool(style and style.italic) if format_ in ("ass", "ssa") else False
        markup = parse_markup(event.text, colour, italic)
        default_alignment = style.alignment if style and format_ in ("ass", "ssa") else 2
        vertical, align = ALIGNMENTS.get(markup.alignment or int(default_alignment), ALIGNMENTS[2])
        if settings:
            vertical, align = _apply_vtt_settings(settings[index - 1], vertical, align)
        cues.append(
            Cue(index, event.start, event.end, markup.lines, vertical, align, markup.speaker)
        )
    return tuple(cues)


def _style_colour(style: pysubs2.SSAStyle | None) -> str | None:
    if style is None:
        return None
    colour = style.primarycolor
    return normalise(f"#{colour.r:02X}{colour.g:02X}{colour.b:02X}")


def _vtt_settings(text: str, count: int) -> list[dict[str, str]] | None:
    """Cue settings (``line:0 align:left``) in file order; None if they cannot be paired."""
    found = [
        dict(item.split(":", 1) for item in match.group(1).split() if ":" in item)
        for match in _VTT_TIMING.finditer(text)
    ]
    return found if len(found) == count else None


def _apply_vtt_settings(settings: dict[str, str], vertical: str, align: str) -> tuple[str, str]:
    line = settings.get("line", "").split(",")[0]
    if line.endswith("%"):
        percent = _number(line[:-1])
        if percent is not None:
            vertical = "top" if percent < 40 else "bottom" if percent > 60 else "middle"
    elif (number := _number(line)) is not None:
        vertical = "top" if number >= 0 else "bottom"
    align = {"left": "left", "start": "left", "right": "right", "end": "right"}.get(
        settings.get("align", ""), align
    )
    return vertical, align


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None
