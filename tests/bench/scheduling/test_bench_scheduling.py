"""pytest-benchmark entries (``make bench``); the full tables come from the bench_* scripts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench.scheduling.generate import feature_film
from tournage.scheduling.solver import SolveOptions, solve
from tournage.scheduling.talent import solve_talent
from tournage.scheduling.talent_io import read_instance

DATA = Path("/work/shared/data/talent-scheduling/minizinc")


@pytest.mark.parametrize(("name", "optimum"), [("film105", 849), ("film118", 853)])
def test_talent_classic(benchmark: Any, name: str, optimum: int) -> None:
    instance = read_instance(DATA / f"{name}.dzn")
    result = benchmark.pedantic(solve_talent, args=(instance, 60.0), rounds=1)
    assert result.total_cost == optimum


def test_feature_film_feasible_in_10_seconds(benchmark: Any) -> None:
    problem = feature_film()
    options = SolveOptions(time_limit=10, deterministic=False)
    solution = benchmark.pedantic(solve, args=(problem, options), rounds=1)
    assert solution.status in ("optimal", "feasible")
    benchmark.extra_info["gap"] = solution.gap
