"""The report as an XLSX workbook laid out section by section, as Carbon'Clap asks."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from tournage.carbon.report import PHASE_NAMES, SUMMARY_ROWS, summary_table
from tournage.common.exports import append_row

LINE_COLUMNS = (
    "Phase",
    "Libellé",
    "Facteur",
    "Quantité",
    "Unité",
    "Quantité (unité du facteur)",
    "Facteur (kgCO2e/u)",
    "Unité du facteur",
    "Millésime",
    "kgCO2e",
    "Calcul",
    "Alertes",
)


def _line_row(line: dict[str, Any]) -> list[Any]:
    return [
        line["phase"],
        line["label"],
        line["factor"],
        line["quantity"],
        line["unit"],
        line["quantity_in_factor_unit"],
        line["factor_value"],
        line["factor_unit"],
        line["factor_source_year"],
        line["kgco2e"],
        line["derivation"],
        "; ".join(line["warnings"]),
    ]


def _summary(sheet: Any, report: dict[str, Any]) -> None:
    bold = Font(bold=True)
    append_row(sheet, [report["title"]])
    sheet["A1"].font = Font(bold=True, size=14)
    append_row(sheet, [report["notice"]])
    append_row(sheet, [])
    for row in summary_table(report):
        append_row(sheet, row)
    for cell in sheet[sheet.max_row - len(SUMMARY_ROWS)]:
        cell.font = bold
    phases = [(name, report[key]) for key, name in PHASE_NAMES if report[key]]
    append_row(sheet, [])
    append_row(sheet, ["Section Carbon'Clap (kgCO2e)", *[name for name, _ in phases]])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for index, (section, label) in enumerate(report["section_labels"].items()):
        assert all(phase["sections"][index]["id"] == section for _, phase in phases)
        append_row(sheet, [label, *[phase["sections"][index]["kgco2e"] for _, phase in phases]])
    sheet.column_dimensions["A"].width = 42


def report_xlsx(report: dict[str, Any]) -> bytes:
    workbook = Workbook()
    _summary(workbook.active, report)
    workbook.active.title = "Synthèse"
    phases = [report[key] for key in ("forecast", "actual") if report[key]]
    for index, (section, label) in enumerate(report["section_labels"].items()):
        sheet = workbook.create_sheet(title=label[:31].replace("'", " ").replace("/", "-"))
        append_row(sheet, [label])
        sheet["A1"].font = Font(bold=True, size=13)
        append_row(sheet, list(LINE_COLUMNS))
        for phase in phases:
            for line in phase["sections"][index]["lines"]:
                append_row(sheet, _line_row(line))
        assert phases == [] or phases[0]["sections"][index]["id"] == section
    hypotheses = workbook.create_sheet("Hypothèses")
    hypotheses.append(["Hypothèse", "Valeur", "Note"])
    for item in report["assumptions"]:
        hypotheses.append([item["name"], item["value"], item["note"]])
    for warning in report["warnings"]:
        hypotheses.append([warning["code"], "", warning["message"]])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
