"""Import expenses from a bank or accounting export (CSV or XLSX) with a column mapping.

All or nothing: every row is checked first; one bad row gives a per-row error report and no
expense at all. The caller stores the returned expenses inside one transaction.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from tournage.budget.cost_report import PAYMENT_STATUSES, Expense
from tournage.budget.errors import BudgetError
from tournage.budget.money import HUNDRED, ONE, money, to_decimal
from tournage.common.spreadsheets import csv_rows, open_xlsx, reported_as, sheet_rows

FIELDS = (
    "date",
    "account",
    "amount_ht",
    "amount_ttc",
    "vat_rate",
    "supplier",
    "label",
    "payment_status",
    "receipt",
)
REQUIRED = ("date", "account")
# Header words that suggest a field (lower case, accents removed).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": ("date", "date operation", "date piece"),
    "account": ("compte", "account", "poste", "code compte"),
    "amount_ht": ("montant ht", "ht", "amount excl. vat", "net"),
    "amount_ttc": ("montant ttc", "ttc", "montant", "amount", "debit"),
    "vat_rate": ("tva", "taux tva", "tva %", "vat", "vat rate"),
    "supplier": ("fournisseur", "tiers", "supplier", "beneficiaire"),
    "label": ("libelle", "description", "label", "objet"),
    "payment_status": ("statut", "status", "paiement"),
    "receipt": ("justificatif", "piece", "receipt"),
}
STATUS_WORDS = {
    "paye": "paid",
    "payee": "paid",
    "paid": "paid",
    "regle": "paid",
    "a payer": "to_pay",
    "to_pay": "to_pay",
    "": "to_pay",
}


@dataclass(frozen=True)
class RowError:
    row: int  # 1-based line number in the file, header included
    messages: tuple[str, ...]


class ImportRejected(BudgetError):
    """The file had bad rows: nothing was imported."""

    def __init__(self, errors: list[RowError]) -> None:
        shown = "; ".join(f"ligne {e.row} : {', '.join(e.messages)}" for e in errors[:20])
        more = f" (et {len(errors) - 20} autres lignes)" if len(errors) > 20 else ""
        super().__init__(
            "IMPORT_REJECTED",
            f"{len(errors)} ligne(s) en erreur, rien n'a été importé. {shown}{more}",
        )
        self.errors = errors


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def read_table(data: bytes, filename: str) -> Table:
    """Rows of a CSV (UTF-8 or Latin-1, ; or , separated) or XLSX file."""
    if filename.lower().endswith(".xlsx"):
        return _read_xlsx(data)
    return _read_csv(data)


def _read_csv(data: bytes) -> Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    if "\x00" in text:
        raise BudgetError("INVALID_CSV", "Fichier CSV illisible (contenu binaire).")
    try:
        delimiter = csv.Sniffer().sniff(text[:4096], delimiters=";,\t").delimiter
    except csv.Error:
        delimiter = ";"
    with reported_as(BudgetError, unreadable="INVALID_CSV", too_large="FILE_TOO_LARGE"):
        # only the delimiter is guessed: a sniffed quote character would turn French
        # apostrophes (l'hôtel) into quotes
        return _table(csv_rows(text, delimiter))


def _read_xlsx(data: bytes) -> Table:
    with reported_as(BudgetError, unreadable="INVALID_XLSX", too_large="FILE_TOO_LARGE"):
        workbook = open_xlsx(data)
        if not workbook.worksheets:
            raise BudgetError("EMPTY_FILE", "Le fichier est vide.")
        return _table(list(sheet_rows(workbook.worksheets[0])))


def _table(rows: list[Any]) -> Table:
    rows = [r for r in rows if any(c not in (None, "") for c in r)]
    if not rows:
        raise BudgetError("EMPTY_FILE", "Le fichier est vide.")
    headers = tuple(str(h).strip() if h is not None else "" for h in rows[0])
    return Table(headers, tuple(tuple(r) for r in rows[1:]))


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def suggest_mapping(headers: tuple[str, ...]) -> dict[str, str]:
    """field -> header, guessed from usual French and English column names."""
    mapping: dict[str, str] = {}
    for field, words in SYNONYMS.items():
        for header in headers:
            if _plain(header) in words and header not in mapping.values():
                mapping[field] = header
                break
    return mapping


def parse_expenses(
    table: Table,
    mapping: Mapping[str, str],
    check_account: Callable[[str], object],
) -> list[Expense]:
    """Expenses of every row, or ImportRejected listing each bad row."""
    missing = [f for f in REQUIRED if not mapping.get(f)]
    if not mapping.get("amount_ht") and not mapping.get("amount_ttc"):
        missing.append("amount_ht ou amount_ttc")
    unknown = [h for h in mapping.values() if h and h not in table.headers]
    if missing or unknown:
        raise BudgetError(
            "INVALID_MAPPING",
            "Correspondance des colonnes incomplète : "
            + ", ".join([*missing, *(f"colonne « {h} » absente" for h in unknown)]),
        )
    columns = {f: table.headers.index(h) for f, h in mapping.items() if h}
    expenses, errors = [], []
    for number, row in enumerate(table.rows, start=2):
        try:
            expenses.append(_expense(row, columns, check_account))
        except _RowFailure as failure:
            errors.append(RowError(number, tuple(failure.messages)))
    if errors:
        raise ImportRejected(errors)
    return expenses


class _RowFailure(Exception):
    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def _expense(
    row: tuple[Any, ...], columns: dict[str, int], check_account: Callable[[str], object]
) -> Expense:
    values = {f: (row[i] if i < len(row) else None) for f, i in columns.items()}
    messages: list[str] = []

    def attempt(parse: Callable[[], Any]) -> Any:
        try:
            return parse()
        except BudgetError as error:
            messages.append(error.message)
            return None

    when = attempt(lambda: _date(values.get("date")))
    account = attempt(lambda: _account(values.get("account"), check_account))
    vat = attempt(lambda: _optional(values.get("vat_rate"), "TVA %")) or Decimal(0)
    ht = attempt(lambda: _optional(values.get("amount_ht"), "montant HT"))
    ttc = attempt(lambda: _optional(values.get("amount_ttc"), "montant TTC"))
    status = attempt(lambda: _status(values.get("payment_status")))
    if ht is None and ttc is None and not messages:
        messages.append("montant HT ou TTC manquant")
    if messages:
        raise _RowFailure(messages)
    amount_ht = ht if ht is not None else money(ttc / (ONE + vat / HUNDRED))
    return Expense(
        date=when,
        account=account,
        amount_ht=amount_ht,
        vat_rate=vat,
        supplier=_str(values.get("supplier")),
        label=_str(values.get("label")),
        payment_status=status,
        receipt=_str(values.get("receipt")),
    )


def _date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _str(value)
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise BudgetError("INVALID_DATE", f"date « {text[:30]} » illisible (JJ/MM/AAAA attendu)")


def _account(value: Any, check_account: Callable[[str], object]) -> str:
    text = _str(value)
    if not text:
        raise BudgetError("INVALID_FIELD", "compte manquant")
    check_account(text)
    return text


def _optional(value: Any, field: str) -> Decimal | None:
    if value is None or _str(value) == "":
        return None
    return to_decimal(value, field)


def _status(value: Any) -> str:
    status = STATUS_WORDS.get(_plain(_str(value)))
    if status not in PAYMENT_STATUSES:
        raise BudgetError("INVALID_FIELD", f"statut de paiement « {_str(value)[:30]} » inconnu")
    return status


def _str(value: Any) -> str:
    return "" if value is None else str(value).strip()[:500]
