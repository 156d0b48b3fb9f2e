"""Fuzz the spreadsheet readers: expense import (CSV and XLSX, then the mapping and the
rows), devis import (XLSX) and carbon actuals (CSV and XLSX). Workbooks are written by
hand (tests/handmade_xlsx.py) so that they can say what openpyxl never writes."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from fuzz.conftest import fuzz_settings
from fuzz.hostile import survives
from handmade_xlsx import shared_strings_xml, sheet_xml, workbook
from tournage.budget.errors import BudgetError
from tournage.budget.expense_import import parse_expenses, read_table, suggest_mapping
from tournage.budget.xlsx import DEVIS_HEADERS, import_devis
from tournage.carbon.importer import parse_actuals

CELL = st.one_of(
    st.none(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=30),
    st.sampled_from(
        [
            "Date",
            "Compte",
            "Montant TTC",
            "Montant HT",
            "TVA",
            "Fournisseur",
            "Libellé",
            "Statut",
            "payé",
            "à payer",
            "02/01/2026",
            "2026-13-45",
            "6110",
            "611",
            "1 500,50",
            '=HYPERLINK("http://x")',
            "=1+1",
            "-",
            "@",
            "factor",
            "quantity",
            "unit",
            "km",
            "kWh",
            "1e308",
            "NaN",
            "title",
            "version",
            "overhead:frais",
            "fringe:x",
            "oui",
            "non",
        ]
    ),
)
ROWS = st.lists(st.lists(CELL, max_size=8), max_size=12)
DIMENSION = st.one_of(st.none(), st.sampled_from(["A1:XFD1048576", "A1:H12", "Z9", "A1:A0", "?"]))


def _sheet(rows: list[list[Any]], dimension: str | None) -> str:
    return sheet_xml(rows, dimension)


def _check_account(code: str) -> None:
    if not code.isdigit():
        raise BudgetError("UNKNOWN_ACCOUNT", f"compte {code[:20]} inconnu")


def _expenses(data: bytes, name: str) -> None:
    table = read_table(data, name)
    parse_expenses(table, suggest_mapping(table.headers), _check_account)


@fuzz_settings()
@given(rows=ROWS, dimension=DIMENSION, strings=st.lists(st.text(max_size=20), max_size=4))
def test_expense_xlsx(rows: list[list[Any]], dimension: str | None, strings: list[str]) -> None:
    data = workbook({"Banque": _sheet(rows, dimension)}, shared=shared_strings_xml(strings))
    survives(lambda: _expenses(data, "banque.xlsx"))
    survives(lambda: parse_actuals(data, "reel.xlsx"))


@fuzz_settings()
@given(rows=ROWS, separator=st.sampled_from([";", ",", "\t", "|"]), raw=st.binary(max_size=200))
def test_expense_and_carbon_csv(rows: list[list[Any]], separator: str, raw: bytes) -> None:
    text = "\n".join(separator.join("" if c is None else str(c) for c in row) for row in rows)
    for data in (text.encode("utf-8"), text.encode("latin-1", errors="replace"), raw):
        survives(lambda data=data: _expenses(data, "banque.csv"))
        survives(lambda data=data: parse_actuals(data, "reel.csv"))


@fuzz_settings()
@given(
    params=ROWS,
    globals_=ROWS,
    lines=st.lists(st.lists(CELL, min_size=0, max_size=len(DEVIS_HEADERS)), max_size=12),
    names=st.permutations(["Paramètres", "Globales", "Devis"]).map(lambda n: n[:3]),
    drop=st.integers(min_value=0, max_value=3),
)
def test_devis_xlsx(
    params: list[list[Any]],
    globals_: list[list[Any]],
    lines: list[list[Any]],
    names: list[str],
    drop: int,
) -> None:
    sheets = dict(zip(names, (params, globals_, [list(DEVIS_HEADERS), *lines]), strict=True))
    kept = {name: sheet_xml(rows) for name, rows in list(sheets.items())[drop:]} or {
        "X": sheet_xml([])
    }
    data = workbook(kept)
    survives(lambda: import_devis(data))


@fuzz_settings()
@given(data=st.binary(max_size=2048))
def test_arbitrary_bytes_as_xlsx(data: bytes) -> None:
    survives(lambda: read_table(data, "x.xlsx"))
    survives(lambda: import_devis(data))
