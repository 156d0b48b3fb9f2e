"""The benchmark of comparable works: its rules and its CSV/XLSX import.

A figure (budget, audience) is either given with its source and date, or marked
unknown; a blank figure is neither and fails ``benchmark_figures_sourced``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .rules import RULES


@dataclass(frozen=True)
class Figure:
    value: Decimal | None = None
    unknown: bool = False
    source: str = ""
    date: date | None = None

    @property
    def sourced(self) -> bool:
        return self.value is not None and bool(self.source.strip()) and self.date is not None


@dataclass(frozen=True)
class Row:
    title: str
    channel_kind: str
    budget: Figure
    audience: Figure
    positioning: str = ""


def _figures(row: Row) -> Iterable[tuple[str, Figure]]:
    return (("budget", row.budget), ("audience", row.audience))


def blank_or_unsourced(rows: Sequence[Row]) -> list[str]:
    """Figures neither sourced and dated nor marked unknown (benchmark_figures_sourced)."""
    return [
        f"{row.title} ({name})"
        for row in rows
        for name, figure in _figures(row)
        if not figure.unknown and not figure.sourced
    ]


def given_without_source(rows: Sequence[Row]) -> tuple[int, list[str]]:
    """(given figures, those lacking a source or a date) for benchmark_sources: a figure
    marked unknown is not a given figure."""
    given = [
        (f"{row.title} ({name})", figure)
        for row in rows
        for name, figure in _figures(row)
        if not figure.unknown and figure.value is not None
    ]
    return len(given), [label for label, figure in given if not figure.sourced]


def without_positioning(rows: Sequence[Row]) -> list[str]:
    return [row.title for row in rows if not row.positioning.strip()]


def channel_kind(channel: str) -> str | None:
    """The benchmark kind (cinema, tv, digital…) of a production channel."""
    rule = RULES.load().channels.get(channel)
    return rule.kind if rule else None


def missing_kinds(rows: Sequence[Row], channels: Sequence[str]) -> list[str]:
    """Kinds of the planned channels that no benchmark row covers."""
    wanted = {kind for kind in map(channel_kind, channels) if kind}
    covered = {row.channel_kind for row in rows}
    return sorted(wanted - covered)
