"""Fuzz the edit decision list readers (CMX 3600 EDL, OpenTimelineIO): only EditorialError
(a DomainError) may escape; an accepted list gives clips whose outs follow their ins.

OpenTimelineIO documents go to ``read_in_process``, the reader its child process runs: the
process boundary is not a parser, and a child per example costs 150 ms (4 hours for
100,000); a crash of the library here ends the run and is seen."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from editorial.otio_files import timeline_json
from fuzz.conftest import fuzz_settings
from fuzz.hostile import survives
from tournage.editorial import read_timeline
from tournage.editorial.model import Timeline
from tournage.editorial.otio import read_in_process

SAMPLE = (Path(__file__).parents[1] / "editorial" / "samples" / "final_cut.edl").read_text()
_TC = st.builds(
    "{:02d}{}{:02d}{}{:02d}{}{:02d}".format,
    st.integers(0, 99),
    st.sampled_from(":;."),
    st.integers(0, 99),
    st.sampled_from(":;"),
    st.integers(0, 99),
    st.sampled_from(":;.,"),
    st.integers(0, 99),
)
_EVENT = st.builds(
    "{:03d}  {} {} {} {} {} {} {} {}".format,
    st.integers(0, 1000),
    st.sampled_from(["AX", "BL", "A003C012", "MUS01", "X" * 40, "é"]),
    st.sampled_from(["V", "A", "AA", "B", "AA/V", "A2", "A9", "NONE", "A99", "Q"]),
    st.sampled_from(["C", "D", "W001", "K", "KB", "Z", "D 025", "W"]),
    _TC,
    _TC,
    _TC,
    _TC,
    st.sampled_from(["", "025", "x"]),
)
_LINE = st.one_of(
    _EVENT,
    st.sampled_from(
        [
            "TITLE: ESSAI",
            "FCM: DROP FRAME",
            "FCM: NON-DROP FRAME",
            "FCM: ???",
            "* FROM CLIP NAME: musique.wav",
            "* TO CLIP NAME: b",
            "* SOURCE FILE: /x/y",
            "* LOC: 01:00:00:00 RED",
            "*",
            "M2   AX       012.5                01:00:00:00",
            "M2 AX -25.0 00:00:00:00",
            "M2",
            "AUD  3    4",
            "AUD 99",
            "AUD x",
            "",
            "SPLIT: AUDIO DELAY=00:00:00:05",
        ]
    ),
    st.text(max_size=80),
)
_EDL = st.lists(_LINE, max_size=40).map("\n".join)


def _check(read: Callable[[], Timeline]) -> None:
    def parse() -> Any:
        timeline = read()
        assert all(c.record_out >= c.record_in for c in timeline.clips)
        assert all(c.source_out >= c.source_in for c in timeline.clips)
        json.dumps(timeline.to_dict())
        return timeline

    survives(parse)


@fuzz_settings()
@given(_EDL, st.sampled_from([None, "25", "29.97", "23.976", "59.94"]))
def test_fuzz_edl_lines(text: str, rate: str | None) -> None:
    _check(lambda: read_timeline(text.encode(), "x.edl", rate=rate))


@fuzz_settings()
@given(st.binary(max_size=800))
def test_fuzz_edl_bytes(data: bytes) -> None:
    _check(lambda: read_timeline(data, "x.edl"))


@fuzz_settings()
@given(st.integers(0, len(SAMPLE)), st.integers(0, 60), st.text(max_size=20))
def test_fuzz_edl_mutated_sample(at: int, cut: int, insert: str) -> None:
    edited = (SAMPLE[:at] + insert + SAMPLE[at + cut :]).encode()
    _check(lambda: read_timeline(edited, "final.edl"))


_BASE = json.loads(timeline_json())
_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**64), 2**64),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(["Timeline.1", "Clip.2", "Track.1", "Stack.1", "RationalTime.1", "Gap.1"]),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    children = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, child in children:
        found += _paths(child, (*prefix, key))
    return found


_PATHS = [p for p in _paths(_BASE) if p]


@fuzz_settings()
@given(st.lists(st.tuples(st.sampled_from(_PATHS), _VALUES), min_size=1, max_size=4))
def test_fuzz_otio_mutated(changes: list[tuple[tuple[Any, ...], Any]]) -> None:
    document = json.loads(json.dumps(_BASE))
    for path, value in changes:
        node = document
        try:
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    _check(lambda: read_in_process(json.dumps(document).encode(), None))


@fuzz_settings()
@given(st.binary(max_size=600))
def test_fuzz_otio_bytes(data: bytes) -> None:
    _check(lambda: read_in_process(data, None))
