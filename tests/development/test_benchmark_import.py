"""Benchmark tables: good CSV/XLSX read, malformed, empty, huge and hostile refused."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from tournage.development import benchmark_import
from tournage.development.errors import DevelopmentError

CSV = (
    "titre;année;canal;budget;source_budget;date_budget;audience;positionnement\n"
    "La Digue;2022;cinema;1 500,50;CNC;2024-05-01;inconnu;Plus intime\n"
)


def test_csv_rows_with_french_numbers_and_unknown_figures() -> None:
    [row] = benchmark_import.read(CSV.encode(), "bench.csv")
    assert row.title == "La Digue" and row.year == 2022 and row.channel_kind == "cinema"
    assert row.figures["budget"] == Decimal("1500.50")
    assert row.figures["budget_date"] == date(2024, 5, 1)
    assert row.figures["audience_unknown"] and row.figures["audience"] is None


def test_xlsx_rows() -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Title", "Channel", "Audience", "Audience date"])
    sheet.append(["Rive", "digital", 1200, date(2025, 1, 2)])
    buffer = io.BytesIO()
    book.save(buffer)
    [row] = benchmark_import.read(buffer.getvalue(), "bench.xlsx")
    assert row.figures["audience"] == Decimal(1200)
    assert row.figures["audience_date"] == date(2025, 1, 2)


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"", "b.csv", "benchmark.empty"),
        (b"titre;canal\n", "b.csv", "benchmark.no_rows"),
        (b"nom;canal\nA;tv\n", "b.csv", "benchmark.header"),
        (b"titre;canal;=cmd()\nA;tv;1\n", "b.csv", "benchmark.header"),
        (b"titre;canal\nA;radio\n", "b.csv", "benchmark.channel"),
        (b"titre;canal;budget\nA;tv;beaucoup\n", "b.csv", "benchmark.number"),
        (b"titre;canal;budget\nA;tv;-5\n", "b.csv", "benchmark.number"),
        (b"titre;canal;date_budget\nA;tv;12/05/2024\n", "b.csv", "benchmark.date"),
        (b"titre;canal\n;tv\n", "b.csv", "benchmark.title"),
        (b"\xff\xfe\x00t", "b.csv", "benchmark.encoding"),
        (b"PK\x03\x04 not a zip", "b.xlsx", "benchmark.unreadable"),
        (b"x" * (benchmark_import.MAX_BYTES + 1), "b.csv", "benchmark.too_large"),
    ],
)
def test_bad_files_are_refused_with_a_code(data: bytes, name: str, code: str) -> None:
    with pytest.raises(DevelopmentError) as error:
        benchmark_import.read(data, name)
    assert error.value.code == code
    assert error.value.message


def test_too_many_rows() -> None:
    data = "titre;canal\n" + "A;tv\n" * (benchmark_import.MAX_ROWS + 1)
    with pytest.raises(DevelopmentError) as error:
        benchmark_import.read(data.encode(), "b.csv")
    assert error.value.code == "benchmark.too_many_rows"


def test_zip_bomb_is_refused_before_reading() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"0" * (30 * 1024 * 1024))
    with pytest.raises(DevelopmentError) as error:
        benchmark_import.read(buffer.getvalue(), "b.xlsx")
    assert error.value.code == "benchmark.too_large"


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["b.csv", "b.xlsx"]))
def test_arbitrary_bytes_read_or_refused_cleanly(data: bytes, name: str) -> None:
    try:
        rows = benchmark_import.read(data, name)
    except DevelopmentError as error:
        assert error.code.startswith("benchmark.")
    else:
        assert all(row.title for row in rows)
