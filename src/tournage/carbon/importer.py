"""Import of actual activities from a CSV or XLSX sheet (fuel receipts, train tickets,
hotel invoices, catering counts): one row per activity, columns
``factor, quantity, unit`` and optionally ``label, note, evidence, category, section``."""

from __future__ import annotations

from typing import Any

from tournage.carbon.activities import Activity, parse_activity
from tournage.carbon.calculator import price
from tournage.carbon.errors import CarbonError
from tournage.carbon.factors import factor_table
from tournage.common.spreadsheets import csv_rows, open_xlsx, reported_as, sheet_rows

MAX_ROWS = 20_000
REQUIRED = ("factor", "quantity", "unit")


def _csv_rows(content: bytes) -> list[dict[str, Any]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CarbonError("import.encoding", "Le fichier CSV doit être encodé en UTF-8.") from None
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    with reported_as(CarbonError, unreadable="import.unreadable", too_large="import.too_many"):
        return _records(csv_rows(text, delimiter))


def _xlsx_rows(content: bytes) -> list[dict[str, Any]]:
    with reported_as(CarbonError, unreadable="import.unreadable", too_large="import.too_many"):
        workbook = open_xlsx(content, data_only=True)
        if workbook.active is None:
            return []
        return _records(list(sheet_rows(workbook.active)))


def _records(rows: list[Any]) -> list[dict[str, Any]]:
    """Non-empty rows under the first one's headers (lower case)."""
    rows = [row for row in rows if any(cell not in (None, "") for cell in row)]
    if not rows:
        return []
    header = [str(cell or "").strip().lower() for cell in rows[0]]
    return [dict(zip(header, row, strict=False)) for row in rows[1:]]


def parse_actuals(content: bytes, filename: str) -> list[Activity]:
    """Rows -> actual activities, each checked against its factor's unit; all or nothing."""
    rows = _xlsx_rows(content) if filename.lower().endswith(".xlsx") else _csv_rows(content)
    if not rows:
        raise CarbonError("import.empty", "Le fichier ne contient aucune ligne.")
    if len(rows) > MAX_ROWS:
        raise CarbonError("import.too_many", f"Trop de lignes (maximum {MAX_ROWS}).")
    missing = [name for name in REQUIRED if name not in {str(k).strip().lower() for k in rows[0]}]
    if missing:
        raise CarbonError("import.columns", f"Colonnes manquantes : {', '.join(missing)}.")
    activities = []
    for number, row in enumerate(rows, 2):
        clean = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
        activity = parse_activity({**clean, "phase": "actual"}, f"Ligne {number}")
        try:
            price(activity, factor_table())  # refuses an unknown factor or a wrong unit now
        except CarbonError as error:
            raise CarbonError(error.code, f"Ligne {number} : {error.message}") from None
        activities.append(activity)
    return activities
