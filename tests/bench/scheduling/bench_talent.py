"""Talent-scheduling benchmark: classic instances and seeded random ones.

Run: PYTHONPATH=src:tests .venv/bin/python tests/bench/scheduling/bench_talent.py [limit] [runs]
Prints cost, proven optimum, bound, proof and the best time of ``runs`` (default 1) for
each proved instance: the machine is shared, the best run is the least disturbed one.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.scheduling.generate import random_talent
from tournage.scheduling.talent import TalentInstance, solve_talent
from tournage.scheduling.talent_io import read_instance

DATA = Path("/work/shared/data/talent-scheduling/minizinc")
OPTIMA = {
    "MobStory": 871,
    "film103": 1031,
    "film105": 849,
    "film114": 867,
    "film116": 541,
    "film117": 913,
    "film118": 853,
    "film119": 790,
}


def row(instance: TalentInstance, optimum: int | None, limit: float, runs: int) -> None:
    result = solve_talent(instance, time_limit=limit)
    if result.optimal:  # runs cut short by the limit are not repeated
        for _ in range(runs - 1):
            again = solve_talent(instance, time_limit=limit)
            result = min(result, again, key=lambda r: r.seconds)
    print(
        f"{instance.name:22} {len(instance.cast):3}x{len(instance.costs):<3} "
        f"C={result.total_cost:6} H={result.idle_cost:5} opt={optimum or '?':>6} "
        f"bound={result.lower_bound:6} proved={result.optimal!s:5} "
        f"{result.seconds:7.2f} s  nodes={result.expanded}",
        flush=True,
    )


def main() -> None:
    limit = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for name, optimum in OPTIMA.items():
        instance = read_instance(DATA / f"{name}.dzn")
        row(
            TalentInstance(name, instance.cast, instance.durations, instance.costs),
            optimum,
            limit,
            runs,
        )
    for n, m in ((16, 8), (20, 10), (24, 12), (32, 16)):
        for seed in range(3):
            row(random_talent(n, m, seed), None, limit, runs)


if __name__ == "__main__":
    main()
