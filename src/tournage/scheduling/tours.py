"""Starts along other tours of the décors, and a search over tours and day lengths.

The constructive schedule (``construct.greedy``) shoots décor after décor along a tour,
filling days up to a day length. Which tour and which length matter more than anything
the later search changes on a feature: holding the cast is most of the cost, and it comes
from an actor's décors lying far apart in the tour, and from short days stretching every
actor's span.

- The *talent tour* (``talent_tour``): the order of the décors that holds the cast the
  least when each décor is shot in one block — talent scheduling with décors as scenes
  (duration: the décor's minutes; cast: everyone with a scene there), solved exactly by
  the subset DP of ``talent_dp``. Holding is the same in both directions, the décors'
  windows are not: both are tried.
- The *tour search* (``tour_search``): every start tour filled to each day length (a
  normal day, then an hour more at a time up to the longest day), then one décor moved
  at a time to another place of the best tour; a change is kept when ``evaluate`` finds
  the schedule cheaper in full and lawful (moves, windows, overtime: what the DP leaves
  out), until no change helps or the deadline.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass
from datetime import date

from tournage.scheduling.construct import greedy, nearest_tour
from tournage.scheduling.cpmodel import Builder
from tournage.scheduling.evaluate import Evaluation, evaluate
from tournage.scheduling.model import Problem
from tournage.scheduling.talent_dp import solve_subsets

TALENT_TOUR_MAX = 16  # décors: up to 2^16 subsets for the DP, milliseconds
HOUR = 60


@dataclass
class Toured:
    """A lawful complete schedule built along ``tour`` with days up to ``day`` minutes."""

    tour: list[str]
    day: int
    assignment: dict[str, date]
    evaluation: Evaluation


def tours(problem: Problem, builder: Builder) -> list[list[str]]:
    """The tours a start is built along: nearest-neighbour, the talent tour, its reverse."""
    talent = talent_tour(problem, builder)
    return [nearest_tour(problem)] + ([] if talent is None else [talent, talent[::-1]])


def day_lengths(builder: Builder) -> list[int]:
    """A normal day, then an hour more at a time up to the longest day allowed."""
    rules = builder.rules
    return list(range(rules.normal_day_minutes, rules.max_daily_minutes + 1, HOUR))


def along(problem: Problem, builder: Builder, tour: list[str], day: int) -> Toured | None:
    """The greedy schedule along ``tour``, if it places every scene and breaks no rule."""
    assignment = greedy(problem, builder, tour, day)
    if len(assignment) != len(problem.scenes):
        return None
    evaluation = evaluate(problem, assignment)
    return None if evaluation.breaks_rules else Toured(tour, day, assignment, evaluation)


def talent_tour(problem: Problem, builder: Builder) -> list[str] | None:
    """Décors in the order that holds the cast the least, each décor shot in one block,
    by the exact subset DP of talent scheduling; ``None`` beyond ``TALENT_TOUR_MAX``
    décors (or fewer than three: any order then)."""
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


def tour_search(
    problem: Problem, builder: Builder, starts: list[Toured], deadline: float
) -> tuple[Toured, int]:
    """The cheapest schedule over day lengths and tours; returns it and its gains. The
    changes are tried in a fixed order: a deterministic search but for the deadline."""
    best, gains = min(starts, key=lambda t: t.evaluation.objective), 0

    def keep(trial: Toured | None) -> bool:
        nonlocal best, gains
        if trial is None or trial.evaluation.objective >= best.evaluation.objective:
            return False
        best, gains = trial, gains + 1
        return True

    for start, day in itertools.product(starts, day_lengths(builder)):
        if time.monotonic() >= deadline:
            return best, gains
        if day != start.day:
            keep(along(problem, builder, start.tour, day))
    improved = True
    while improved:
        improved = False
        for i, j in itertools.permutations(range(len(best.tour)), 2):
            if time.monotonic() >= deadline:
                return best, gains
            tour = list(best.tour)
            tour.insert(j, tour.pop(i))
            improved = keep(along(problem, builder, tour, best.day)) or improved
    return best, gains
