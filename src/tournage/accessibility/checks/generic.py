"""File hygiene: empty cues, durations, overlaps, encoding, characters, programme end."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from tournage.accessibility.checks.context import Context, Params
from tournage.accessibility.findings import CueFinding, make_finding

_MOJIBAKE = re.compile("[ÃÂ][\u0080-\u00bf]|â€")


def empty_cue(ctx: Context, params: Params) -> Iterator[CueFinding]:
    for cue in ctx.cues:
        if not cue.text.strip():
            yield make_finding(params, cue.index, cue.start_ms, "Sous-titre vide.", "Empty cue.")


def bad_duration(ctx: Context, params: Params) -> Iterator[CueFinding]:
    for cue in ctx.cues:
        if cue.duration_ms <= 0:
            yield make_finding(
                params,
                cue.index,
                cue.start_ms,
                f"Durée nulle ou négative ({cue.duration_ms} ms) : la sortie précède l'entrée.",
                f"Zero or negative duration ({cue.duration_ms} ms).",
            )


def overlap(ctx: Context, params: Params) -> Iterator[CueFinding]:
    for position, cue in enumerate(ctx.cues):
        following = ctx.following(position)
        if following is None or following.start_ms >= cue.end_ms:
            continue
        excess = cue.end_ms - following.start_ms
        yield make_finding(
            params,
            cue.index,
            cue.start_ms,
            f"Chevauche le sous-titre n° {following.index} de {excess} ms.",
            f"Overlaps cue {following.index} by {excess} ms.",
            ctx.pull_back(cue, following.start_ms - ctx.min_gap_ms),
        )


def encoding(ctx: Context, params: Params) -> Iterator[CueFinding]:
    for note in ctx.notes:
        yield make_finding(params, 0, None, note, "Encoding guessed (not UTF-8).")
    for cue in ctx.cues:
        if "\ufffd" in cue.text or _MOJIBAKE.search(cue.text):
            yield make_finding(
                params,
                cue.index,
                cue.start_ms,
                "Caractères mal encodés (ex. « Ã© » pour « é ») : vérifier l'encodage du fichier.",
                "Garbled characters: check the file encoding.",
            )


def characters(ctx: Context, params: Params) -> Iterator[CueFinding]:
    for cue in ctx.cues:
        bad = sorted({ch for ch in cue.text if _unsupported(ch)})
        if bad:
            codes = ", ".join(f"U+{ord(ch):04X}" for ch in bad[:5])
            yield make_finding(
                params,
                cue.index,
                cue.start_ms,
                f"Caractères non affichables : {codes}.",
                f"Unsupported characters: {codes}.",
            )


def _unsupported(char: str) -> bool:
    return char != "\n" and unicodedata.category(char) in ("Cc", "Co", "Cn", "Cs")


def programme_end(ctx: Context, params: Params) -> Iterator[CueFinding]:
    if ctx.programme_ms is None:
        return
    end_tc = ctx.rate.ms_to_tc(ctx.programme_ms)
    for cue in ctx.cues:
        if cue.end_ms > ctx.programme_ms:
            yield make_finding(
                params,
                cue.index,
                cue.start_ms,
                f"Le sous-titre dépasse la fin du programme ({end_tc}).",
                f"Cue runs past the end of the programme ({end_tc}).",
            )
