"""The constructive start places every scene and keeps every rule on the generated
features (seed 2 left three scenes of windowed décors out before the repair rounds)."""

import pytest

from bench.scheduling.generate import feature_film
from tournage.scheduling.construct import greedy
from tournage.scheduling.evaluate import evaluate
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
