"""QC report rendering: inline SVG graphs, a standalone HTML page and a PDF."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from pathlib import Path
from string import Template
from typing import Any

from tournage.delivery.errors import DeliveryError
from tournage.delivery.wording import check_name, words

STATUS_LABELS = {
    "pass": "Conforme",
    "warn": "À vérifier",
    "fail": "Non conforme",
    "info": "Information",
}
STATUS_COLOURS = {"pass": "#1b7f3b", "warn": "#b26b00", "fail": "#b3261e", "info": "#555555"}
WIDTH, HEIGHT, MARGIN = 720, 220, 40


def _number(value: Any) -> float | None:
    """A plotted value; anything else (a report read back from an archive) is a gap."""
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    return float(value) if is_number and math.isfinite(value) else None


def _status(value: Any) -> str:
    return value if value in STATUS_LABELS else "info"


def _events(check: dict[str, Any], limit: int) -> list[str]:
    return [f"{ev.get('start_tc')} → {ev.get('end_tc')}" for ev in check.get("events", [])[:limit]]


def _polyline(values: list[Any], low: float, high: float, colour: str) -> str:
    if not values:
        return ""
    step = (WIDTH - 2 * MARGIN) / max(1, len(values) - 1)
    parts: list[list[str]] = []
    current: list[str] = []
    for index, raw in enumerate(values):
        value = _number(raw)
        if value is None:
            parts.append(current)
            current = []
            continue
        clamped = min(max(value, low), high)
        y = MARGIN + (high - clamped) / (high - low) * (HEIGHT - 2 * MARGIN)
        current.append(f"{MARGIN + index * step:.1f},{y:.1f}")
    parts.append(current)
    return "".join(
        f'<polyline fill="none" stroke="{colour}" stroke-width="1.2" points="{" ".join(p)}"/>'
        for p in parts
        if len(p) > 1
    )


def _frame(
    title: str, low: float, high: float, ticks: Sequence[float], unit: str, body: str
) -> str:
    lines = []
    for tick in ticks:
        y = MARGIN + (high - tick) / (high - low) * (HEIGHT - 2 * MARGIN)
        lines.append(
            f'<line x1="{MARGIN}" x2="{WIDTH - MARGIN}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="4" y="{y + 4:.1f}" font-size="10">{tick:g}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{html.escape(title)}" width="100%">'
        f'<text x="{MARGIN}" y="16" font-size="12">{html.escape(title)} ({unit})</text>'
        + "".join(lines)
        + body
        + "</svg>"
    )


def loudness_svg(document: dict[str, Any]) -> str:
    """Momentary and short-term loudness over time, one point per second."""
    graphs = document.get("graphs") or {}
    low, high = -60.0, 0.0
    body = _polyline(graphs.get("momentary", []), low, high, "#9db4d8")
    body += _polyline(graphs.get("short_term", []), low, high, "#1d4e89")
    return _frame(
        "Loudness momentanée (clair) et court terme (foncé)",
        low,
        high,
        [-60, -47, -36, -23, -18, -9, 0],
        "LUFS",
        body,
    )


def levels_svg(document: dict[str, Any]) -> str:
    """Minimum and maximum luma code per second (8-bit scale)."""
    levels = (document.get("graphs") or {}).get("levels", [])
    if not levels:
        return ""
    high = 1023.0 if max((_number(r[1]) or 0.0) for r in levels) > 255 else 255.0
    body = _polyline([row[0] for row in levels], 0, high, "#555") + _polyline(
        [row[1] for row in levels], 0, high, "#c77800"
    )
    ticks = [0, 16, 235, 255] if high == 255 else [0, 64, 940, 1023]
    return _frame("Luma minimale et maximale par seconde", 0, high, ticks, "code", body)


PAGE = Template("""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Rapport QC — $name</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:4px;font-size:13px;vertical-align:top}</style></head><body>
<h1>Rapport de contrôle qualité</h1>
<p>Fichier : $name ($size octets)<br>SHA-256 : <code>$sha256</code><br>Profil : $profile</p>
<h2 style="color:$colour">Verdict : $verdict</h2>
$loudness_graph $levels_graph
<table><tr><th>Contrôle</th><th>Statut</th><th>Mesuré</th><th>Attendu</th><th>Détail</th>
<th>Timecodes</th></tr>
$rows
</table></body></html>
""")
ROW = Template(
    '<tr><td>$id</td><td style="color:$colour">$status</td><td>$measured</td>'
    "<td>$expected</td><td>$message</td><td>$events</td></tr>"
)


def html_report(document: dict[str, Any]) -> str:
    """A standalone page (no external resources) a broadcaster can archive."""
    e = html.escape
    rows = [
        ROW.substitute(
            id=e(check_name(str(check["id"]))),
            colour=STATUS_COLOURS[_status(check["status"])],
            status=STATUS_LABELS[_status(check["status"])],
            measured=e(words(check["measured"])),
            expected=e(words(check["expected"])),
            message=e(str(check["message"])),
            events="<br>".join(e(event) for event in _events(check, 50)),
        )
        for check in document["checks"]
    ]
    file, verdict = document["file"], document["verdict"]
    return PAGE.substitute(
        name=e(file["name"]),
        size=e(str(file["size_bytes"])),
        sha256=e(str(file["sha256"])),
        profile=e(str(document["profile_label"])),
        colour=STATUS_COLOURS[_status(verdict)],
        verdict=STATUS_LABELS[_status(verdict)],
        loudness_graph=loudness_svg(document),
        levels_graph=levels_svg(document),
        rows="\n".join(rows),
    )


def pdf_report(document: dict[str, Any]) -> bytes:
    """The same summary as a PDF (reportlab)."""
    from io import BytesIO

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    buffer = BytesIO()
    file = document["file"]
    story: list[Any] = [
        Paragraph("Rapport de contrôle qualité", styles["Title"]),
        Paragraph(
            html.escape(f"Fichier : {file['name']} — SHA-256 : {file['sha256']}"), styles["Normal"]
        ),
        Paragraph(html.escape(f"Profil : {document['profile_label']}"), styles["Normal"]),
        Paragraph(f"Verdict : {STATUS_LABELS[_status(document['verdict'])]}", styles["Heading2"]),
    ]
    cell = styles["BodyText"]
    data: list[list[Any]] = [["Contrôle", "Statut", "Mesuré", "Détail", "Timecodes"]]
    for check in document["checks"]:
        data.append(
            [
                Paragraph(html.escape(check_name(str(check["id"]))), cell),
                STATUS_LABELS[_status(check["status"])],
                Paragraph(html.escape(words(check["measured"])), cell),
                Paragraph(html.escape(str(check["message"])), cell),
                Paragraph(html.escape(", ".join(_events(check, 12))), cell),
            ]
        )
    table = Table(data, colWidths=[100, 70, 140, 300, 170], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
            ]
        )
    )
    story.extend([Spacer(1, 8), _pdf_loudness_graph(document), table])
    SimpleDocTemplate(buffer, pagesize=landscape(A4), title="Rapport QC").build(story)
    return buffer.getvalue()


def _pdf_loudness_graph(document: dict[str, Any]) -> Any:
    from reportlab.graphics.shapes import Drawing, Line, PolyLine, String
    from reportlab.lib import colors

    drawing = Drawing(WIDTH, HEIGHT)
    drawing.add(String(MARGIN, HEIGHT - 16, "Loudness court terme (LUFS), -60 à 0", fontSize=9))
    values = (document.get("graphs") or {}).get("short_term", [])
    low, high = -60.0, 0.0
    target_y = HEIGHT - MARGIN - (high - -23.0) / (high - low) * (HEIGHT - 2 * MARGIN)
    drawing.add(Line(MARGIN, target_y, WIDTH - MARGIN, target_y, strokeColor=colors.lightgrey))
    step = (WIDTH - 2 * MARGIN) / max(1, len(values) - 1)
    points: list[float] = []
    for index, raw in enumerate(values):
        value = _number(raw)
        if value is not None:
            clamped = min(max(value, low), high)
            points += [
                MARGIN + index * step,
                HEIGHT - MARGIN - (high - clamped) / (high - low) * (HEIGHT - 2 * MARGIN),
            ]
    if len(points) >= 4:
        drawing.add(PolyLine(points, strokeColor=colors.darkblue, strokeWidth=1))
    return drawing


def write_report(document: dict[str, Any], path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        path.write_text(html_report(document), encoding="utf-8")
    elif suffix == ".pdf":
        path.write_bytes(pdf_report(document))
    else:
        raise DeliveryError("report_format", "Le rapport doit se terminer par .html ou .pdf.")
