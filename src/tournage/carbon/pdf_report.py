"""The report as a PDF (reportlab): totals, sections chart, lines, assumptions."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from tournage.carbon.report import PHASE_NAMES, summary_table
from tournage.common import pdf

GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
    ]
)


def _chart(report: dict[str, Any], phases: list[tuple[str, dict[str, Any]]]) -> Drawing:
    labels = list(report["section_labels"].values())
    drawing = Drawing(16 * cm, 9 * cm)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 5 * cm, 0.5 * cm, 10 * cm, 8 * cm
    # reportlab draws the first category at the bottom: reverse to read top-down
    chart.data = [[s["kgco2e"] / 1000 for s in phase["sections"]][::-1] for _, phase in phases]
    chart.categoryAxis.categoryNames = [label[:30] for label in labels][::-1]
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    for index, color in enumerate(
        (colors.HexColor("#2f6f4f"), colors.HexColor("#d08c2b"))[: len(phases)]
    ):
        chart.bars[index].fillColor = color
    drawing.add(chart)
    return drawing


def _table(rows: list[list[Any]], widths: list[float] | None = None) -> Table:
    style = getSampleStyleSheet()["BodyText"]
    style.fontSize = 7
    cells = [[pdf.text(c, style) for c in row] for row in rows]
    table = pdf.table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(GRID)
    return table


def _extras(report: dict[str, Any], styles: Any) -> list[Any]:
    """Comparison, scenarios and checklist, when the report has them."""
    story: list[Any] = []
    if report["comparison"]:
        rows = [["Écart", "kgCO2e", "Explication"]]
        rows += [
            [g["id"], f"{g['delta_kgco2e']:+.1f}", g["explanation"]]
            for g in report["comparison"]["largest_gaps"]
        ]
        story += [
            Paragraph("Prévisionnel et définitif : plus grands écarts", styles["Heading2"]),
            _table(rows, [5 * cm, 2 * cm, 10 * cm]),
        ]
    if report["scenarios"]:
        rows = [["Scénario", "tCO2e", "Écart (kg)", "Écart (%)"]]
        rows += [
            [
                s["name"],
                f"{s['total_kgco2e'] / 1000:.3f}",
                f"{s['delta_kgco2e']:+.0f}",
                s["delta_pct"],
            ]
            for s in report["scenarios"]
        ]
        story += [Paragraph("Scénarios de réduction", styles["Heading2"]), _table(rows)]
    checklist = report["checklist"]
    rows = [["Action", "Faite"]]
    rows += [[item["label_fr"], "oui" if item["done"] else "non"] for item in checklist["items"]]
    story += [
        Paragraph(
            escape(f"Éco-production : {checklist['done']}/{checklist['total']} actions"),
            styles["Heading2"],
        ),
        _table(rows, [13 * cm, 3 * cm]),
    ]
    return story


def report_pdf(report: dict[str, Any]) -> bytes:
    styles = getSampleStyleSheet()
    phases = [(name, report[key]) for key, name in PHASE_NAMES if report[key]]
    story: list[Any] = [
        Paragraph(escape(f"Bilan carbone — {report['title']}"), styles["Title"]),
        Paragraph(escape(report["notice"]), styles["Italic"]),
        Spacer(1, 8),
    ]
    story += [_table(summary_table(report)), Spacer(1, 8)]
    if phases:
        story += [
            Paragraph("Émissions par section Carbon'Clap (tCO2e)", styles["Heading2"]),
            _chart(report, phases),
        ]
    for name, phase in phases:
        story.append(Paragraph(escape(f"Détail — {name}"), styles["Heading2"]))
        for section in phase["sections"]:
            if not section["lines"]:
                continue
            story.append(
                Paragraph(
                    escape(f"{section['label']} : {section['kgco2e']:.1f} kgCO2e"),
                    styles["Heading3"],
                )
            )
            rows = [["Libellé", "Quantité", "Facteur", "kgCO2e", "Calcul"]]
            rows += [
                [
                    line["label"],
                    f"{line['quantity']:g} {line['unit']}",
                    line["factor"],
                    line["kgco2e"],
                    line["derivation"],
                ]
                for line in section["lines"]
            ]
            story.append(_table(rows, [3.5 * cm, 2.5 * cm, 3.5 * cm, 1.8 * cm, 6 * cm]))
    story += _extras(report, styles)
    if report["assumptions"] or report["warnings"]:
        story.append(Paragraph("Hypothèses et alertes", styles["Heading2"]))
        rows = [["Nom", "Valeur", "Note"]]
        rows += [[a["name"], a["value"], a["note"]] for a in report["assumptions"]]
        rows += [[w["code"], "", w["message"]] for w in report["warnings"]]
        story.append(_table(rows, [4 * cm, 2.5 * cm, 10.5 * cm]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=f"Bilan carbone — {report['title']}").build(story)
    return buffer.getvalue()
