"""Colour code, speaker dashes, sound indications, ellipses and position."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tournage.accessibility.checks.context import Context, Params
from tournage.accessibility.checks.layout import DASHES
from tournage.accessibility.colours import colour_name, french_name
from tournage.accessibility.cues import Cue
from tournage.accessibility.findings import CueFinding, make_finding

SPEECH_COLOURS = ("white", "yellow", "cyan", "green")
_SOUND = re.compile(r"^[(\[][^a-zà-ÿ]*[)\]]$")
_ELLIPSIS = ("...", "…")


def _line_colour(cue: Cue, number: int) -> str | None:
    """Name of the single colour of a line, None when it mixes colours."""
    names = {colour_name(colour) for colour in cue.line_colours(number)}
    return names.pop() if len(names) == 1 else None


def colour_code(ctx: Context, params: Params) -> Iterator[CueFinding]:
    allowed = set(params["allowed"])
    for cue in ctx.cues:
        used = {
            colour_name(span.colour) for line in cue.lines for span in line if span.text.strip()
        }
        outside = sorted(used - allowed)
        if outside:
            yield make_finding(
                params,
                cue.index,
                cue.start_ms,
                f"Couleur hors code de la charte : {', '.join(map(french_name, outside))}.",
                f"Colour outside the charter's code: {', '.join(outside)}.",
            )


def speaker_dash(ctx: Context, params: Params) -> Iterator[CueFinding]:
    for cue in ctx.cues:
        colours = [_line_colour(cue, n) for n in range(len(cue.lines))]
        for number in range(1, len(cue.lines)):
            before, now = colours[number - 1], colours[number]
            changed = before != now and before in SPEECH_COLOURS and now in SPEECH_COLOURS
            if changed and not cue.text_lines[number].lstrip().startswith(params["marker"]):
                yield make_finding(
                    params,
                    cue.index,
                    cue.start_ms,
                    f"Changement de locuteur ({french_name(before)} → {french_name(now)}) "
                    f"sans tiret en ligne {number + 1}.",
                    f"Speaker change ({before} → {now}) without a dash on line {number + 1}.",
                )


def _indication(text: str, params: Params) -> tuple[str, str, str] | None:
    """(expected colour, French kind, English kind) of a sound or music indication."""
    if text.startswith(tuple(params["music_markers"])):
        return params["music"], "musicale", "music"
    if _SOUND.match(text) and any(ch.isalpha() for ch in text):
        return params["sound"], "sonore", "sound"
    return None


def sound_colour(ctx: Context, params: Params) -> Iterator[CueFinding]:
    for cue in ctx.cues:
        for number, line in enumerate(cue.text_lines):
            text = line.strip()
            indication = _indication(text, params)
            colour = _line_colour(cue, number)
            if indication and colour != indication[0]:
                expected, kind, kind_en = indication
                yield make_finding(
                    params,
                    cue.index,
                    cue.start_ms,
                    f"Indication {kind} « {text} » en {french_name(colour)} "
                    f"(attendu : {french_name(expected)}).",
                    f"{kind_en.capitalize()} indication '{text}' in {colour}, not {expected}.",
                )


def sound_information(ctx: Context, params: Params) -> Iterator[CueFinding]:
    wanted = {"red", "magenta"}
    used = {colour_name(s.colour) for cue in ctx.cues for line in cue.lines for s in line}
    if ctx.cues and not used & wanted:
        yield make_finding(
            params,
            0,
            None,
            "Aucune indication sonore (rouge) ni musicale (magenta) dans tout le fichier.",
            "No sound (red) or music (magenta) information in the whole file.",
        )


def dialogue_dash(ctx: Context, params: Params) -> Iterator[CueFinding]:
    style = params["style"]
    for cue in ctx.cues:
        lines = [line.lstrip() for line in cue.text_lines]
        if len(lines) < 2 or not any(line.startswith(DASHES) for line in lines[1:]):
            continue
        if not all(_dash_ok(line, style) for line in lines):
            yield make_finding(
                params,
                cue.index,
                cue.start_ms,
                f"Dialogue : chaque ligne doit commencer par « {style.strip()} » (tiret, "
                f"{'espace' if style.endswith(' ') else 'sans espace'}).",
                f"Dialogue: every line must start with '{style}'.",
            )


def _dash_ok(line: str, style: str) -> bool:
    if not line.startswith(style):
        return False
    rest = line[len(style) :]
    return not rest[:1].isspace() and (style.endswith(" ") or not rest.startswith(" "))


def ellipsis(ctx: Context, params: Params) -> Iterator[CueFinding]:
    previous = ""
    for cue in ctx.cues:
        text = cue.text.strip()
        leading = next((mark for mark in _ELLIPSIS if text.startswith(mark)), None)
        if leading and text[len(leading) : len(leading) + 1].isspace():
            yield make_finding(
                params,
                cue.index,
                cue.start_ms,
                "Points de suspension initiaux suivis d'une espace : les coller au mot.",
                "Leading ellipsis followed by a space: attach it to the word.",
            )
        elif leading and previous.endswith(_ELLIPSIS):
            yield make_finding(
                params,
                cue.index,
                cue.start_ms,
                "Suite après une pause : pas de points de suspension en tête.",
                "Continuation after a pause: no leading ellipsis.",
            )
        previous = text


def alignment(ctx: Context, params: Params) -> Iterator[CueFinding]:
    for cue in ctx.cues:
        if (
            cue.vertical not in params["allowed_vertical"]
            or cue.align not in params["allowed_align"]
        ):
            yield make_finding(
                params,
                cue.index,
                cue.start_ms,
                f"Position {cue.vertical}/{cue.align} : centrer en haut ou en bas de l'image.",
                f"Position {cue.vertical}/{cue.align}: centre at the top or bottom.",
            )
