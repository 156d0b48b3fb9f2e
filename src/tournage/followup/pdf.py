"""The call sheet as a printable A4 PDF (reportlab; user text through tournage.common.pdf)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, TableStyle

from tournage.common import pdf

GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
)


def _table(rows: Sequence[Sequence[Any]], style: Any) -> Flowable:
    table = pdf.table([[pdf.text(c, style) for c in row] for row in rows], repeatRows=1)
    table.setStyle(GRID)
    return table


def call_sheet_pdf(doc: dict[str, Any], title: str) -> bytes:
    """``doc`` is a call sheet's ``to_dict()`` (or a recipient's share of it)."""
    styles = getSampleStyleSheet()
    body, heading = styles["BodyText"], styles["Heading2"]
    story: list[Flowable] = [
        pdf.text(
            f"{title} — Feuille de service du {doc['date']} (v{doc['version']})", styles["Title"]
        ),
        pdf.text(
            f"Jour {doc['day_number']}/{doc['total_days']} · PAT {doc['unit_call']} · "
            f"Météo : {doc['weather'] or 'non renseignée'}",
            body,
        ),
    ]
    if doc.get("personal_call"):
        story.append(pdf.text(f"Votre convocation : {doc['personal_call']}", heading))
    sections: list[tuple[str, list[list[Any]]]] = [
        (
            "Décors",
            [["Décor", "Adresse", "Accès"]]
            + [[p["name"], p["address"], p["access"]] for p in doc["locations"]],
        ),
        (
            "Scènes",
            [["Scène", "Décor / effet", "Huitièmes", "Rôles"]]
            + [[s["id"], s["label"], s["eighths"], ", ".join(s["cast"])] for s in doc["scenes"]],
        ),
        (
            "Comédiens",
            [["Nom", "Rôle", "Ramassage", "HMC", "Plateau"]]
            + [[c["name"], c["role"], c["pickup"], c["makeup"], c["on_set"]] for c in doc["cast"]],
        ),
        (
            "Équipe",
            [["Département", "Nom", "Convocation", "Téléphone"]]
            + [[c["department"], c["name"], c["call"], c["phone"]] for c in doc["crew"]],
        ),
        (
            "Sécurité",
            [["Consignes et risques du jour"]]
            + [[n] for n in doc["safety"]]
            + [[f"Hôpital : {doc['hospital'] or 'non renseigné'}"]]
            + [[f"{n['number']} : {n['service']}"] for n in doc["emergency"]],
        ),
        ("Contacts", [["Contact"]] + [[c] for c in doc["contacts"]]),
    ]
    if doc["accessibility"]:
        sections.append(
            ("Aménagements", [["Personne : besoin"]] + [[a] for a in doc["accessibility"]])
        )
    if doc["advance"]:
        sections.append(("Jours suivants", [["Jour : scènes"]] + [[a] for a in doc["advance"]]))
    for name, rows in sections:
        story += [pdf.text(name, heading), _table(rows, body), Spacer(1, 0.2 * cm)]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"Feuille de service {doc['date']}",
        author=title,
        leftMargin=1.5 * cm,
        rightMargin=1.5 * cm,
        topMargin=1.5 * cm,
        bottomMargin=1.5 * cm,
    )
    document.build(story)
    return buffer.getvalue()
