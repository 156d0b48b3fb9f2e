"""Fixtures of the scheduling tests."""

from __future__ import annotations

import pytest

from scheduling.builders import make_problem, weights
from tournage.scheduling.model import Problem, Scene


@pytest.fixture
def small() -> Problem:
    """Four three-hour scenes in two décors, two actors; overtime dearer than a day."""
    return make_problem(
        [
            Scene("1", "studio", minutes=180, cast=("ana",)),
            Scene("2", "studio", minutes=180, cast=("ana", "bob")),
            Scene("3", "gare", minutes=180, cast=("bob",), int_ext="EXT"),
            Scene("4", "gare", minutes=180, cast=("ana",), int_ext="EXT"),
        ],
        weights=weights(overtime_hour=2000),
    )
