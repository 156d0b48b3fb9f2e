"""Printable documents: a delivery note per shipment, the closing report as PDF and XLSX.

User text goes through ``tournage.common.pdf`` (never interpreted as markup) and
``tournage.common.exports`` (never a formula); money through ``tournage.common.formatting``.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, TableStyle

from tournage.closing.register import DestinationStatus
from tournage.common.exports import append_row
from tournage.common.formatting import format_date, format_money, format_number
from tournage.common.pdf import table, text

GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
)
STATUS_FR = {
    "met": "atteint",
    "partly": "en partie",
    "not_met": "non atteint",
    "unknown": "inconnu",
}


def _grid(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> Flowable:
    styles = getSampleStyleSheet()
    cells = [[text(h, styles["BodyText"]) for h in header]]
    cells += [[text(v, styles["BodyText"]) for v in row] for row in rows]
    grid = table(cells, repeatRows=1)
    grid.setStyle(GRID)
    return grid


def _pdf(story: list[Flowable]) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title="tournage").build(story)
    return buffer.getvalue()


def _day(value: date | str | None) -> str:
    if value is None:
        return "—"
    return format_date(date.fromisoformat(value) if isinstance(value, str) else value)


def _money(value: str | None) -> str:
    return "—" if value is None else format_money(Decimal(value))


def _mass(value: str | None) -> str:
    return "—" if value is None else format_number(Decimal(value), 1)


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


@dataclass(frozen=True)
class Cells:
    """How a figure of the document is written: formatted text in the PDF, a number in the
    spreadsheet (so that it sums)."""

    money: Callable[[str | None], Any]
    mass: Callable[[str | None], Any]


PDF_CELLS = Cells(_money, _mass)
XLSX_CELLS = Cells(_decimal, _decimal)


def delivery_note_pdf(title: str, status: DestinationStatus, today: date) -> bytes:
    """What was shipped to one destination: each element, its file's SHA-256, its QC."""
    styles = getSampleStyleSheet()
    rows = [
        [
            s.item.label,
            _day(s.item.due),
            _day(s.item.delivered),
            s.item.file_sha256 or "—",
            f"#{s.run.run_id} {s.run.verdict}" if s.run else "—",
            " ; ".join(f.message for f in s.findings) or "conforme",
        ]
        for s in status.items
    ]
    story: list[Flowable] = [
        text(f"Bon de livraison — {title}", styles["Title"]),
        text(f"Destinataire : {status.name} — édité le {_day(today)}", styles["Normal"]),
        Spacer(1, 8),
        _grid(["Élément", "Échéance", "Livré le", "SHA-256", "QC", "Observations"], rows),
    ]
    if status.missing_kinds:
        story += [
            Spacer(1, 8),
            text(
                "Attendus absents du registre : " + ", ".join(status.missing_kinds),
                styles["Normal"],
            ),
        ]
    return _pdf(story)


def _check_rows(document: dict[str, Any], cells: Cells) -> list[list[Any]]:
    return [
        [c["id"], STATUS_FR.get(c["status"], c["status"]), c["message"], c["source"]]
        for c in document["checks"]
    ]


def _chapter_rows(document: dict[str, Any], cells: Cells) -> list[list[Any]]:
    return [
        [c["code"], c["label"], *(cells.money(c[k]) for k in ("devis", "final", "difference"))]
        for c in document["financial"]["chapters"]
    ]


def _contract_rows(document: dict[str, Any], cells: Cells) -> list[list[Any]]:
    return [
        [
            c["person"],
            c["function"],
            c["status_label"],
            _day(c["end"]),
            ", ".join(c["open"]) or "clos",
        ]
        for c in document["legal"]["contracts"]
    ]


def _carbon_rows(document: dict[str, Any], cells: Cells) -> list[list[Any]]:
    return [
        [
            r["category"],
            *(cells.mass(r[k]) for k in ("forecast_kg", "final_kg", "delta_kg", "delta_percent")),
            r["comment"],
        ]
        for r in document["environmental"]["forecast_vs_final"]
    ]


def _measure_rows(document: dict[str, Any], cells: Cells) -> list[list[Any]]:
    return [
        [m["label"], "appliquée" if m["applied"] else "non appliquée"]
        for m in document["environmental"]["measures"]
    ]


def _access_rows(document: dict[str, Any], cells: Cells) -> list[list[Any]]:
    yes = {True: "oui", False: "non"}
    return [
        [r["destination"], yes[r["sme"]], yes[r["audio_description"]]]
        for r in document["accessibility"]
    ]


SECTIONS = (
    (
        "Financier — devis et coût définitif par chapitre",
        ["Chapitre", "Libellé", "Devis", "Définitif", "Écart"],
        _chapter_rows,
    ),
    (
        "Juridique — contrats",
        ["Personne", "Fonction", "Statut", "Fin", "Reste à faire"],
        _contract_rows,
    ),
    (
        "Environnemental — prévisionnel et définitif (kgCO2e)",
        ["Catégorie", "Prévu", "Définitif", "Écart", "Écart %", "Explication"],
        _carbon_rows,
    ),
    ("Mesures — leviers de réduction prévus et appliqués", ["Mesure", "Appliquée"], _measure_rows),
    ("Accessibilité — livré par destination", ["Destination", "SME", "AD"], _access_rows),
    ("Contrôles", ["Contrôle", "Statut", "Message", "Source"], _check_rows),
)


def report_pdf(document: dict[str, Any]) -> bytes:
    styles = getSampleStyleSheet()
    financial = document["financial"]
    story: list[Flowable] = [
        text(f"Dossier de clôture — {document['title']}", styles["Title"]),
        text(
            f"Établi le {_day(document['date'])} ; coût définitif "
            f"{_money(financial['final_cost'])} pour un devis de "
            f"{_money(financial['devis_total'])} ; chiffres rapprochés : "
            f"{'oui' if document['reconciled'] else 'non'}.",
            styles["Normal"],
        ),
    ]
    for heading, header, rows in SECTIONS:
        grid = _grid(header, rows(document, PDF_CELLS))
        story += [Spacer(1, 10), text(heading, styles["Heading2"]), grid]
    return _pdf(story)


def report_xlsx(document: dict[str, Any]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Synthèse"
    append_row(sheet, ["Dossier de clôture", document["title"]])
    append_row(sheet, ["Date", document["date"]])
    append_row(sheet, ["Coût définitif", _decimal(document["financial"]["final_cost"])])
    append_row(sheet, ["Chiffres rapprochés", "oui" if document["reconciled"] else "non"])
    for heading, header, rows in SECTIONS:
        page = book.create_sheet(heading.split(" — ")[0][:31])
        append_row(page, header)
        for row in rows(document, XLSX_CELLS):
            append_row(page, row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
