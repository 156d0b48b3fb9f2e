"""Benchmark rows read from a CSV or XLSX table (first row: the column names).

Columns, French or English: titre/title (required), annee/year, format, canal/channel
(cinema, tv, digital, festival, corporate), budget, source_budget/budget_source,
date_budget/budget_date, audience, unite_audience/audience_unit,
source_audience/audience_source, date_audience/audience_date,
positionnement/positioning. A figure written ``inconnu`` / ``unknown`` is marked
unknown; nothing is invented for a blank cell. Any bad cell refuses the whole file."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from tournage.common.formatting import NumberError, parse_decimal
from tournage.common.spreadsheets import csv_rows, open_xlsx, reported_as, sheet_rows

from .errors import DevelopmentError
from .rules import RULES

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 500
UNKNOWN_WORDS = frozenset({"inconnu", "unknown", "?"})
ALIASES = {
    "titre": "title",
    "annee": "year",
    "canal": "channel",
    "source_budget": "budget_source",
    "date_budget": "budget_date",
    "unite_audience": "audience_unit",
    "source_audience": "audience_source",
    "date_audience": "audience_date",
    "positionnement": "positioning",
}
COLUMNS = frozenset(
    {
        "title",
        "year",
        "format",
        "channel",
        "budget",
        "budget_source",
        "budget_date",
        "audience",
        "audience_unit",
        "audience_source",
        "audience_date",
        "positioning",
    }
)


@dataclass(frozen=True)
class ImportedRow:
    title: str
    channel_kind: str
    year: int | None = None
    work_format: str = ""
    figures: dict[str, Any] = field(default_factory=dict)
    positioning: str = ""


def _error(code: str, message: str, **context: Any) -> DevelopmentError:
    return DevelopmentError(f"benchmark.{code}", message, **context)


def _key(name: object) -> str:
    plain = unicodedata.normalize("NFKD", str(name or "")).encode("ascii", "ignore").decode()
    key = plain.strip().lower().replace(" ", "_").replace("-", "_")
    return ALIASES.get(key, key)


def _table(data: bytes, filename: str) -> list[list[Any]]:
    with reported_as(_error, unreadable="unreadable", too_large="too_large"):
        if filename.lower().endswith(".xlsx"):
            sheet = open_xlsx(data, data_only=True).worksheets[0]
            return [list(r) for r in sheet_rows(sheet, where="Benchmark")]
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise _error("encoding", "Fichier CSV illisible : encodage UTF-8 attendu.") from None
        first = text.split("\n", 1)[0]
        return [list(r) for r in csv_rows(text, ";" if ";" in first else ",", where="Benchmark")]


def read(data: bytes, filename: str) -> list[ImportedRow]:
    """The rows of an uploaded table; ``DevelopmentError`` names the first bad cell."""
    if not data.strip():
        raise _error("empty", "Le fichier est vide.")
    if len(data) > MAX_BYTES:
        raise _error("too_large", f"Fichier trop volumineux ({MAX_BYTES // 1048576} Mo au plus).")
    table = [row for row in _table(data, filename) if any(c not in (None, "") for c in row)]
    if len(table) < 2:
        raise _error("no_rows", "Aucune ligne sous l'en-tête.")
    if len(table) - 1 > MAX_ROWS:
        raise _error("too_many_rows", f"Plus de {MAX_ROWS} œuvres : découpez le fichier.")
    header = [_key(name) for name in table[0]]
    unknown = [name for name in header if name and name not in COLUMNS]
    if "title" not in header or "channel" not in header or unknown:
        raise _error(
            "header",
            "En-tête invalide : colonnes « titre » et « canal » obligatoires"
            + (f" ; inconnues : {', '.join(unknown)}" if unknown else "")
            + ".",
        )
    return [_row(dict(zip(header, row, strict=False)), n) for n, row in enumerate(table[1:], 2)]


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _row(cells: dict[str, Any], line: int) -> ImportedRow:
    title = _text(cells.get("title"))[:200]
    if not title:
        raise _error("title", f"Ligne {line} : titre manquant.", line=line)
    kind = _text(cells.get("channel")).lower()
    if kind not in RULES.load().channel_kinds.items:
        allowed = ", ".join(RULES.load().channel_kinds.items)
        raise _error("channel", f"Ligne {line} : canal « {kind[:40]} » inconnu ({allowed}).")
    year = _number(cells.get("year"), line, "année")
    figures: dict[str, Any] = {}
    for name in ("budget", "audience"):
        raw = _text(cells.get(name))
        figures[f"{name}_unknown"] = raw.lower() in UNKNOWN_WORDS
        figures[name] = None if figures[f"{name}_unknown"] else _number(raw, line, name)
        figures[f"{name}_source"] = _text(cells.get(f"{name}_source"))[:300]
        figures[f"{name}_date"] = _date(cells.get(f"{name}_date"), line, name)
    figures["audience_unit"] = _text(cells.get("audience_unit"))[:50]
    return ImportedRow(
        title=title,
        channel_kind=kind,
        year=None if year is None else int(year),
        work_format=_text(cells.get("format"))[:100],
        figures=figures,
        positioning=_text(cells.get("positioning"))[:5000],
    )


def _number(value: Any, line: int, name: str) -> Decimal | None:
    text = _text(value)
    if not text:
        return None
    try:
        number = parse_decimal(text, name)
    except NumberError:
        raise _error(
            "number", f"Ligne {line} : {name} « {text[:40]} » n'est pas un nombre."
        ) from None
    if number < 0 or number >= Decimal(10) ** 12:
        raise _error("number", f"Ligne {line} : {name} hors limites.", line=line)
    return number


def _date(value: Any, line: int, name: str) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _error(
            "date", f"Ligne {line} : date de {name} « {text[:40]} » invalide (AAAA-MM-JJ)."
        ) from None
