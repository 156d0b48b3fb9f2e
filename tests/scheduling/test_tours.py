"""The talent tour keeps an actor's décors together; the tour search moves a décor where
it holds no one and fills days longer when that is cheaper; the solver starts from the
cheapest tour."""

import time
from decimal import Decimal

from scheduling.builders import make_problem
from tournage.scheduling.construct import greedy
from tournage.scheduling.cpmodel import Builder
from tournage.scheduling.evaluate import evaluate
from tournage.scheduling.model import CastMember, Location, Problem, Scene
from tournage.scheduling.solver import SolveOptions, solve
from tournage.scheduling.tours import along, talent_tour, tour_search, tours


def _line_of_decors() -> Problem:
    """Four décors along a road, a costly actor at both ends: the nearest-neighbour tour
    goes along the road and holds her through the two middle décors."""
    places = [Location(f"d{i}", f"Décor {i}", 48.85 + 0.05 * i, 2.35) for i in range(4)]
    cast = [CastMember("star", "Star", Decimal(5000)), CastMember("x", "X", Decimal(100))]
    scenes = [
        Scene("1", "d0", minutes=400, cast=("star",)),
        Scene("2", "d1", minutes=400, cast=("x",)),
        Scene("3", "d2", minutes=400, cast=("x",)),
        Scene("4", "d3", minutes=400, cast=("star",)),
    ]
    return make_problem(scenes, cast=cast, locations=places, max_days=6)


def test_the_talent_tour_puts_an_actors_decors_together() -> None:
    problem = _line_of_decors()
    builder = Builder(problem)
    tour = talent_tour(problem, builder)
    assert tour is not None and abs(tour.index("d0") - tour.index("d3")) == 1
    along_road = evaluate(problem, greedy(problem, builder)).terms["holding_days"]
    along_tour = evaluate(problem, greedy(problem, builder, tour)).terms["holding_days"]
    assert isinstance(along_road, dict) and isinstance(along_tour, dict)
    assert along_road["star"] == 2 and along_tour["star"] == 0


def test_the_tour_search_moves_a_decor_where_it_holds_no_one() -> None:
    problem = _line_of_decors()
    builder = Builder(problem)
    normal = builder.rules.normal_day_minutes
    road = along(problem, builder, tours(problem, builder)[0], normal)  # nearest-neighbour
    assert road is not None
    found, gains = tour_search(problem, builder, [road], time.monotonic() + 60)
    assert gains >= 1 and found.evaluation.objective < road.evaluation.objective
    held = found.evaluation.terms["holding_days"]
    assert isinstance(held, dict) and held["star"] == 0


def test_the_tour_search_fills_longer_days_when_they_cost_less() -> None:
    """Two five-hour scenes: two normal days cost a crew day more than one long day costs
    in overtime (three hours)."""
    problem = make_problem(
        [Scene(str(i), "studio", minutes=300, cast=("ana",)) for i in (1, 2)], max_days=4
    )
    builder = Builder(problem)
    normal = along(problem, builder, ["studio", "gare"], builder.rules.normal_day_minutes)
    assert normal is not None and normal.evaluation.terms["shooting_days"] == 2
    found, gains = tour_search(problem, builder, [normal], time.monotonic() + 60)
    assert gains >= 1 and found.day >= 600
    assert found.evaluation.terms["shooting_days"] == 1
    assert found.evaluation.objective < normal.evaluation.objective


def test_the_solver_starts_from_the_cheaper_tour() -> None:
    problem = _line_of_decors()
    solution = solve(problem, SolveOptions(time_limit=5, lns=False))
    road = evaluate(problem, greedy(problem)).objective
    assert solution.start_objective is not None and solution.start_objective < road
