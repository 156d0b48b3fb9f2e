"""The cahier des charges (PDF, DOCX) and a scheme's dossier (one PDF, table of contents
first, pieces in the scheme's order) written from the live data."""

from __future__ import annotations

import io
from typing import Any

import pikepdf
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from tournage.common.pdf import embedded_styles, table, text
from tournage.common.tagged_pdf import Writer
from tournage.development.dossier import Piece
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
    """Tagged (H1, H2 per section, P per line), language fr-FR, title shown."""
    writer = Writer()
    title = f"Cahier des charges — {production.title}"
    writer.add("H1", title)
    for heading, lines in _cdc_blocks(production):
        writer.add("H2", heading)
        for line in lines:
            writer.add("P", line)
    return writer.build(title)


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


STATUS_WORDS = {"attached": "jointe", "generated": "produite par tournage", "missing": "MANQUANTE"}


def _piece_part(piece: Piece, text_of: str | None, attached: str | None) -> bytes:
    styles = embedded_styles()
    story: list[Any] = [text(piece.name, styles["Heading2"])]
    if attached is not None:
        story.append(text(f"Pièce jointe : {attached} (pages suivantes)", styles["BodyText"]))
    elif text_of is not None:
        story.extend(text(p, styles["BodyText"]) for p in text_of.split("\n"))
    story.extend(text(f.message, styles["Italic"]) for f in piece.findings)
    return _pdf(piece.name, story)


def _contents(title: str, rows: list[tuple[Piece, int]]) -> bytes:
    styles = embedded_styles()
    lines = [[text(p.name), text(STATUS_WORDS[str(p.status)]), text(str(page))] for p, page in rows]
    story = [text(title, styles["Title"]), text("Sommaire", styles["Heading2"]), table(lines)]
    return _pdf(title, story)


def _attachment(item: models.AttachedPiece | None) -> bytes | None:
    if item is None:
        return None
    try:
        with item.file.open("rb") as handle:
            data: bytes = handle.read()
    except OSError:  # listed, but missing from storage: the contents still name it
        return None
    return data


def _page_count(data: bytes) -> int:
    with pikepdf.open(io.BytesIO(data)) as document:
        return len(document.pages)


def dossier_pdf(production: Production, record: models.Dossier) -> bytes:
    """The scheme's pieces in order after a contents page giving each piece's status and
    first page: a title page per piece (its text when tournage produces it, its findings)
    followed by the attached PDF's own pages."""
    built = adapters.assemble(production, record)
    texts = adapters.piece_texts(production)
    files = {a.piece: a for a in record.attachments.all()} if record.pk else {}
    parts: list[tuple[Piece, list[bytes]]] = []
    for piece in built.pieces:
        stored = files.get(piece.id)
        attachment = _attachment(stored)
        name = stored.source_name if stored is not None else None
        own = _piece_part(piece, texts.get(piece.id), name)
        parts.append((piece, [own] + ([attachment] if attachment else [])))
    title = f"{production.title} — {built.scheme.name}"
    zeros = [(piece, 0) for piece, _ in parts]
    page = _page_count(_contents(title, zeros)) + 1
    starts = []
    for piece, documents in parts:
        starts.append((piece, page))
        page += sum(_page_count(d) for d in documents)
    documents = [_contents(title, starts), *(d for _, docs in parts for d in docs)]
    return _concatenate(documents, title)


def _concatenate(documents: list[bytes], title: str) -> bytes:
    merged = pikepdf.new()
    opened = [pikepdf.open(io.BytesIO(data)) for data in documents]
    try:
        for source in opened:
            merged.pages.extend(source.pages)
        merged.Root.Lang = pikepdf.String("fr-FR")
        merged.docinfo["/Title"] = title
        buffer = io.BytesIO()
        merged.save(buffer)
    finally:
        for source in opened:
            source.close()
    return buffer.getvalue()
