"""Devis and cost report as a printable PDF (reportlab)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from tournage.budget.compute import BudgetTotals
from tournage.budget.cost_report import CostReport
from tournage.common.formatting import format_money

GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
        ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
    ]
)


def devis_pdf(totals: BudgetTotals, report: CostReport | None = None) -> bytes:
    styles = getSampleStyleSheet()
    budget = totals.budget
    story: list[Flowable] = [
        Paragraph(escape(f"{budget.title} — devis {budget.version}"), styles["Title"]),
        Paragraph(escape(totals.chart.title), styles["Normal"]),
        Spacer(1, 8),
        _table(
            ["Chapitre", "Libellé", "Montant HT"],
            [[c.code, c.label, format_money(c.amount)] for c in totals.chapters]
            + [
                [
                    o.overhead.code,
                    f"{o.overhead.label} ({o.percent if o.percent is not None else '?'} %)",
                    format_money(o.amount),
                ]
                for o in totals.overheads
            ]
            + [["", "Total HT", format_money(totals.total)]],
        ),
        Spacer(1, 8),
        _table(
            ["Compte", "Libellé", "Qté", "Taux", "Nb", "Montant", "Charges"],
            [
                [
                    r.line.account,
                    r.line.label[:60],
                    str(r.quantity),
                    format_money(r.line.rate),
                    str(r.number),
                    format_money(r.amount),
                    format_money(r.fringe),
                ]
                for r in totals.lines
            ],
        ),
    ]
    story += [Paragraph(escape(f"• {f.message}"), styles["Normal"]) for f in totals.findings]
    if report is not None:
        story += [
            Spacer(1, 12),
            Paragraph("Suivi budgétaire", styles["Heading2"]),
            _table(
                ["Chapitre", "Libellé", "Budget", "Engagé", "Réalisé", "Reste", "EFC", "Écart"],
                [
                    [
                        r.code,
                        r.label,
                        *(
                            format_money(v)
                            for v in (r.budget, r.committed, r.actual, r.etc, r.efc, r.variance)
                        ),
                    ]
                    for r in (*report.chapters, report.total)
                ],
            ),
        ]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=landscape(A4), title=budget.title).build(story)
    return buffer.getvalue()


def _table(header: list[str], rows: Sequence[Sequence[str]]) -> Table:
    table = Table([header, *rows], repeatRows=1)
    table.setStyle(GRID)
    return table
