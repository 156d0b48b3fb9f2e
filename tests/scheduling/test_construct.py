"""The constructive start places every scene and keeps every rule on the generated
features (seed 2 left three scenes of windowed décors out before the repair rounds); the
talent tour keeps an actor's décors together."""

import time
from decimal import Decimal

import pytest

from bench.scheduling.generate import feature_film
from scheduling.builders import make_problem
from tournage.scheduling.construct import along, greedy, talent_tour, tour_search, tours
from tournage.scheduling.cpmodel import Builder
from tournage.scheduling.evaluate import evaluate
from tournage.scheduling.model import CastMember, Location, Problem, Scene
from tournage.scheduling.solver import SolveOptions, solve


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_greedy_places_every_scene_lawfully(seed: int) -> None:
    problem = feature_film(seed)
    assignment = greedy(problem)
    assert set(assignment) == {scene.id for scene in problem.scenes}
    assert not evaluate(problem, assignment).breaks_rules


def test_a_time_limit_spent_building_the_model_returns_the_lawful_start() -> None:
    problem = feature_film(2)
    solution = solve(problem, SolveOptions(time_limit=0.01))
    assert solution.status == "feasible" and solution.evaluation is not None
    assert solution.objective == solution.start_objective
    assert not solution.evaluation.breaks_rules
    assert solution.first_seconds is not None
    assert any("construction du modèle" in note for note in solution.notes)


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


def test_the_solver_starts_from_the_cheaper_tour() -> None:
    problem = _line_of_decors()
    solution = solve(problem, SolveOptions(time_limit=5, lns=False))
    road = evaluate(problem, greedy(problem)).objective
    assert solution.start_objective is not None and solution.start_objective < road


def test_the_tour_search_moves_a_decor_where_it_holds_no_one() -> None:
    problem = _line_of_decors()
    builder = Builder(problem)
    road = along(problem, builder, tours(problem, builder)[0])  # the nearest-neighbour tour
    assert road is not None
    found, gains = tour_search(problem, builder, road, time.monotonic() + 60)
    assert gains >= 1 and found.evaluation.objective < road.evaluation.objective
    held = found.evaluation.terms["holding_days"]
    assert isinstance(held, dict) and held["star"] == 0
