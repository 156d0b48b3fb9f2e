"""PDF import: the extraction libraries compared, and the whole process timed.

``PYTHONPATH=src:tests .venv/bin/python tests/bench/screenplay/bench_pdf.py [runs] [OUT]``
prints the 121-page script of ``test_parse_bench`` rendered as a PDF (to ``OUT`` if given,
for ``farm-bench -- .venv/bin/tournage script parse OUT --json``), then for each library
the CPU time and peak memory of a child process that only extracts the text with
positions (what the reader needs), then the whole ``tournage script parse FILE --json``
process. Each figure is the median of ``runs`` children, so imports are counted.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.screenplay.test_parse_bench import SCRIPT

_EXTRACTORS = {
    "pypdfium2 text objects (tournage)": (
        "from tournage.screenplay.pdf_text import read_document;"
        "from tournage.screenplay.limits import ParseLimits;"
        "read_document(open(PATH, 'rb').read(), ParseLimits.defaults())"
    ),
    "pdfplumber extract_words (before)": (
        "import pdfplumber;"
        "pdf = pdfplumber.open(PATH);"
        "[p.extract_words(x_tolerance=1.5, y_tolerance=2) for p in pdf.pages]"
    ),
    "pdfminer.six extract_pages (layout)": (
        "from pdfminer.high_level import extract_pages; list(extract_pages(PATH))"
    ),
}


def _run(command: list[str]) -> tuple[float, float]:
    """CPU seconds and peak RSS (MiB) of one finished child."""
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, command)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _median(command: list[str], runs: int) -> tuple[float, float]:
    figures = [_run(command) for _ in range(runs)]
    return statistics.median(f[0] for f in figures), statistics.median(f[1] for f in figures)


def main(runs: int, out: str | None) -> None:
    from tournage.screenplay.pdf_export import render_pdf
    from tournage.screenplay.reader import parse_text

    script = parse_text(SCRIPT)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(out or Path(folder) / "long.pdf")
        path.write_bytes(render_pdf(script))
        print(f"load average: {os.getloadavg()[0]:.1f}; {script.page_count} body pages")
        print("| step | CPU (median) | peak RSS |")
        print("|---|---|---|")
        python = sys.executable
        for name, code in _EXTRACTORS.items():
            cpu, rss = _median([python, "-c", code.replace("PATH", repr(str(path)))], runs)
            print(f"| {name} | {cpu:.2f} s | {rss:.0f} MiB |")
        tournage = str(Path(python).parent / "tournage")
        cpu, rss = _median([tournage, "script", "parse", str(path), "--json"], runs)
        name = "`tournage script parse FILE.pdf --json`, whole process"
        print(f"| {name} | {cpu:.2f} s | {rss:.0f} MiB |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3, sys.argv[2] if len(sys.argv) > 2 else None)
