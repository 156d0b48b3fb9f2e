"""Devis and cost report to XLSX in the French layout (formulas kept), and devis back.

The "Devis" sheet holds the inputs (quantity, reference to a global, rate, number,
category...) and formulas for amounts; "Synthèse" sums chapters with SUMIF and applies the
overhead percentages from "Paramètres", so the workbook stays live in a spreadsheet. Import
reads the inputs only, so export → import gives back the same budget.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from tournage.budget.compute import BudgetTotals
from tournage.budget.cost_report import CostReport, CostRow, Expense
from tournage.budget.document import ProductionBudget
from tournage.budget.eligibility import ProjectProfile
from tournage.budget.errors import BudgetError
from tournage.budget.model import Budget, BudgetGlobal, BudgetLine
from tournage.budget.money import to_decimal
from tournage.common.exports import Formula, append_row, restored
from tournage.common.spreadsheets import open_xlsx, reported_as, sheet_rows

DEVIS_HEADERS = (
    "Compte",
    "Libellé",
    "Quantité",
    "Réf. quantité",
    "Unité",
    "Taux",
    "Nombre",
    "Réf. nombre",
    "Catégorie",
    "Montant",
    "Charges",
    "Dépensé en France",
    "Crédit d'impôt",
    "Note",
    "Chapitre",
    "Chapitre charges",
)
MONEY_FORMAT = "#,##0.00"
BOLD = Font(bold=True)
YES, NO = "oui", "non"


def devis_workbook(
    totals: BudgetTotals, report: CostReport | None = None, expenses: Iterable[Expense] = ()
) -> Workbook:
    book = Workbook()
    params = book.active
    assert params is not None
    params.title = "Paramètres"
    _parameters(params, totals.budget)
    _globals(book.create_sheet("Globales"), totals.budget)
    _charges(book.create_sheet("Charges"), totals)
    last = _devis(book.create_sheet("Devis"), totals)
    _synthesis(book.create_sheet("Synthèse"), totals, last)
    if report is not None:
        _cost_report(book.create_sheet("Suivi"), report)
        _expenses(book.create_sheet("Dépenses"), expenses)
    book.calculation.fullCalcOnLoad = True
    return book


def to_bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _header(sheet: Worksheet, headers: Iterable[str]) -> None:
    append_row(sheet, list(headers))
    for cell in sheet[1]:
        cell.font = BOLD


def _parameters(sheet: Worksheet, budget: Budget) -> None:
    _header(sheet, ("Paramètre", "Valeur"))
    rows: list[tuple[str, Any]] = [
        ("title", budget.title),
        ("version", budget.version),
        ("variant", budget.variant),
        ("currency", budget.currency),
    ]
    rows += [(f"overhead:{k}", _number(v)) for k, v in sorted(budget.overhead_percents.items())]
    rows += [(f"fringe:{k}", _number(v)) for k, v in sorted(budget.fringe_overrides.items())]
    for row in rows:
        append_row(sheet, list(row))
    sheet.column_dimensions["A"].width = 45


def _globals(sheet: Worksheet, budget: Budget) -> None:
    _header(sheet, ("Code", "Libellé", "Valeur", "Unité"))
    for item in budget.globals.values():
        append_row(sheet, [item.code, item.label, _number(item.value), item.unit])


def _charges(sheet: Worksheet, totals: BudgetTotals) -> None:
    _header(sheet, ("Catégorie", "Libellé", "Taux appliqué", "Compte", "Taux inconnus"))
    for rate in totals.fringe_rates:
        unknown = "; ".join(c.label for c in rate.unknown) or ""
        append_row(
            sheet,
            [
                rate.category.key,
                rate.category.label,
                _number(rate.rate),
                rate.category.account,
                unknown,
            ],
        )


def _devis(sheet: Worksheet, totals: BudgetTotals) -> int:
    _header(sheet, DEVIS_HEADERS)
    for index, result in enumerate(totals.lines, start=2):
        line = result.line
        quantity: Any = _number(line.quantity)
        if line.quantity_ref:
            quantity = Formula(f"=INDEX(Globales!C:C,MATCH(D{index},Globales!A:A,0))")
        number: Any = _number(line.number)
        if line.number_ref:
            number = Formula(f"=INDEX(Globales!C:C,MATCH(H{index},Globales!A:A,0))")
        fringe_chapter = (
            "" if result.fringe_account is None else result.fringe_account.split(".")[0]
        )
        append_row(
            sheet,
            [
                line.account,
                line.label,
                quantity,
                line.quantity_ref or "",
                line.unit,
                _number(line.rate),
                number,
                line.number_ref or "",
                line.category or "",
                Formula(f"=ROUND(C{index}*F{index}*G{index},2)"),
                Formula(
                    f'=IF(I{index}="",0,ROUND(J{index}*VLOOKUP(I{index},Charges!A:C,3,FALSE),2))'
                ),
                YES if line.spent_in_france else NO,
                "" if line.tax_credit_eligible is None else YES if line.tax_credit_eligible else NO,
                line.note,
                totals.chart.chapter_of(line.account).code,
                fringe_chapter,
            ],
        )
        for column in "FJK":
            sheet[f"{column}{index}"].number_format = MONEY_FORMAT
    sheet.column_dimensions["B"].width = 40
    return max(2, len(totals.lines) + 1)


def _synthesis(sheet: Worksheet, totals: BudgetTotals, last: int) -> None:
    _header(sheet, ("Chapitre", "Libellé", "Montant HT"))
    for row, chapter in enumerate(totals.chart.chapters, start=2):
        append_row(
            sheet,
            [
                chapter.code,
                chapter.label,
                Formula(
                    f"=SUMIF(Devis!O$2:O${last},A{row},Devis!J$2:J${last})"
                    f"+SUMIF(Devis!P$2:P${last},A{row},Devis!K$2:K${last})"
                ),
            ],
        )
    end = len(totals.chart.chapters) + 1
    append_row(sheet, ["", "Sous-total chapitres", Formula(f"=SUM(C2:C{end})")])
    subtotal = end + 1
    for overhead in totals.overheads:
        key = f"overhead:{overhead.overhead.key}"
        append_row(
            sheet,
            [
                overhead.overhead.code,
                overhead.overhead.label,
                Formula(
                    f'=ROUND(C{subtotal}*IFERROR(VLOOKUP("{key}",Paramètres!A:B,2,FALSE),0)/100,2)'
                ),
            ],
        )
    append_row(sheet, ["", "Total HT", Formula(f"=SUM(C{subtotal}:C{sheet.max_row})")])
    for cells in sheet.iter_rows(min_row=2, min_col=3, max_col=3):
        cells[0].number_format = MONEY_FORMAT
    sheet.column_dimensions["B"].width = 45


def _cost_report(sheet: Worksheet, report: CostReport) -> None:
    _header(
        sheet,
        (
            "Compte",
            "Libellé",
            "Budget",
            "Engagé",
            "Réalisé",
            "Reste à faire",
            "Coût final estimé",
            "Écart",
        ),
    )
    for row in report.accounts:
        _cost_line(sheet, row)
    append_row(sheet, [])
    append_row(sheet, ["Chapitres"])
    for row in (*report.chapters, report.total):
        _cost_line(sheet, row)


def _cost_line(sheet: Worksheet, row: CostRow) -> None:
    index = sheet.max_row + 1
    append_row(
        sheet,
        [
            row.code,
            row.label,
            _number(row.budget),
            _number(row.committed),
            _number(row.actual),
            _number(row.etc),
            Formula(f"=E{index}+F{index}"),
            Formula(f"=C{index}-G{index}"),
        ],
    )
    for cells in sheet.iter_rows(min_row=index, max_row=index, min_col=3, max_col=8):
        for cell in cells:
            cell.number_format = MONEY_FORMAT


def _expenses(sheet: Worksheet, expenses: Iterable[Expense]) -> None:
    _header(
        sheet,
        (
            "Date",
            "Compte",
            "Fournisseur",
            "Libellé",
            "Montant HT",
            "TVA %",
            "Montant TTC",
            "Statut",
            "Justificatif",
        ),
    )
    for expense in expenses:
        append_row(
            sheet,
            [
                expense.date,
                expense.account,
                expense.supplier,
                expense.label,
                _number(expense.amount_ht),
                _number(expense.vat_rate),
                _number(expense.amount_ttc),
                expense.payment_status,
                expense.receipt,
            ],
        )


def _number(value: Decimal | None) -> int | float | None:
    """Spreadsheet cells are binary floats: write integers exactly, decimals as short floats.

    Import reads them back through their shortest text form, so 412.5 stays 412.50.
    """
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


# ----------------------------------------------------------------------------- import


def import_devis(data: bytes) -> Budget:
    """Read back a devis written by ``devis_workbook`` (or filled in by hand in that layout)."""
    book = open_workbook(data)
    params = {
        str(row[0]): _cell(row, 1) for row in _rows(book, "Paramètres") if _cell(row, 0) is not None
    }
    globals_ = [
        _global(row, i)
        for i, row in enumerate(_rows(book, "Globales"), start=2)
        if any(c is not None for c in row)
    ]
    lines = [
        _line(row, i)
        for i, row in enumerate(_rows(book, "Devis"), start=2)
        if any(c not in (None, "") for c in row[:3])
    ]
    return Budget(
        title=str(params.get("title") or "Devis"),
        version=str(params.get("version") or "v1"),
        variant=str(params.get("variant") or "cinema"),
        currency=str(params.get("currency") or "EUR"),
        lines=lines,
        globals={g.code: g for g in globals_},
        overhead_percents={
            k.split(":", 1)[1]: _optional_decimal(v, k)
            for k, v in params.items()
            if k.startswith("overhead:")
        },
        fringe_overrides={
            k.split(":", 1)[1]: to_decimal(v, k)
            for k, v in params.items()
            if k.startswith("fringe:")
        },
    )


def import_production(data: bytes) -> ProductionBudget:
    """A devis workbook as a production document (default profile: feature fiction)."""
    budget = import_devis(data)
    return ProductionBudget(budget.title, ProjectProfile("long_metrage", "fiction"), budget)


def open_workbook(data: bytes) -> Any:
    """Open untrusted XLSX bytes read-only, within the limits; else a BudgetError."""
    with reported_as(BudgetError, unreadable="INVALID_XLSX", too_large="FILE_TOO_LARGE"):
        return open_xlsx(data)


def _rows(book: Any, name: str) -> list[tuple[Any, ...]]:
    if name not in book.sheetnames:
        raise BudgetError("INVALID_XLSX", f"Feuille « {name} » absente du classeur.")
    with reported_as(BudgetError, unreadable="INVALID_XLSX", too_large="FILE_TOO_LARGE"):
        rows = sheet_rows(book[name], min_row=2, where=f"Feuille « {name} »")
        return [tuple(restored(cell) for cell in row) for row in rows]


def _cell(row: tuple[Any, ...], index: int) -> Any:
    return row[index] if index < len(row) else None


def _global(row: tuple[Any, ...], index: int) -> BudgetGlobal:
    where = f"Globales ligne {index}"
    code = _cell(row, 0)
    if code in (None, ""):
        raise BudgetError("INVALID_XLSX", f"{where} : code manquant.")
    return BudgetGlobal(
        str(code),
        str(_cell(row, 1) or ""),
        to_decimal(_cell(row, 2), f"{where}, valeur"),
        str(_cell(row, 3) or ""),
    )


def _line(row: tuple[Any, ...], index: int) -> BudgetLine:
    where = f"Devis ligne {index}"
    quantity_ref = _text(_cell(row, 3))
    number_ref = _text(_cell(row, 7))
    account = _text(_cell(row, 0))
    if account is None:
        raise BudgetError("INVALID_XLSX", f"{where} : compte manquant.")
    return BudgetLine(
        account=account,
        label=str(_cell(row, 1) or ""),
        quantity=Decimal(1) if quantity_ref else _input(_cell(row, 2), f"{where}, quantité"),
        unit=str(_cell(row, 4) or ""),
        rate=_input(_cell(row, 5), f"{where}, taux"),
        number=Decimal(1) if number_ref else _input(_cell(row, 6), f"{where}, nombre"),
        category=_text(_cell(row, 8)),
        quantity_ref=quantity_ref,
        number_ref=number_ref,
        spent_in_france=_text(_cell(row, 11)) != NO,
        tax_credit_eligible=_yes_no(_cell(row, 12)),
        note=str(_cell(row, 13) or ""),
    )


def _input(value: Any, where: str) -> Decimal:
    if isinstance(value, str) and value.startswith("="):
        raise BudgetError(
            "INVALID_XLSX", f"{where} : formule non prise en charge, saisir une valeur."
        )
    return to_decimal(value if value is not None else 0, where)


def _optional_decimal(value: Any, where: str) -> Decimal | None:
    return None if value in (None, "") else to_decimal(value, where)


def _text(value: Any) -> str | None:
    return None if value in (None, "") else str(value).strip() or None


def _yes_no(value: Any) -> bool | None:
    text = _text(value)
    return None if text is None else text.lower() == YES
