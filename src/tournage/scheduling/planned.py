"""A plan de travail as the other modules read it: each shooting day with its date, the
location it is shot at (through the set ↔ location mapping), its company moves, the cast
it calls, and its call and wrap as the evaluation times them.

Pure: the web app feeds it the stored version, the carbon core an export archive."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from tournage.scheduling.evaluate import evaluate
from tournage.scheduling.model import Problem
from tournage.screenplay.sets import matched


@dataclass(frozen=True)
class PlannedMove:
    """A company move as the evaluation charges it, between décors and their locations."""

    origin: str
    destination: str
    origin_id: int | None  # None: that décor is not placed yet
    destination_id: int | None


@dataclass(frozen=True)
class PlannedDay:
    day: date
    decor: str  # the day's first décor, by its set name
    location_id: int | None  # the location holding that set; None: not placed yet
    cast_ids: tuple[int, ...]  # people of the cast called that day
    call: datetime  # the unit's call (naive, the production's local time)
    wrap: datetime  # its wrap, as the evaluation times it
    moves: tuple[PlannedMove, ...] = ()  # to reach the day's décors, in the evaluation's order


def planned_days(
    problem: Problem,
    assignment: Mapping[str, date],
    places: Mapping[int, Iterable[str]],
    cast: Mapping[str, int],
) -> tuple[PlannedDay, ...]:
    """``places``: location id -> its names (own name and sets); ``cast``: character ->
    person id. A day is placed where its first scene is shot; its moves (from the previous
    day, and between its own décors) are the ones the evaluation charges."""
    names = {location.id: location.name for location in problem.locations}

    def move(origin: str, destination: str) -> PlannedMove:
        return PlannedMove(
            names.get(origin, origin),
            names.get(destination, destination),
            matched(origin, places),
            matched(destination, places),
        )

    days = []
    for plan in evaluate(problem, dict(assignment)).days:
        decor = plan.scenes[0].location
        called = dict.fromkeys(cast[c] for s in plan.scenes for c in s.cast if c in cast)
        days.append(
            PlannedDay(
                plan.day,
                names.get(decor, decor),
                matched(decor, places),
                tuple(called),
                plan.start,
                plan.wrap,
                tuple(move(m.origin, m.destination) for m in plan.moves),
            )
        )
    return tuple(days)
