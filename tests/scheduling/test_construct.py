"""The constructive start places every scene and keeps every rule on the generated
features (seed 2 left three scenes of windowed décors out before the repair rounds)."""

import pytest

from bench.scheduling.generate import feature_film
from tournage.scheduling.construct import greedy
from tournage.scheduling.evaluate import evaluate


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_greedy_places_every_scene_lawfully(seed: int) -> None:
    problem = feature_film(seed)
    assignment = greedy(problem)
    assert set(assignment) == {scene.id for scene in problem.scenes}
    assert not evaluate(problem, assignment).breaks_rules
