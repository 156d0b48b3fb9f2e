"""The portfolio of an evaluation, for a jury, an insurer, a funder or a broadcaster.

``portfolio_pdf``: an accessible PDF organised by block and row (competence or
criterion) — tagged (a structure tree of H1/H2/H3/P elements in reading order, page
furniture marked as artefacts), its language set (fr-FR), its title shown. ReportLab
draws the pages; it writes no structure tree, so each flowable is wrapped in a
marked-content sequence (``/P <</MCID n>> BDC … EMC``) while it is drawn, and pikepdf
then adds the StructTreeRoot, its ParentTree and the catalogue entries.
``portfolio_zip``: that PDF, the JSON document and the evidence documents, filed under
``bloc-N/<row>/<check>/``. User text is escaped: no markup is ever interpreted.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import Any

import pikepdf
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer

from tournage.common.formatting import format_date
from tournage.common.pdf import embedded_font, embedded_styles
from tournage.common.pdf import text as pdf_text
from tournage.referential.framework import FRAMEWORK, Row

LANGUAGE = "fr-FR"
STATUS_FR = {
    "met": "Atteint",
    "partly": "Partiellement atteint",
    "not_met": "Non atteint",
    "unknown": "Données absentes",
    "not_evaluated": "Pas encore évalué",
    None: "Jugement humain uniquement",
}
LEVEL_FR = {"fail": "bloquant", "warn": "avertissement", "info": "information"}
VERDICT_FR = {"met": "atteint", "not_met": "non atteint", "to_review": "à revoir"}


@dataclass
class _Element:
    tag: str
    parts: list[tuple[int, int]] = field(default_factory=list)  # (page index, MCID)


@dataclass
class _Tags:
    """The structure elements in reading order and the MCIDs given on each page."""

    elements: list[_Element] = field(default_factory=list)
    next_mcid: dict[int, int] = field(default_factory=lambda: defaultdict(int))

    def mark(self, element: _Element, page: int) -> int:
        mcid = self.next_mcid[page]
        self.next_mcid[page] += 1
        element.parts.append((page, mcid))
        return mcid


class _Tagged(Flowable):  # type: ignore[misc]
    """A flowable drawn inside a marked-content sequence of its structure element."""

    def __init__(self, inner: Flowable, element: _Element, tags: _Tags) -> None:
        super().__init__()
        self.inner, self.element, self.tags = inner, element, tags

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        width, height = self.inner.wrap(available_width, available_height)
        self.width, self.height = width, height
        return width, height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = self.inner.split(available_width, available_height)
        return [_Tagged(part, self.element, self.tags) for part in parts]

    def getSpaceBefore(self) -> float:
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.inner.getSpaceAfter())

    def draw(self) -> None:
        canvas: Canvas = self.canv
        mcid = self.tags.mark(self.element, canvas.getPageNumber() - 1)
        canvas.addLiteral(f"/{self.element.tag} <</MCID {mcid}>> BDC")
        self.inner.drawOn(canvas, 0, 0)
        canvas.addLiteral("EMC")


class _Writer:
    def __init__(self) -> None:
        self.tags = _Tags()
        self.story: list[Flowable] = []
        base = embedded_styles()
        self.styles = {
            "H1": base["Heading1"],
            "H2": base["Heading2"],
            "H3": base["Heading3"],
            "P": base["BodyText"],
            "Note": ParagraphStyle("Note", parent=base["BodyText"], leftIndent=4 * mm),
        }

    def add(self, tag: str, text: str, style: str | None = None) -> None:
        element = _Element(tag)
        self.tags.elements.append(element)
        paragraph = pdf_text(text, self.styles[style or tag])
        self.story.append(_Tagged(paragraph, element, self.tags))


def _furniture(title: str) -> Callable[[Canvas, Any], None]:
    def draw(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        canvas.addLiteral("/Artifact BMC")
        canvas.setFont(embedded_font(), 8)
        canvas.drawString(20 * mm, 10 * mm, title)
        canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, f"page {canvas.getPageNumber()}")
        canvas.addLiteral("EMC")
        canvas.restoreState()

    return draw


def _check_text(check: Mapping[str, Any]) -> str:
    status = STATUS_FR.get(check["status"], check["status"])
    level = LEVEL_FR.get(check["level"], check["level"])
    text = f"{status} ({level}) — {check['message']}"
    if check.get("source"):
        text += f" Source : {check['source']}."
    proofs = [e["label"] + (f" ({e['url']})" if e.get("url") else "") for e in check["evidence"]]
    if proofs:
        text += " Preuves : " + " ; ".join(proofs) + "."
    return text


def _row_heading(row: Row, status: str | None) -> str:
    return f"{FRAMEWORK.load().label(row)} — {STATUS_FR.get(status, status)}"


def _story(document: Mapping[str, Any], title: str, generated: datetime) -> _Writer:
    framework = FRAMEWORK.load()
    rows = {row.id: row for row in framework.rows}
    blocks = {block.block: block for block in framework.blocks}
    summary = document["summary"]
    judgements: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for judgement in document["judgements"]:
        judgements[judgement["row"]].append(judgement)
    writer = _Writer()
    writer.add("H1", f"Production responsable — {title}")
    writer.add("P", f"{framework.meta.title} (version du {framework.meta.as_of}).")
    writer.add("P", f"Évaluation du {format_date(generated)} à {generated.strftime('%H:%M')}.")
    writer.add(
        "P",
        "Contrôles : {met} atteints, {partly} partiellement, {not_met} non atteints, "
        "{unknown} sans données, {not_evaluated} pas encore évalués.".format(**summary),
    )
    for block in document["blocks"]:
        info = blocks[block["block"]]
        writer.story.append(Spacer(1, 4 * mm))
        writer.add("H2", f"Bloc {info.block} — {info.title_fr}")
        for entry in block["criteria"]:
            row = rows[entry["id"]]
            writer.add("H3", _row_heading(row, entry["status"]))
            writer.add("P", row.text_fr)
            for check in entry["checks"]:
                spec = next(c for c in row.checks if c.id == check["id"])
                writer.add("P", f"{spec.rule_fr or spec.rule} : {_check_text(check)}", "Note")
            for judgement in judgements.get(row.id, []):
                verdict = VERDICT_FR.get(judgement["verdict"], judgement["verdict"])
                text = f"Jugement : {judgement['text']} — {verdict}, le {_day(judgement['date'])}"
                if judgement.get("by"):
                    text += f" par {judgement['by']}"
                if judgement.get("comment"):
                    text += f" : {judgement['comment']}"
                writer.add("P", text, "Note")
    return writer


def _day(value: Any) -> str:
    """A judgement's date (ISO text in the JSON document) the French way."""
    try:
        return format_date(date.fromisoformat(str(value)), "long")
    except ValueError:
        return str(value)


def portfolio_pdf(document: Mapping[str, Any], title: str, generated: datetime) -> bytes:
    writer = _story(document, title, generated)
    buffer = io.BytesIO()
    heading = f"Production responsable — {title}"
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=heading,
        author="tournage",
        lang=LANGUAGE,
        initialFontName=embedded_font(),  # else a non-embedded Helvetica on every page
    )
    furniture = _furniture(heading)
    template.build(writer.story, onFirstPage=furniture, onLaterPages=furniture)
    return _add_structure(buffer.getvalue(), writer.tags, heading)


def _add_structure(data: bytes, tags: _Tags, title: str) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = pdf.pages
        root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
        document = pdf.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document, P=root)
        )
        per_page: dict[int, dict[int, Any]] = defaultdict(dict)
        kids = []
        for element in tags.elements:
            if not element.parts:
                continue  # never drawn (cannot happen with a finished build)
            first_page = pages[element.parts[0][0]].obj
            node = pdf.make_indirect(
                pikepdf.Dictionary(
                    Type=pikepdf.Name.StructElem,
                    S=pikepdf.Name("/" + element.tag),
                    P=document,
                    Pg=first_page,
                    K=pikepdf.Array(
                        [
                            pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=pages[page].obj, MCID=mcid)
                            for page, mcid in element.parts
                        ]
                    ),
                )
            )
            kids.append(node)
            for page, mcid in element.parts:
                per_page[page][mcid] = node
        document.K = pikepdf.Array(kids)
        numbers: list[Any] = []
        for number, pdf_page in enumerate(pages):
            pdf_page.obj.StructParents = number
            pdf_page.obj.Tabs = pikepdf.Name.S
            marks = per_page.get(number, {})
            numbers += [number, pikepdf.Array([marks[m] for m in sorted(marks)])]
        root.K = document
        root.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array(numbers)))
        root.ParentTreeNextKey = len(pages)
        pdf.Root.StructTreeRoot = root
        pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
        pdf.Root.Lang = pikepdf.String(LANGUAGE)
        pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        with pdf.open_metadata() as metadata:
            metadata["dc:title"] = title
            metadata["dc:language"] = [LANGUAGE]
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def _safe_name(name: str) -> str:
    """The file's own name, never a path (no ``..``, no absolute path into the zip)."""
    base = PurePosixPath(name.replace("\\", "/")).name
    return base.lstrip(".") or "document"


def portfolio_zip(
    document: Mapping[str, Any],
    title: str,
    generated: datetime,
    open_document: Callable[[str], bytes | None],
) -> bytes:
    """The PDF, the JSON and every evidence document, under bloc-N/<row>/<check>/."""
    buffer = io.BytesIO()
    index = [f"Portefeuille « production responsable » — {title}", ""]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("portefeuille.pdf", portfolio_pdf(document, title, generated))
        archive.writestr("referentiel.json", json.dumps(document, ensure_ascii=False, indent=2))
        for block in document["blocks"]:
            for row in block["criteria"]:
                for check in row["checks"]:
                    folder = f"bloc-{block['block']}/{row['id']}/{check['id']}"
                    for evidence in check["evidence"]:
                        if not evidence.get("file"):
                            continue
                        data = open_document(evidence["file"])
                        target = f"{folder}/{_safe_name(evidence['file'])}"
                        if data is None:
                            index.append(f"{target} : document introuvable ({evidence['label']})")
                            continue
                        archive.writestr(target, data)
                        index.append(f"{target} : {evidence['label']}")
        archive.writestr("LISEZMOI.txt", "\n".join(index) + "\n")
    return buffer.getvalue()
