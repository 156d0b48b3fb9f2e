"""The shoot's observation report (rapport d'observation) as PDF: risks, measures,
incidents, accessibility, contacts, working-time findings."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

from tournage.common.findings import Finding
from tournage.common.formatting import format_date
from tournage.labor.findings import finding_day
from tournage.labor.safety import RiskEntry


@dataclass
class ObservationReport:
    production: str
    risks: list[RiskEntry] = field(default_factory=list)
    incidents: list[dict[str, str]] = field(default_factory=list)  # date, description, action
    accessibility: list[Finding] = field(default_factory=list)
    working_time: list[Finding] = field(default_factory=list)
    contacts: dict[str, str] = field(default_factory=dict)  # role -> name / phone


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(escape(text), style)


def _findings(findings: Iterable[Finding], style: Any) -> list[Any]:
    rows = [_p(f"[{f.severity.label()}] {_who_when(f)} — {f.message}", style) for f in findings]
    return rows or [_p("Aucun constat.", style)]


def _who_when(finding: Finding) -> str:
    return f"{finding.subject} {format_date(finding_day(finding), 'short')}".strip()


def observation_report_pdf(report: ObservationReport) -> bytes:
    styles = getSampleStyleSheet()
    body, h2 = styles["BodyText"], styles["Heading2"]
    story: list[Any] = [_p(f"Rapport d'observation — {report.production}", styles["Title"])]
    story.append(_p("Registre des risques", h2))
    if report.risks:
        table = [["Séquence", "Jour", "Risque", "Mesures", "Responsable", "Statut"]]
        table += [
            [
                r.scene,
                f"{r.day:%d/%m/%Y}" if r.day else "",
                r.label,
                _p("; ".join(r.measures), body),
                r.owner,
                r.status,
            ]
            for r in report.risks
        ]
        story.append(Table(table, colWidths=[45, 55, 80, 200, 80, 45], repeatRows=1))
        story.append(
            _p(
                "Mesures proposées par tournage à partir des thèmes des dispositions "
                "générales de 2016 : à adapter par le référent sécurité.",
                body,
            )
        )
    else:
        story.append(_p("Aucun risque enregistré.", body))
    story.append(_p("Incidents", h2))
    story += [
        _p(
            f"{i.get('date', '')} — {i.get('description', '')} "
            f"(suite donnée : {i.get('action', '') or 'à définir'})",
            body,
        )
        for i in report.incidents
    ] or [_p("Aucun incident déclaré.", body)]
    story.append(_p("Accessibilité des lieux", h2))
    story += _findings(report.accessibility, body)
    story.append(_p("Temps de travail", h2))
    story += _findings(report.working_time, body)
    story.append(_p("Contacts", h2))
    story += [
        _p(f"{role} : {who or 'non désigné'}", body) for role, who in report.contacts.items()
    ] or [_p("Aucun contact.", body)]
    story.append(Spacer(1, 8))
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"Rapport d'observation — {report.production}",
        leftMargin=30,
        rightMargin=30,
    ).build(story)
    return buffer.getvalue()
