"""The cahier des charges (PDF, DOCX) and a scheme's dossier (one PDF, table of contents
first, pieces in the scheme's order) written from the live data."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer

from tournage.common.pdf import embedded_styles, table, text
from tournage.web.productions.models import Production

from . import adapters, models

CDC_FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _cdc_blocks(production: Production) -> list[tuple[str, list[str]]]:
    sections = adapters.cdc_sections(production)
    blocks = [(s.title, [*s.lines, *(f"À compléter : {m}" for m in s.missing)]) for s in sections]
    return blocks


def _pdf(title: str, story: list[Any]) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, title=title, lang="fr-FR")
    document.build(story)
    return buffer.getvalue()


def cdc_pdf(production: Production) -> bytes:
    styles = embedded_styles()
    story: list[Any] = [text(f"Cahier des charges — {production.title}", styles["Title"])]
    for title, lines in _cdc_blocks(production):
        story.append(text(title, styles["Heading2"]))
        story.extend(text(line, styles["BodyText"]) for line in lines)
    return _pdf(f"Cahier des charges — {production.title}", story)


def cdc_docx(production: Production) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = f"Cahier des charges — {production.title}"
    document.core_properties.language = "fr-FR"
    document.add_heading(f"Cahier des charges — {production.title}", level=0)
    for title, lines in _cdc_blocks(production):
        document.add_heading(title, level=1)
        for line in lines:
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def cdc_document(production: Production, fmt: str) -> tuple[bytes, str]:
    data = cdc_pdf(production) if fmt == "pdf" else cdc_docx(production)
    return data, CDC_FORMATS[fmt]


def dossier_pdf(production: Production, record: models.Dossier) -> bytes:
    """The scheme's pieces in order: a contents table with each piece's status, then the
    text tournage holds for each generated piece; attached files are listed by name."""
    styles = embedded_styles()
    built = adapters.assemble(production, record)
    texts = adapters.piece_texts(production)
    files = dict(record.attachments.values_list("piece", "source_name")) if record.pk else {}
    labels = {"attached": "jointe", "generated": "produite par tournage", "missing": "MANQUANTE"}
    story: list[Any] = [
        text(f"{production.title} — {built.scheme.name}", styles["Title"]),
        text("Sommaire", styles["Heading2"]),
        table([[text(p.name), text(labels[str(p.status)])] for p in built.pieces]),
    ]
    for piece in built.pieces:
        story += [PageBreak(), text(piece.name, styles["Heading2"])]
        if piece.id in files:
            story.append(text(f"Pièce jointe : {files[piece.id]}", styles["BodyText"]))
        elif piece.id in texts:
            story.extend(text(p, styles["BodyText"]) for p in texts[piece.id].split("\n"))
        story.extend(text(f.message, styles["Italic"]) for f in piece.findings)
        story.append(Spacer(1, 12))
    return _pdf(f"Dossier {built.scheme.name}", story)
