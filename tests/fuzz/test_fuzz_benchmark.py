"""Fuzz the benchmark table reader (CSV text and hand-made XLSX sheets)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from fuzz.conftest import fuzz_settings
from fuzz.hostile import survives
from handmade_xlsx import sheet_xml, workbook
from tournage.development.benchmark_import import read

HEADER = ["titre", "canal", "budget", "date_budget", "audience", "source_audience", "annee"]
CELL = st.one_of(
    st.none(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["tv", "cinema", "inconnu", "2024-02-30", "1 500,5", "=1+1", ""]),
)
ROWS = st.lists(st.lists(CELL, max_size=8), max_size=20)


@fuzz_settings()
@given(st.text(max_size=4000))
def test_csv_text(text: str) -> None:
    survives(lambda: read(("titre;canal\n" + text).encode(), "b.csv"))


@fuzz_settings()
@given(ROWS)
def test_xlsx_sheet(rows: list[list[Any]]) -> None:
    data = workbook({"Benchmark": sheet_xml([HEADER, *rows])})
    survives(lambda: read(data, "b.xlsx"))
