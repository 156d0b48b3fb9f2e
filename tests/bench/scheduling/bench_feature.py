"""Generated feature films (120 scenes, 30 cast, 15 décors in 3 regions, availability
windows, 20 % night scenes, 6-day weeks), three seeded variants.

Run: PYTHONPATH=src .venv/bin/python tests/bench/scheduling/bench_feature.py [limits...]
(``tests`` is put on the path here, for the generator; ``PYTHONPATH=src:tests`` works too)
Prints, for each variant and time limit, the starting cost, the cost found, the bound and
its terms, the part of each term the proof leaves open (paid minus bound), the gap, the
wall time and the load average when the row was measured.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/, for bench.*

from bench.scheduling.generate import feature_film
from tournage.scheduling.solver import SolveOptions, solve

SEEDS = (1, 2, 3)


def main() -> None:
    limits = [float(x) for x in sys.argv[1:]] or [10.0, 60.0]
    for seed in SEEDS:
        problem = feature_film(seed)
        for limit in limits:
            started = time.monotonic()
            solution = solve(problem, SolveOptions(time_limit=limit, seed=seed))
            terms = solution.evaluation.terms if solution.evaluation else {}
            gap = None if solution.gap is None else round(solution.gap * 100, 1)
            print(
                f"feature seed {seed} limit {limit:4.0f} s: {solution.status:10} "
                f"start={solution.start_objective} cost={solution.objective} "
                f"bound={solution.bound} gap={gap} % wall={time.monotonic() - started:.1f} s "
                f"first={solution.first_seconds and round(solution.first_seconds, 2)} s "
                f"days={terms.get('calendar_days')} moves={terms.get('company_moves')} "
                f"holding={terms.get('holding_cost_eur')} lns+={solution.improvements} "
                f"load={os.getloadavg()[0]:.1f} terms={solution.bound_terms} "
                f"open={ {term: part['open'] for term, part in solution.proof.items()} }",
                flush=True,
            )


if __name__ == "__main__":
    main()
