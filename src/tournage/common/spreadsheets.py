"""Untrusted spreadsheets (expenses, devis, carbon actuals) read within limits.

An XLSX is a zip of XML parts: its decompressed size is checked from the zip directory
before openpyxl reads a byte of it (a 1 MB file can expand to gigabytes of shared
strings), then rows and cells are counted while they stream, with the width of a row
capped (a sheet may declare 16,384 columns and a million rows it does not contain).
CSV text gets the same row, cell and cell-length limits. The web app sets the limits
from its settings (``TOURNAGE_SPREADSHEET_LIMITS``, docs/security.md) through
``configure``; the command line keeps the defaults.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from tournage.common.errors import DomainError

UNREADABLE = "spreadsheet.unreadable"
# Tiny parts ([Content_Types].xml, an empty sheet) compress arbitrarily well.
RATIO_SLACK = 1024 * 1024


class SpreadsheetError(DomainError):
    """The spreadsheet is unreadable or beyond the limits; the message says which."""


@dataclass(frozen=True)
class SheetLimits:
    max_uncompressed: int = 100 * 1024 * 1024  # sum of an XLSX's parts
    max_ratio: int = 100  # decompressed / compressed, per part
    max_parts: int = 1_000
    max_rows: int = 100_000
    max_columns: int = 200
    max_cells: int = 2_000_000
    max_cell_chars: int = 32_767  # Excel's own limit for a cell


_limits = SheetLimits()


def configure(**overrides: int) -> None:
    """Set the limits once at start-up (the web app, from its settings)."""
    global _limits
    _limits = replace(SheetLimits(), **overrides)


def limits() -> SheetLimits:
    return _limits


@contextmanager
def reported_as(
    error_type: Callable[[str, str], Exception], *, unreadable: str, too_large: str
) -> Iterator[None]:
    """Spreadsheet errors raised as the calling domain's own error, under its own stable
    codes: ``unreadable`` for a damaged file, ``too_large`` for any limit."""
    try:
        yield
    except SpreadsheetError as error:
        code = unreadable if error.code == UNREADABLE else too_large
        raise error_type(code, error.message) from error


def _too_large(detail: str) -> SpreadsheetError:
    return SpreadsheetError(
        "spreadsheet.too_large",
        f"Classeur trop volumineux une fois décompressé ({detail}) : découpez-le.",
        detail=detail,
    )


def check_xlsx(data: bytes, bounds: SheetLimits | None = None) -> None:
    """Refuse an XLSX whose parts would expand beyond the limits, from its directory."""
    bounds = bounds or _limits
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    # NotImplementedError: a zip version or method zipfile does not read (found by atheris)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as bad:
        raise SpreadsheetError(
            UNREADABLE, "Classeur XLSX illisible (ce n'est pas un fichier .xlsx)."
        ) from bad
    if len(infos) > bounds.max_parts:
        raise _too_large(f"{len(infos)} parties")
    for info in infos:
        if info.file_size > bounds.max_ratio * info.compress_size + RATIO_SLACK:
            raise _too_large(info.filename)
    if sum(info.file_size for info in infos) > bounds.max_uncompressed:
        raise _too_large(f"plus de {bounds.max_uncompressed // 1_048_576} Mo")


def open_xlsx(data: bytes, *, data_only: bool = False, bounds: SheetLimits | None = None) -> Any:
    """A read-only openpyxl workbook of checked bytes; SpreadsheetError if unreadable."""
    from openpyxl import load_workbook

    check_xlsx(data, bounds)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception as bad:  # openpyxl raises many types on a malformed file
        raise SpreadsheetError(UNREADABLE, "Classeur XLSX illisible (fichier endommagé).") from bad
    if not workbook.worksheets:  # a workbook part listing no sheet (found by atheris)
        raise SpreadsheetError(
            UNREADABLE, "Classeur XLSX illisible : il ne contient aucune feuille."
        )
    return workbook


class _Counter:
    def __init__(self, bounds: SheetLimits, where: str) -> None:
        self.bounds, self.where = bounds, where
        self.rows = self.cells = 0

    def add(self, row: tuple[Any, ...] | list[Any]) -> None:
        self.rows += 1
        # cells up to the last value: a sheet padded to a declared width costs nothing
        self.cells += next(
            (i + 1 for i in range(len(row) - 1, -1, -1) if row[i] not in (None, "")), 0
        )
        if self.rows > self.bounds.max_rows:
            raise SpreadsheetError(
                "spreadsheet.too_many_rows",
                f"{self.where} : plus de {self.bounds.max_rows} lignes, découpez le fichier.",
            )
        if len(row) > self.bounds.max_columns or self.cells > self.bounds.max_cells:
            raise SpreadsheetError(
                "spreadsheet.too_many_cells",
                f"{self.where} : trop de cellules (au plus {self.bounds.max_columns} colonnes "
                f"et {self.bounds.max_cells} cellules).",
            )
        for cell in row:
            if isinstance(cell, str) and len(cell) > self.bounds.max_cell_chars:
                raise SpreadsheetError(
                    "spreadsheet.long_cell",
                    f"{self.where}, ligne {self.rows} : cellule de plus de "
                    f"{self.bounds.max_cell_chars} caractères.",
                )


def sheet_rows(
    sheet: Any, *, min_row: int = 1, bounds: SheetLimits | None = None, where: str = "Feuille"
) -> Iterator[tuple[Any, ...]]:
    """The values of a read-only sheet's rows, counted and width-capped while streaming."""
    bounds = bounds or _limits
    counter = _Counter(bounds, where)
    # Rows come padded to the declared width (the <dimension> tag, which may say 16,384
    # columns): cap it; without one, a row is as long as its last cell, checked below.
    declared = sheet.max_column
    width = min(declared, bounds.max_columns) if declared else None
    try:
        for row in sheet.iter_rows(min_row=min_row, max_col=width, values_only=True):
            counter.add(row)
            yield tuple(row)
    except SpreadsheetError:
        raise
    except Exception as bad:  # a malformed sheet part surfaces only while iterating
        raise SpreadsheetError(UNREADABLE, f"{where} illisible (fichier endommagé).") from bad


def csv_rows(
    text: str, delimiter: str, *, bounds: SheetLimits | None = None, where: str = "Fichier CSV"
) -> list[list[str]]:
    """The rows of a CSV text within the same limits."""
    bounds = bounds or _limits
    counter = _Counter(bounds, where)
    rows = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            counter.add(row)
            rows.append(row)
    except csv.Error as bad:
        raise SpreadsheetError(
            UNREADABLE, f"{where} illisible, ligne {reader.line_num} : {bad}."
        ) from bad
    return rows
