"""Whole-process CPU time of the command line against screenplain, side by side.

``PYTHONPATH=src:tests .venv/bin/python tests/bench/screenplay/bench_cli.py [runs]``
writes the 120-page script of ``test_parse_bench`` to a temporary file, then runs each
command in turn (A B C A B C...), ``runs`` times each, and prints the median CPU time
(user + system of the finished child, its start-up included) and the ratio to
screenplain's HTML conversion, the cheapest whole-process parse screenplain offers.

tournage's bytecode is compiled first (``compileall``), as pip does when it installs a
wheel: screenplain, installed from its wheel, has its ``.pyc`` files, whereas an editable
install run with ``PYTHONDONTWRITEBYTECODE=1`` (as on this machine) would compile every
module of tournage from source at each start — 40–50 ms of a command that is not what a
user installing tournage pays.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.screenplay.test_parse_bench import SCRIPT


def _cpu(command: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _compile_bytecode() -> None:
    import compileall

    import tournage

    compileall.compile_dir(Path(tournage.__file__).parent, quiet=1)


def main(runs: int) -> None:
    _compile_bytecode()
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "long.fountain"
        script.write_text(SCRIPT, encoding="utf-8")
        out = os.devnull
        commands = {
            "tournage script parse FILE --json": [
                str(bin_dir / "tournage"),
                "script",
                "parse",
                str(script),
                "--json",
            ],
            "tournage --version": [str(bin_dir / "tournage"), "--version"],
            "screenplain --format html FILE OUT": [
                str(bin_dir / "screenplain"),
                "--format",
                "html",
                str(script),
                out,
            ],
            "screenplain --format fdx FILE OUT": [
                str(bin_dir / "screenplain"),
                "--format",
                "fdx",
                str(script),
                out,
            ],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():  # warm-up, not counted
            _cpu(command)
        for _ in range(runs):
            for name, command in commands.items():
                times[name].append(_cpu(command))
    reference = statistics.median(times["screenplain --format html FILE OUT"])
    print(f"load average: {os.getloadavg()[0]:.1f}; {runs} runs each, median CPU time")
    print("| command | CPU time (median) | / screenplain html |")
    print("|---|---|---|")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"| `{name}` | {median * 1000:.0f} ms | {median / reference:.2f} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
