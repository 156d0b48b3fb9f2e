"""The constructive schedule the optimiser starts from (``greedy``).

Décors are visited along a tour (by default the nearest-neighbour one: fewer, shorter
moves; ``tours`` offers others) and days are filled up to a day length (by default a
normal day), every hard rule respected.
Scenes that fit nowhere are placed first in a further round (the most constrained first),
so that a lawful complete schedule is found in well under a second whenever the day
windows allow one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tournage.scheduling.cpmodel import Builder
from tournage.scheduling.model import Problem, Scene
from tournage.scheduling.moves import distance_km

REPAIR_ROUNDS = 4  # rounds of greedy, each placing first the scenes the last one left


def nearest_tour(problem: Problem) -> list[str]:
    """Décors in nearest-neighbour order from the first one (fewer, shorter moves)."""
    remaining = [loc.id for loc in problem.locations]
    tour = [remaining.pop(0)] if remaining else []
    while remaining:
        here = tour[-1]
        nearest = min(remaining, key=lambda o: (distance_km(problem, here, o) or 0.0, o))
        remaining.remove(nearest)
        tour.append(nearest)
    return tour


def _rested(
    problem: Problem,
    builder: Builder,
    load: list[int],
    night: list[bool | None],
    d: int,
    extra: int,
    is_night: bool,
) -> bool:
    """A night on day d followed by a day on d + 1 leaves the daily rest (meal included)."""
    days, rules = builder.days, builder.rules

    def ok(n: int, minutes: int) -> bool:
        worked = minutes + (builder.meal if minutes >= rules.break_after_minutes else 0)
        wrap = datetime.combine(days[n], problem.night_call) + timedelta(minutes=worked)
        next_call = datetime.combine(days[n + 1], problem.day_call)
        return next_call - wrap >= timedelta(hours=rules.daily_rest_hours)

    if is_night:
        return d + 1 >= len(days) or night[d + 1] is not False or ok(d, load[d] + extra)
    return d == 0 or night[d - 1] is not True or ok(d - 1, load[d - 1])


@dataclass
class _UnitFill:
    """Days of one unit being filled by ``greedy``."""

    load: list[int]
    night: list[bool | None]
    places: list[set[str]]


def greedy(
    problem: Problem,
    builder: Builder | None = None,
    tour: list[str] | None = None,
    day: int | None = None,
) -> dict[str, date]:
    """A quick schedule to start from: décor after décor along ``tour`` (by default the
    nearest-neighbour one), filling days up to ``day`` minutes (by default a normal day).

    Respects each scene's allowed days, precedences, the day length, day and night apart,
    the décors per day, the rest after a night and one unit a day per actor; cover scenes
    go after the unit's last exterior day. When scenes fit nowhere (a décor's window
    already full, an actor busy), they are placed first in the next round, the most
    constrained first, so that the tour fills around them; after ``REPAIR_ROUNDS`` the
    most complete schedule is returned (scenes that fit nowhere stay unassigned).
    """
    builder = builder or Builder(problem)
    allowed = {s.id: len(builder.allowed(s)) for s in problem.scenes}
    first: list[str] = []
    best: dict[str, date] = {}
    for _ in range(REPAIR_ROUNDS):
        assignment = _fill(problem, builder, first, tour or nearest_tour(problem), day)
        if len(assignment) > len(best):
            best = assignment
        missing = [s.id for s in problem.scenes if s.id not in assignment]
        if not missing:
            return assignment
        first += sorted(missing, key=lambda s: (allowed[s], s))
    return best


def _fill(
    problem: Problem, builder: Builder, first: list[str], tour: list[str], day: int | None
) -> dict[str, date]:
    """One round of ``greedy``: the scenes of ``first`` placed before the tour."""
    days = builder.days
    assignment: dict[str, date] = {}
    busy: dict[str, set[int]] = {}  # cast member -> days worked in some unit
    rank = {place: i for i, place in enumerate(tour)}
    rank.update({loc.id: len(rank) for loc in problem.locations if loc.id not in rank})
    early = {scene_id: i for i, scene_id in enumerate(first)}
    for unit in problem.units:
        fill = _UnitFill([0] * len(days), [None] * len(days), [set() for _ in days])
        ordered = sorted(
            (s for s in problem.scenes if s.unit == unit.id),
            key=lambda s: (
                early.get(s.id, len(early)),
                s.weather_cover,
                rank[s.location],
                s.day_night,
                s.cast,
                s.id,
            ),
        )
        cursor, exterior = 0, -1
        for scene in ordered:
            low, high = _precedence_window(problem, assignment, days, scene.id)
            if scene.weather_cover:  # after the unit's last exterior day, kept for rain
                low = max(low, exterior + 1)
            start = low if scene.id in early else max(low, cursor)
            placed = _place(problem, builder, fill, busy, scene, start, high, day)
            if placed is None:  # a window that closed before the cursor, or full days
                overtime = builder.rules.max_daily_minutes
                placed = _place(problem, builder, fill, busy, scene, low, high, overtime)
            if placed is None:
                continue
            assignment[scene.id] = days[placed]
            if scene.id not in early:  # scenes placed first do not move the tour along
                cursor = placed if placed == cursor or not fill.load[cursor] else cursor
            if scene.int_ext == "EXT":
                exterior = max(exterior, placed)
        for scene in ordered:
            if scene.id in assignment:
                for member in scene.cast:
                    busy.setdefault(member, set()).add(days.index(assignment[scene.id]))
    return assignment


def _precedence_window(
    problem: Problem, assignment: dict[str, date], days: list[date], scene_id: str
) -> tuple[int, int]:
    """Days allowed by the precedences with scenes already placed."""
    low, high = 0, len(days) - 1
    for first, second in problem.constraints.precedences:
        if second == scene_id and first in assignment:
            low = max(low, days.index(assignment[first]))
        if first == scene_id and second in assignment:
            high = min(high, days.index(assignment[second]))
    return low, high


def _place(
    problem: Problem,
    builder: Builder,
    fill: _UnitFill,
    busy: dict[str, set[int]],
    scene: Scene,
    low: int,
    high: int,
    capacity: int | None = None,
) -> int | None:
    """The first day in [low, high] where the scene fits within ``capacity`` minutes (a
    normal day by default); the day's state is updated."""
    rules = builder.rules
    minutes, is_night = builder.minutes[scene.id], scene.night
    capacity = capacity or rules.normal_day_minutes
    for d in range(low, high + 1):
        fits = (
            (fill.load[d] + minutes <= capacity or not fill.load[d])
            and fill.night[d] in (None, is_night)
            and len(fill.places[d] | {scene.location}) <= problem.max_locations_per_day
            and builder.allows(scene, d)
            and not any(d in busy.get(member, set()) for member in scene.cast)
            and _rested(problem, builder, fill.load, fill.night, d, minutes, is_night)
        )
        if fits:
            fill.load[d] += minutes
            fill.night[d] = is_night
            fill.places[d].add(scene.location)
            return d
    return None
