"""Spreadsheets from users stay within limits: bombs refused from the zip directory,
rows, cells and cell lengths counted while streaming, errors are the product's own."""

from __future__ import annotations

import functools
import tracemalloc

import pytest

from handmade_xlsx import rows_xlsx, shared_strings_xml, sheet_xml, workbook, xlsx
from tournage.budget.errors import BudgetError
from tournage.budget.expense_import import read_table
from tournage.budget.xlsx import import_devis
from tournage.carbon.errors import CarbonError
from tournage.carbon.importer import parse_actuals
from tournage.common.spreadsheets import (
    SheetLimits,
    SpreadsheetError,
    check_xlsx,
    csv_rows,
    open_xlsx,
    sheet_rows,
)


@functools.cache
def shared_string_bomb(megabytes: int) -> bytes:
    """One shared string of ``megabytes`` MB: compresses ~1000:1."""
    return xlsx(sheet_xml([["a"]]), shared=shared_strings_xml(["A" * (megabytes * 1024**2)]))


def test_a_shared_string_bomb_is_refused_before_openpyxl_reads_it() -> None:
    bomb = shared_string_bomb(64)
    assert len(bomb) < 1024**2
    tracemalloc.start()
    with pytest.raises(SpreadsheetError, match="trop volumineux") as caught:
        open_xlsx(bomb)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert caught.value.code == "spreadsheet.too_large"
    assert peak < 10 * 1024**2


def test_the_absolute_cap_applies_to_plain_parts() -> None:
    rows = [[f"ligne {i} {i * 7919 % 104729}" for _ in range(5)] for i in range(2000)]
    data = rows_xlsx(rows)
    check_xlsx(data)
    with pytest.raises(SpreadsheetError, match="plus de 0 Mo"):
        check_xlsx(data, SheetLimits(max_uncompressed=100_000))


def test_a_lying_dimension_does_not_inflate_rows() -> None:
    """The sheet claims 16,384 columns; each row is read at most max_columns wide."""
    book = open_xlsx(rows_xlsx([["a", "b"], ["c"]], dimension="A1:XFD3"))
    rows = list(sheet_rows(book.worksheets[0]))
    assert [len(row) for row in rows] == [200, 200]


def test_rows_far_apart_hit_the_row_limit_not_the_memory() -> None:
    sheet = sheet_xml([["a"]]).replace(
        "</sheetData>", '<row r="1000000"><c r="A1000000"><v>1</v></c></row></sheetData>'
    )
    book = open_xlsx(xlsx(sheet))
    with pytest.raises(SpreadsheetError, match="plus de 1000 lignes"):
        list(sheet_rows(book.worksheets[0], bounds=SheetLimits(max_rows=1000)))


@pytest.mark.parametrize(
    ("bounds", "rows", "code"),
    [
        (SheetLimits(max_rows=3), [["a"]] * 5, "spreadsheet.too_many_rows"),
        (SheetLimits(max_columns=3), [["a"] * 4], "spreadsheet.too_many_cells"),
        (SheetLimits(max_cells=10), [["a"] * 4] * 3, "spreadsheet.too_many_cells"),
        (SheetLimits(max_cell_chars=10), [["a" * 11]], "spreadsheet.long_cell"),
    ],
)
def test_limits_while_streaming(bounds: SheetLimits, rows: list[list[str]], code: str) -> None:
    book = open_xlsx(rows_xlsx(rows))
    with pytest.raises(SpreadsheetError) as caught:
        list(sheet_rows(book.worksheets[0], bounds=bounds))
    assert caught.value.code == code
    text = "\n".join(";".join(row) for row in rows)
    with pytest.raises(SpreadsheetError) as caught_csv:
        csv_rows(text, ";", bounds=bounds)
    assert caught_csv.value.code == code


@pytest.mark.parametrize(
    "data", [b"", b"PK\x03\x04garbage", b"%PDF-1.4", b"PK\x05\x06" + b"\0" * 18]
)
def test_not_an_xlsx(data: bytes) -> None:
    with pytest.raises(SpreadsheetError, match="illisible"):
        open_xlsx(data)


def test_a_zip_version_zipfile_cannot_read_is_unreadable() -> None:
    """Found by atheris: zipfile raised NotImplementedError (a 500 on upload)."""
    data = bytearray(xlsx(sheet_xml([["a"]])))
    directory = data.index(b"PK\x01\x02")
    data[directory + 6] = 238  # "version needed to extract": 23.8
    with pytest.raises(SpreadsheetError, match="illisible"):
        open_xlsx(bytes(data))


def test_a_workbook_without_sheets_is_unreadable() -> None:
    """Found by atheris: ``worksheets[0]`` raised IndexError in the benchmark import."""
    with pytest.raises(SpreadsheetError, match="aucune feuille"):
        open_xlsx(workbook({}))


def test_a_broken_sheet_part_is_a_clear_error() -> None:
    with pytest.raises(SpreadsheetError, match="illisible"):
        list(sheet_rows(open_xlsx(xlsx("<worksheet><sheetData><row><c r='A1'><v>1")).worksheets[0]))


# --- the three readers built on it speak their own domain's errors --------------------
def test_expense_import_refuses_the_bomb_as_a_budget_error() -> None:
    with pytest.raises(BudgetError, match="trop volumineux"):
        read_table(shared_string_bomb(64), "banque.xlsx")


def test_expense_csv_rows_are_limited() -> None:
    text = "date;compte;montant\n" + "2026-01-01;6110;1\n" * 100_001
    with pytest.raises(BudgetError, match="plus de 100000 lignes"):
        read_table(text.encode(), "banque.csv")


def test_devis_import_refuses_the_bomb() -> None:
    with pytest.raises(BudgetError, match="trop volumineux"):
        import_devis(shared_string_bomb(64))


def test_carbon_actuals_refuse_the_bomb() -> None:
    with pytest.raises(CarbonError, match="trop volumineux"):
        parse_actuals(shared_string_bomb(64), "reel.xlsx")


def test_expense_xlsx_still_reads_a_normal_file() -> None:
    table = read_table(
        rows_xlsx([["Date", "Compte", "Montant TTC"], ["02/01/2026", "6110", 12]]), "b.xlsx"
    )
    assert table.headers == ("Date", "Compte", "Montant TTC")
    assert table.rows == (("02/01/2026", "6110", 12),)
