"""Large neighbourhood search: from a start that holds actors, with a cheaper schedule
planted, it finds a schedule at least as cheap as the planted one; a seed and a number of
steps give one schedule."""

import time
from datetime import date
from decimal import Decimal

from scheduling.builders import make_problem
from tournage.scheduling.construct import greedy
from tournage.scheduling.cpmodel import Builder
from tournage.scheduling.evaluate import evaluate
from tournage.scheduling.model import CastMember, Location, Problem, Scene
from tournage.scheduling.solver import SolveOptions, _Incumbent, _lns

ACTORS = ("ana", "bob", "eve")


def roads() -> Problem:
    """Three roads of four décors a kilometre apart, the roads 50 km from each other; on
    each road one actor plays in the first and the last décor. The constructive schedule
    follows each road, so every actor waits two days; shooting each road's middle décors
    first costs a few kilometres more and no hold day."""
    places = [
        Location(f"L{r}{i}", f"Décor {r}{i}", 45.0 + 0.45 * r, 1.0 + 0.013 * i)
        for r in range(3)
        for i in range(4)
    ]
    scenes = [
        Scene(f"s{r}{i}", f"L{r}{i}", minutes=400, cast=(ACTORS[r],) if i in (0, 3) else ())
        for r in range(3)
        for i in range(4)
    ]
    cast = [CastMember(name, name.title(), Decimal(3000)) for name in ACTORS]
    return make_problem(scenes, cast=cast, locations=places, max_days=14)


def planted(problem: Problem) -> dict[str, date]:
    days = problem.calendar.days()
    order = [f"s{r}{i}" for r in range(3) for i in (1, 2, 0, 3)]
    return {scene: days[d] for d, scene in enumerate(order)}


def search(problem: Problem, start: dict[str, date], seed: int, steps: int) -> _Incumbent:
    builder = Builder(problem)
    builder.build()
    incumbent = _Incumbent(start, evaluate(problem, start))
    options = SolveOptions(seed=seed)
    best, _ = _lns(problem, builder, incumbent, options, time.monotonic() + 300, steps)
    return best


def test_the_search_finds_the_planted_cheaper_schedule() -> None:
    problem = roads()
    start = greedy(problem)
    assert evaluate(problem, start).terms["holding_days"] == dict.fromkeys(ACTORS, 2)
    cheaper = evaluate(problem, planted(problem))
    assert not cheaper.breaks_rules and cheaper.objective < evaluate(problem, start).objective
    best = search(problem, start, seed=2, steps=4)
    assert best.objective <= cheaper.objective
    assert not best.evaluation.breaks_rules


def test_a_seed_and_a_number_of_steps_give_one_schedule() -> None:
    problem = roads()
    start = greedy(problem)
    first = search(problem, start, seed=2, steps=3)
    assert search(problem, start, seed=2, steps=3).assignment == first.assignment
