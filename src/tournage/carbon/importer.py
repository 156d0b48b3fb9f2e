"""Import of actual activities from a CSV or XLSX sheet (fuel receipts, train tickets,
hotel invoices, catering counts): one row per activity, columns
``factor, quantity, unit`` and optionally ``label, note, evidence, category, section``."""

from __future__ import annotations

import csv
import io
from typing import Any

from tournage.carbon.activities import Activity, parse_activity
from tournage.carbon.calculator import price
from tournage.carbon.errors import CarbonError
from tournage.carbon.factors import factor_table

MAX_ROWS = 20_000
REQUIRED = ("factor", "quantity", "unit")


def _csv_rows(content: bytes) -> list[dict[str, Any]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CarbonError("import.encoding", "Le fichier CSV doit être encodé en UTF-8.") from None
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def _xlsx_rows(content: bytes) -> list[dict[str, Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as bad:  # openpyxl raises many types on a corrupt file
        raise CarbonError("import.unreadable", "Classeur XLSX illisible.") from bad
    rows = workbook.active.iter_rows(values_only=True) if workbook.active else iter(())
    header = [str(cell or "").strip().lower() for cell in next(rows, ())]
    result: list[dict[str, Any]] = []
    for row in rows:
        if len(result) > MAX_ROWS:
            break
        if any(cell not in (None, "") for cell in row):
            result.append(dict(zip(header, row, strict=False)))
    return result


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
