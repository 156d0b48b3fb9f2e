"""The DUER as a printable A4 PDF (reportlab): the ranked hazards and their action plan."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import SimpleDocTemplate, Spacer, TableStyle

from tournage.common import pdf
from tournage.common.formatting import format_date
from tournage.safety.duer import DuerReport, priority
from tournage.safety.rules import DUER

GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
)
HEADER = [
    "Scène",
    "Risque",
    "Gravité",
    "Probabilité",
    "Cotation",
    "Priorité",
    "Mesures",
    "Responsable",
    "Échéance",
    "Réalisé",
]
WIDTHS = [1.6, 5, 1.6, 1.9, 1.7, 2, 7, 3, 2.2, 2.2]


def _row(hazard: Any, style: Any) -> list[Any]:
    band = priority(hazard.score)
    cells = [
        hazard.scene,
        hazard.label,
        hazard.severity or "?",
        hazard.likelihood or "?",
        hazard.score or "non coté",
        band.label if band else "",
        "\n".join(hazard.measures) or "à définir",
        hazard.owner,
        format_date(hazard.due, "short") or "à fixer",
        format_date(hazard.done, "short"),
    ]
    return [pdf.text(cell, style) for cell in cells]


def duer_pdf(production: str, employer: str, report: DuerReport, today: date) -> bytes:
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=7, leading=8.5)
    rules = DUER.load()
    established = format_date(report.established) if report.established else "non établi"
    story: list[Any] = [
        pdf.text(f"Document unique d'évaluation des risques — {production}", styles["Title"]),
        pdf.text(
            f"Employeur : {employer} — établi le {established} — édité le {format_date(today)}",
            styles["BodyText"],
        ),
        pdf.text(f"Base : {rules.legal_basis.reference}. Échelles : {rules.scales.source}.", small),
        Spacer(1, 0.4 * cm),
    ]
    rows = [[pdf.text(h, small) for h in HEADER]]
    rows += [_row(hazard, small) for hazard in report.hazards]
    table = pdf.table(rows, colWidths=[w * cm for w in WIDTHS], repeatRows=1)
    table.setStyle(GRID)
    story.append(table)
    if report.findings:
        story += [Spacer(1, 0.4 * cm), pdf.text("Points à traiter", styles["Heading2"])]
        story += [
            pdf.text(f"{f.subject} : {f.message}" if f.subject else f.message, small)
            for f in report.findings
        ]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        title=f"DUER — {production}",
        lang="fr-FR",
        leftMargin=1 * cm,
        rightMargin=1 * cm,
        topMargin=1 * cm,
        bottomMargin=1 * cm,
    )
    document.build(story)
    return buffer.getvalue()
