"""Fixtures of the scheduling tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest

from scheduling.builders import make_problem, weights
from tournage.scheduling.model import Problem, Scene

from .web_helpers import SCRIPT


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


@pytest.fixture
def fast_solver(monkeypatch: pytest.MonkeyPatch) -> None:
    from tournage.scheduling.tables import DEFAULTS
    from tournage.web.scheduling import tasks

    fast = replace(DEFAULTS.load(), solve_seconds=2)
    monkeypatch.setattr(tasks, "DEFAULTS", SimpleNamespace(load=lambda: fast))


@pytest.fixture
def scripted(production: Any) -> Any:
    from tournage.web.screenplay.services import import_script

    production.shoot_start = date(2027, 3, 1)
    production.save()
    import_script(production, SCRIPT, "essai.fountain")
    return production
