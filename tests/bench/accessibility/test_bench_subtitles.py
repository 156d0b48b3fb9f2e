"""Reading and checking speed, side by side with pysubs2 (the reference reader).

A table:   PYTHONPATH=src .venv/bin/python tests/bench/accessibility/test_bench_subtitles.py
or:        pytest tests/bench/accessibility --benchmark-only -p no:django --noconftest
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pysubs2
import pytest

from tournage.accessibility.checks import CheckOptions, check_document
from tournage.accessibility.cues import Cue, SubtitleDocument, make_lines
from tournage.accessibility.readers import read_subtitles
from tournage.accessibility.timecode import parse_frame_rate
from tournage.accessibility.writers import to_srt, to_ttml

sys.path.append(str(Path(__file__).resolve().parents[2]))  # tests/, for the STL writer
from accessibility.stl_writer import write_stl

SENTENCE = "le train de nuit part dans une minute et tu es encore là à me regarder sans rien dire"
WORDS = SENTENCE.split()


def programme(cues: int) -> SubtitleDocument:
    """A feature film has about 1,500 cues; lines of 20-40 characters, 2-4 s each."""
    made = []
    for n in range(cues):
        start = n * 3000
        words = [WORDS[(n + k) % len(WORDS)] for k in range(5 + n % 4)]
        lines = [" ".join(words[:4]).capitalize(), " ".join(words[4:]) + "."]
        made.append(Cue(n + 1, start, start + 2000 + (n % 3) * 400, make_lines(lines)))
    return SubtitleDocument("srt", tuple(made))


def _files(cues: int) -> dict[str, bytes]:
    document = programme(cues)
    return {
        "srt": to_srt(document).encode(),
        "ttml": to_ttml(document).encode(),
        "stl": write_stl(list(document.cues), parse_frame_rate("25")),
    }


@cache
def feature(kind: str) -> bytes:
    """The 1,500-cue film in one format (built once, when a benchmark first needs it)."""
    return _files(1500)[kind]


def _pysubs2(kind: str) -> object:
    return pysubs2.SSAFile.from_string(feature(kind).decode(), format_=kind)


CASES: dict[str, Callable[[], object]] = {
    "pysubs2 read SRT (reference)": lambda: _pysubs2("srt"),
    "tournage read SRT": lambda: read_subtitles(feature("srt")),
    "pysubs2 read TTML (reference)": lambda: _pysubs2("ttml"),
    "tournage read TTML": lambda: read_subtitles(feature("ttml")),
    "tournage read EBU-STL": lambda: read_subtitles(feature("stl")),
    "tournage check fr-csa-2011": lambda: check_document(
        read_subtitles(feature("srt")), CheckOptions("fr-csa-2011")
    ),
    "tournage check netflix-fr": lambda: check_document(
        read_subtitles(feature("srt")), CheckOptions("netflix-fr")
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_feature_length(benchmark, name):
    benchmark(CASES[name])


def _best_of(action: Callable[[], object], repeat: int = 5) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return min(timings)


if __name__ == "__main__":
    print(f"1,500-cue feature film (SRT {len(feature('srt')) // 1024} kB), best of 5:")
    for label, action in CASES.items():
        print(f"  {label:<32} {_best_of(action) * 1000:8.1f} ms")
    big = _files(20_000)["srt"]
    started = time.perf_counter()
    check_document(read_subtitles(big), CheckOptions("netflix-fr"))
    print(f"  20,000 cues read + netflix-fr    {(time.perf_counter() - started) * 1000:8.1f} ms")
