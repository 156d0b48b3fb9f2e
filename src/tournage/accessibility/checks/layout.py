"""Lines: how many, how long, and where they break."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from tournage.accessibility.checks.context import Context, Params
from tournage.accessibility.cues import Cue
from tournage.accessibility.findings import CueFinding, Fix, make_finding
from tournage.accessibility.rules import count_chars
from tournage.accessibility.tables import FUNCTION_WORDS

DASHES = ("-", "–", "—")
_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")


def is_dialogue(cue: Cue) -> bool:
    """Two speakers in one cue: a line (other than a lone first line) starts with a dash."""
    return any(line.lstrip().startswith(DASHES) for line in cue.text_lines[1:])


@cache
def function_words(language: str) -> frozenset[str]:
    table = FUNCTION_WORDS.load().of(language)
    return frozenset(word for words in table.values() for word in words)


def ends_badly(words: list[str], language: str) -> bool:
    """Would a line ending with these words split a pair the rules keep together?"""
    last = words[-1].lower()
    if last.endswith(("'", "’")):
        return True
    return _EDGE_PUNCTUATION.sub("", last) in function_words(language) and last[-1:].isalnum()


def rebreak(text: str, limit: int, language: str, convention: str) -> tuple[str, ...] | None:
    """Best one- or two-line layout within ``limit``: after punctuation, never after a
    function word, lines balanced. None when the text cannot fit two lines."""
    words = text.split()
    if not words:
        return None
    if count_chars(" ".join(words), convention) <= limit:
        return (" ".join(words),)
    best: tuple[float, tuple[str, ...]] | None = None
    for cut in range(1, len(words)):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        lengths = count_chars(first, convention), count_chars(second, convention)
        if max(lengths) > limit:
            continue
        score = abs(lengths[0] - lengths[1])
        bad = ends_badly(words[:cut], language) or splits_name(words[:cut], words[cut:])
        score += 100 if bad else 0
        score -= 20 if words[cut - 1][-1] in ",.;:!?…" else 0
        if best is None or score < best[0]:
            best = (score, (first, second))
    return best[1] if best else None


def _limit(ctx: Context) -> int | None:
    chars = ctx.checks.get("chars_per_line")
    return int(chars["value"]) if chars else None


def _rebreak_fix(ctx: Context, cue: Cue, convention: str) -> Fix | None:
    limit = _limit(ctx)
    if limit is None or is_dialogue(cue):
        return None
    lines = rebreak(cue.text.replace("\n", " "), limit, ctx.language or "fr", convention)
    if lines is None or lines == cue.text_lines:
        return None
    return Fix("Recouper : " + " / ".join(lines), lines=lines)


def max_lines(ctx: Context, params: Params) -> Iterator[CueFinding]:
    limit = params["live_value"] if ctx.live and "live_value" in params else params["value"]
    for cue in ctx.cues:
        if len(cue.lines) > limit:
            yield make_finding(
                params,
                cue.index,
                cue.start_ms,
                f"{len(cue.lines)} lignes (maximum {limit}).",
                f"{len(cue.lines)} lines (maximum {limit}).",
                _rebreak_fix(ctx, cue, ctx.counting_for(params)),
            )


def chars_per_line(ctx: Context, params: Params) -> Iterator[CueFinding]:
    limit = params["value"]
    convention = ctx.counting_for(params)
    for cue in ctx.cues:
        longest = max((count_chars(line, convention) for line in cue.text_lines), default=0)
        if longest > limit:
            yield make_finding(
                params,
                cue.index,
                cue.start_ms,
                f"Ligne de {longest} caractères (maximum {limit}).",
                f"Line of {longest} characters (maximum {limit}).",
                _rebreak_fix(ctx, cue, convention),
            )


def one_line(ctx: Context, params: Params) -> Iterator[CueFinding]:
    limit = _limit(ctx)
    if limit is None:
        return
    convention = ctx.counting_for(params)
    for cue in ctx.cues:
        joined = " ".join(line.strip() for line in cue.text_lines)
        if len(cue.lines) > 1 and not is_dialogue(cue) and count_chars(joined, convention) <= limit:
            yield make_finding(
                params,
                cue.index,
                cue.start_ms,
                "Le texte tient sur une ligne : ne pas le couper.",
                "The text fits on one line: do not break it.",
                Fix("Réunir en une ligne", lines=(joined,)),
            )


def splits_name(words: list[str], following: list[str]) -> bool:
    """A capitalised word inside the sentence followed by a capitalised word on the next
    line: most likely a first name and a last name."""
    if len(words) < 2 or not following or words[-2][-1:] in ".!?…":
        return False
    last, first = words[-1], following[0]
    return last[:1].isupper() and last[-1:].isalpha() and first[:1].isupper()


def line_break(ctx: Context, params: Params) -> Iterator[CueFinding]:
    language = ctx.language or "fr"
    for cue in ctx.cues:
        lines = [line.split() for line in cue.text_lines]
        if len(lines) != 2 or not lines[0] or is_dialogue(cue):
            continue
        words = lines[0]
        if ends_badly(words, language) or splits_name(words, lines[1]):
            yield make_finding(
                params,
                cue.index,
                cue.start_ms,
                f"Coupure après « {words[-1]} » : ce mot ne se sépare pas du suivant.",
                f"Line break after '{words[-1]}': keep it with the next word.",
                _rebreak_fix(ctx, cue, ctx.counting_for(params)),
            )
