"""Talent-scheduling benchmark: the eight classic instances and seeded random ones.

Run: PYTHONPATH=src:tests .venv/bin/python tests/bench/scheduling/bench_talent.py [limit] [runs]
Prints, per instance, the cost, the proven optimum when published, the lower bound, whether
the optimum is proved, the best time of ``runs`` (default 1; the machine is shared, the best
run is the least disturbed one), the CPU time of that run (what the process itself used,
less sensitive to other jobs than the wall time) and the load average when the row was
measured.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from bench.scheduling.generate import random_talent
from tournage.scheduling.talent import TalentInstance, TalentResult, solve_talent
from tournage.scheduling.talent_bb import warm_up
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
RANDOM_SIZES = ((24, 12), (32, 16), (40, 20))


def timed(instance: TalentInstance, limit: float) -> tuple[TalentResult, float]:
    cpu = time.process_time()
    result = solve_talent(instance, time_limit=limit)
    return result, time.process_time() - cpu


def row(instance: TalentInstance, optimum: int | None, limit: float, runs: int) -> None:
    result, cpu = timed(instance, limit)
    if result.optimal:  # runs cut short by the limit are not repeated
        for _ in range(runs - 1):
            again, again_cpu = timed(instance, limit)
            if again.seconds < result.seconds:
                result, cpu = again, again_cpu
    gap = (result.total_cost - result.lower_bound) / result.total_cost
    print(
        f"{instance.name:22} {len(instance.cast):3}x{len(instance.costs):<3} "
        f"C={result.total_cost:6} H={result.idle_cost:5} opt={optimum or '?':>6} "
        f"bound={result.lower_bound:6} gap={gap:6.1%} proved={result.optimal!s:5} "
        f"{result.seconds:7.2f} s  cpu={cpu:6.2f} s  nodes={result.expanded:9}  "
        f"load={os.getloadavg()[0]:.1f}",
        flush=True,
    )


def main() -> None:
    limit = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    warm_up()  # compiled once, outside the measured runs
    for name, optimum in OPTIMA.items():
        instance = read_instance(DATA / f"{name}.dzn")
        row(
            TalentInstance(name, instance.cast, instance.durations, instance.costs),
            optimum,
            limit,
            runs,
        )
    for n, m in RANDOM_SIZES:
        for seed in range(3):
            row(random_talent(n, m, seed), None, limit, runs)


if __name__ == "__main__":
    main()
