"""Write a production's devis and cost report to .xlsx or .pdf, chosen by file name."""

from __future__ import annotations

from pathlib import Path

from tournage.budget.document import ProductionBudget
from tournage.budget.errors import BudgetError
from tournage.budget.pdf import devis_pdf
from tournage.budget.report import analyse
from tournage.budget.xlsx import devis_workbook, to_bytes


def export_bytes(document: ProductionBudget, suffix: str) -> bytes:
    totals, report, _ = analyse(document)
    if suffix == ".xlsx":
        return to_bytes(devis_workbook(totals, report, document.expenses))
    if suffix == ".pdf":
        return devis_pdf(totals, report)
    raise BudgetError("UNKNOWN_FORMAT", f"Format « {suffix} » non pris en charge (.xlsx ou .pdf).")


def export_file(document: ProductionBudget, path: Path) -> None:
    data = export_bytes(document, path.suffix.lower())
    try:
        path.write_bytes(data)
    except OSError as error:
        raise BudgetError("WRITE_FAILED", f"Écriture impossible : {error}") from None
