"""Fuzz the takes-log readers (ALE, Resolve CSV): only FollowupError (a DomainError) may
escape; an accepted log gives takes with a scene and a take and survives an ALE export."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from followup.test_takes import ALE, CSV
from fuzz.conftest import fuzz_settings
from fuzz.hostile import survives
from tournage.followup.takes import export_ale, export_csv, read_takes

_CELL = st.one_of(
    st.sampled_from(["", "12", "12A", "3", "true", "1", "A001", "10:00:00:00", '"', "\t", "=1+1"]),
    st.text(max_size=30),
)
_HEADERS = st.sampled_from(
    [
        "Scene",
        "Take",
        "Slate",
        "Shot",
        "Camroll",
        "Roll Card #",
        "circleTake",
        "Good Take",
        "Name",
        "File Name",
        "Start",
        "End",
        "Comments",
        "Soundroll",
        "x",
    ]
)


def _check(content: bytes, name: str) -> None:
    def parse() -> Any:
        log = read_takes(content, name)
        assert all(t.scene and t.take for t in log.takes)
        read_takes(export_ale(log.takes), "again.ale")
        export_csv(log.takes)
        return log

    survives(parse)


@fuzz_settings()
@given(st.lists(_HEADERS, max_size=8), st.lists(st.lists(_CELL, max_size=9), max_size=12))
def test_fuzz_ale_sections(header: list[str], rows: list[list[str]]) -> None:
    body = ["Heading", "FIELD_DELIM\tTABS", "FPS\t25", "", "Column", "\t".join(header), "", "Data"]
    body += ["\t".join(row) for row in rows]
    _check("\n".join(body).encode(), "x.ale")


@fuzz_settings()
@given(st.lists(_HEADERS, max_size=8), st.lists(st.lists(_CELL, max_size=9), max_size=12))
def test_fuzz_resolve_csv(header: list[str], rows: list[list[str]]) -> None:
    lines = [",".join(header), *(",".join(row) for row in rows)]
    _check("\n".join(lines).encode(), "x.csv")


@fuzz_settings()
@given(
    st.sampled_from([(ALE, "a.ale"), (CSV, "a.csv")]),
    st.integers(0, 600),
    st.integers(0, 40),
    st.binary(max_size=20),
)
def test_fuzz_mutated_samples(sample: tuple[bytes, str], at: int, cut: int, insert: bytes) -> None:
    content, name = sample
    _check(content[:at] + insert + content[at + cut :], name)
