"""The constructive schedule the optimiser starts from (``greedy``).

Décors are visited along a tour and days are filled up to a normal day, every hard rule
respected. Two tours are offered: the nearest-neighbour one (fewer, shorter moves) and the
*talent tour* (``talent_tour``), the décor order that holds the cast the least when each
décor is shot in one block (the talent-scheduling subset DP with décors as scenes).
Scenes that fit nowhere are placed first in a further round (the most constrained first),
so that a lawful complete schedule is found in well under a second whenever the day
windows allow one.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tournage.scheduling.cpmodel import Builder
from tournage.scheduling.evaluate import Evaluation, evaluate
from tournage.scheduling.model import Problem, Scene
from tournage.scheduling.moves import distance_km
from tournage.scheduling.talent_dp import solve_subsets

REPAIR_ROUNDS = 4  # rounds of greedy, each placing first the scenes the last one left
TALENT_TOUR_MAX = 16  # décors: up to 2^16 subsets for the DP, milliseconds


def tours(problem: Problem, builder: Builder) -> list[list[str]]:
    """The tours a start is built along: nearest-neighbour, then the talent tour and its
    reverse (the same holding either way; the décors' windows differ)."""
    talent = talent_tour(problem, builder)
    return [_tour(problem)] + ([] if talent is None else [talent, talent[::-1]])


@dataclass
class Toured:
    """A lawful complete schedule built along ``tour``."""

    tour: list[str]
    assignment: dict[str, date]
    evaluation: Evaluation


def along(problem: Problem, builder: Builder, tour: list[str]) -> Toured | None:
    """The greedy schedule along ``tour``, if it places every scene and breaks no rule."""
    assignment = greedy(problem, builder, tour)
    if len(assignment) != len(problem.scenes):
        return None
    evaluation = evaluate(problem, assignment)
    return None if evaluation.breaks_rules else Toured(tour, assignment, evaluation)


def tour_search(
    problem: Problem, builder: Builder, best: Toured, deadline: float
) -> tuple[Toured, int]:
    """Move one décor at a time to another place of the tour, keep the greedy schedule
    along the new tour when it is cheaper in full (moves, windows, days, holding: what the
    décor-level DP leaves out), until no move helps or the deadline; returns the best and
    its gains. The moves are tried in a fixed order: a deterministic search but for the
    deadline."""
    gains, improved = 0, True
    while improved:
        improved = False
        for i, j in itertools.permutations(range(len(best.tour)), 2):
            if time.monotonic() >= deadline:
                return best, gains
            tour = list(best.tour)
            tour.insert(j, tour.pop(i))
            trial = along(problem, builder, tour)
            if trial is not None and trial.evaluation.objective < best.evaluation.objective:
                best, gains, improved = trial, gains + 1, True
    return best, gains


def _tour(problem: Problem) -> list[str]:
    """Décors in nearest-neighbour order from the first one (fewer, shorter moves)."""
    remaining = [loc.id for loc in problem.locations]
    tour = [remaining.pop(0)] if remaining else []
    while remaining:
        here = tour[-1]
        nearest = min(remaining, key=lambda o: (distance_km(problem, here, o) or 0.0, o))
        remaining.remove(nearest)
        tour.append(nearest)
    return tour


def talent_tour(problem: Problem, builder: Builder) -> list[str] | None:
    """Décors in the order that holds the cast the least, each décor shot in one block
    (its duration: its scenes' minutes), by the exact subset DP of talent scheduling;
    ``None`` beyond ``TALENT_TOUR_MAX`` décors. Moves are left out: the solver keeps
    whichever start, this or the nearest-neighbour tour, costs less in full."""
    places = sorted({scene.location for scene in problem.scenes})
    if not 2 < len(places) <= TALENT_TOUR_MAX:
        return None
    actor = {member.id: i for i, member in enumerate(problem.cast)}
    masks, minutes = [0] * len(places), [0] * len(places)
    for scene in problem.scenes:
        at = places.index(scene.location)
        minutes[at] += builder.minutes[scene.id]
        for member in scene.cast:
            masks[at] |= 1 << actor[member]
    costs = [int(member.daily_cost) for member in problem.cast]
    order, _ = solve_subsets(masks, [max(1, m) for m in minutes], costs)
    return [places[i] for i in order]


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
    problem: Problem, builder: Builder | None = None, tour: list[str] | None = None
) -> dict[str, date]:
    """A quick schedule to start from: décor after décor along ``tour`` (by default the
    nearest-neighbour one), filling days.

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
        assignment = _fill(problem, builder, first, tour or _tour(problem))
        if len(assignment) > len(best):
            best = assignment
        missing = [s.id for s in problem.scenes if s.id not in assignment]
        if not missing:
            return assignment
        first += sorted(missing, key=lambda s: (allowed[s], s))
    return best


def _fill(problem: Problem, builder: Builder, first: list[str], tour: list[str]) -> dict[str, date]:
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
            placed = _place(problem, builder, fill, busy, scene, start, high)
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
