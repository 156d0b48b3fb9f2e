"""The marketing set: which pieces each destination asks for, present or missing.

A piece is present when the production holds it (a file or a text); a synopsis counts only
in every language the rules ask (French and English). A trailer or teaser is present only
once its QC has not failed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tournage.closing.rules import marketing_kinds, rules


@dataclass(frozen=True)
class Piece:
    kind: str
    language: str = ""
    qc_verdict: str = ""  # trailer and teaser: the verdict of their QC ("" when not checked)


@dataclass(frozen=True)
class DestinationSet:
    destination: str
    asked: tuple[str, ...]
    missing: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "destination": self.destination,
            "asked": list(self.asked),
            "missing": list(self.missing),
        }


def present_kinds(pieces: Iterable[Piece]) -> set[str]:
    pieces = list(pieces)
    kinds = {p.kind for p in pieces if p.kind != "synopsis" and p.qc_verdict != "fail"}
    languages = {p.language for p in pieces if p.kind == "synopsis"}
    if set(rules().marketing.synopsis_languages) <= languages:
        kinds.add("synopsis")
    return kinds


def asked_kinds(destination_kind: str) -> tuple[str, ...]:
    destination = rules().destinations.get(destination_kind)
    wanted = set(marketing_kinds())
    return tuple(k for k in destination.expects if k in wanted) if destination else ()


def evaluate(
    destinations: Sequence[tuple[str, str]], pieces: Iterable[Piece]
) -> list[DestinationSet]:
    """``destinations``: (name, kind) pairs."""
    present = present_kinds(pieces)
    result = []
    for name, kind in destinations:
        asked = asked_kinds(kind)
        result.append(DestinationSet(name, asked, tuple(k for k in asked if k not in present)))
    return result
