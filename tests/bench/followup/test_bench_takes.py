"""Takes-log reading speed: a feature's camera reports as one ALE and one Resolve CSV.

A table:   PYTHONPATH=src .venv/bin/python tests/bench/followup/test_bench_takes.py
or:        pytest tests/bench/followup --benchmark-only -p no:django --noconftest
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from functools import cache

import pytest

from tournage.followup.takes import Take, export_ale, export_csv, read_takes

TAKES = 20_000  # the import bound of followup.yaml: a long feature logs a few thousand


@cache
def log() -> tuple[Take, ...]:
    return tuple(
        Take(
            str(n // 60 + 1),
            str(n // 6 % 10 + 1),
            str(n % 6 + 1),
            f"A{n // 400:03d}",
            f"A{n // 400:03d}C{n:05d}",
            "10:00:00:00",
            "10:00:20:00",
            f"S{n // 400:03d}",
            n % 6 == 2,
            "bonne prise, léger flou en fin",
        )
        for n in range(TAKES)
    )


@cache
def files() -> dict[str, bytes]:
    return {"log.ale": export_ale(log()), "log.csv": export_csv(log())}


@pytest.mark.parametrize("name", ["log.ale", "log.csv"])
def test_bench_read(benchmark: Callable[..., object], name: str) -> None:
    benchmark(read_takes, files()[name], name)


if __name__ == "__main__":
    load = os.getloadavg()[0]
    for name, content in files().items():
        started, cpu = time.perf_counter(), time.process_time()
        read = read_takes(content, name)
        wall, used = time.perf_counter() - started, time.process_time() - cpu
        print(
            f"{name}: {len(read.takes)} takes, {len(content) / 1e6:.1f} MB, "
            f"wall {wall * 1000:.0f} ms, CPU {used * 1000:.0f} ms (load {load:.1f})"
        )
