"""A generated feature film (120 scenes, 30 cast, 15 décors in 3 regions, 6-day weeks).

Run: PYTHONPATH=src:tests .venv/bin/python tests/bench/scheduling/bench_feature.py [limits...]
Prints, for each time limit, the status, objective, bound, gap and the main terms.
"""

from __future__ import annotations

import sys
import time

from bench.scheduling.generate import feature_film
from tournage.scheduling.solver import SolveOptions, solve


def main() -> None:
    limits = [float(x) for x in sys.argv[1:]] or [10.0, 60.0]
    problem = feature_film()
    for limit in limits:
        started = time.monotonic()
        solution = solve(problem, SolveOptions(time_limit=limit, deterministic=False))
        terms = solution.evaluation.terms if solution.evaluation else {}
        print(
            f"limit {limit:5.0f} s: {solution.status:10} objective={solution.objective} "
            f"bound={solution.bound} gap={solution.gap and round(solution.gap * 100, 1)} % "
            f"wall={time.monotonic() - started:.1f} s days={terms.get('shooting_days')} "
            f"moves={terms.get('company_moves')} km={terms.get('move_km')} "
            f"holding={terms.get('holding_cost_eur')}",
            flush=True,
        )


if __name__ == "__main__":
    main()
