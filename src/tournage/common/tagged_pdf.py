"""Accessible (tagged) PDFs written with reportlab: a structure tree in reading order.

ReportLab draws the pages but writes no structure tree, so each flowable is wrapped in
a marked-content sequence (``/P <</MCID n>> BDC … EMC``) while it is drawn, page
furniture is marked as ``/Artifact``, and pikepdf then adds the StructTreeRoot, its
ParentTree and the catalogue entries (``/MarkInfo``, ``/Lang``, ``DisplayDocTitle``,
XMP title and language). User text goes through ``tournage.common.pdf.text``: shown,
never interpreted.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pikepdf
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, Table

from tournage.common.pdf import embedded_font, embedded_styles
from tournage.common.pdf import text as pdf_text

LANGUAGE = "fr-FR"
MARGIN = 72.0  # reportlab's default page margins (one inch), which ``build`` keeps
TEXT_WIDTH = A4[0] - 2 * MARGIN
ROW_STYLE = [
    ("BOX", (0, 0), (-1, -1), 0.3, colors.grey),
    ("INNERGRID", (0, 0), (-1, -1), 0.3, colors.grey),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
]


@dataclass
class Element:
    tag: str
    parts: list[tuple[int, int]] = field(default_factory=list)  # (page index, MCID)
    children: list[Element] = field(default_factory=list)  # a Table's rows, a row's cells


@dataclass
class Tags:
    """The structure elements in reading order and the MCIDs given on each page."""

    elements: list[Element] = field(default_factory=list)
    next_mcid: dict[int, int] = field(default_factory=lambda: defaultdict(int))

    def mark(self, element: Element, page: int) -> int:
        mcid = self.next_mcid[page]
        self.next_mcid[page] += 1
        element.parts.append((page, mcid))
        return mcid


class Tagged(Flowable):  # type: ignore[misc]
    """A flowable drawn inside a marked-content sequence of its structure element."""

    def __init__(self, inner: Flowable, element: Element, tags: Tags) -> None:
        super().__init__()
        self.inner, self.element, self.tags = inner, element, tags

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        width, height = self.inner.wrap(available_width, available_height)
        self.width, self.height = width, height
        return width, height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = self.inner.split(available_width, available_height)
        return [Tagged(part, self.element, self.tags) for part in parts]

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


class _Row(Table):  # type: ignore[misc]
    """One row of a tagged table: each cell drawn in the marked sequence of its TH/TD
    element, backgrounds and rules as artifacts. A table is a stack of such rows (one
    flowable a row, the same column widths), so it breaks across pages between rows."""

    def __init__(self, cells: list[Flowable], widths: list[float], row: Element, tags: Tags):
        super().__init__([cells], colWidths=widths)
        self.row, self.tags, self.drawn = row, tags, 0

    def draw(self) -> None:
        self.drawn = 0
        super().draw()

    def _drawBkgrnd(self) -> None:
        self.canv.addLiteral("/Artifact BMC")
        super()._drawBkgrnd()
        self.canv.addLiteral("EMC")

    def _drawLines(self) -> None:
        self.canv.addLiteral("/Artifact BMC")
        super()._drawLines()
        self.canv.addLiteral("EMC")

    def _drawCell(self, value: Any, style: Any, pos: Any, size: Any) -> None:
        cell = self.row.children[self.drawn]  # cells are drawn left to right
        self.drawn += 1
        mcid = self.tags.mark(cell, self.canv.getPageNumber() - 1)
        self.canv.addLiteral(f"/{cell.tag} <</MCID {mcid}>> BDC")
        super()._drawCell(value, style, pos, size)
        self.canv.addLiteral("EMC")


class Writer:
    """A story of tagged paragraphs: ``add("H1", text)``, ``add("P", text, "Note")``."""

    def __init__(self) -> None:
        self.tags = Tags()
        self.story: list[Flowable] = []
        base = embedded_styles()
        bold = base["Heading3"].fontName
        self.styles = {
            "H1": base["Heading1"],
            "H2": base["Heading2"],
            "H3": base["Heading3"],
            "P": base["BodyText"],
            "Note": ParagraphStyle("Note", parent=base["BodyText"], leftIndent=4 * mm),
            "Cell": ParagraphStyle("Cell", parent=base["BodyText"], fontSize=9, leading=11),
            "Header": ParagraphStyle(
                "Header", parent=base["BodyText"], fontSize=9, leading=11, fontName=bold
            ),
        }

    def add(self, tag: str, text: str, style: str | None = None) -> None:
        element = Element(tag)
        self.tags.elements.append(element)
        paragraph = pdf_text(text, self.styles[style or tag])
        self.story.append(Tagged(paragraph, element, self.tags))

    def table(self, rows: list[list[str]], shares: list[float]) -> None:
        """A table whose first row holds the column headers (TH); ``shares`` are the
        columns' fractions of the text width."""
        table = Element("Table")
        self.tags.elements.append(table)
        widths = [share * TEXT_WIDTH for share in shares]
        for number, values in enumerate(rows):
            tag = "TH" if number == 0 else "TD"
            row = Element("TR", children=[Element(tag) for _ in values])
            table.children.append(row)
            style = self.styles["Cell"] if number else self.styles["Header"]
            flowable = _Row([pdf_text(v, style) for v in values], widths, row, self.tags)
            flowable.setStyle(ROW_STYLE)
            self.story.append(flowable)

    def build(self, title: str) -> bytes:
        """The tagged PDF of the story, ``title`` in the footer of every page."""
        buffer = io.BytesIO()
        template = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            title=title,
            author="tournage",
            lang=LANGUAGE,
            initialFontName=embedded_font(),  # else a non-embedded Helvetica on every page
        )
        furniture = _furniture(title)
        template.build(self.story, onFirstPage=furniture, onLaterPages=furniture)
        return add_structure(buffer.getvalue(), self.tags, title)


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


def _drawn(element: Element) -> bool:
    """Drawn at least once (an element of a finished build always is)."""
    return bool(element.parts) or any(_drawn(child) for child in element.children)


def _first_part(element: Element) -> list[tuple[int, int]]:
    """Where a container (Table, TR) starts: its first drawn descendant's page."""
    for child in element.children:
        found = child.parts or _first_part(child)
        if found:
            return found
    return []


def add_structure(data: bytes, tags: Tags, title: str) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = pdf.pages
        root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
        document = pdf.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document, P=root)
        )
        per_page: dict[int, dict[int, Any]] = defaultdict(dict)

        def node_of(element: Element, parent: Any) -> Any:
            drawn = element.parts or _first_part(element)
            node = pdf.make_indirect(
                pikepdf.Dictionary(
                    Type=pikepdf.Name.StructElem,
                    S=pikepdf.Name("/" + element.tag),
                    P=parent,
                    Pg=pages[drawn[0][0]].obj,
                )
            )
            marks = [
                pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=pages[page].obj, MCID=mcid)
                for page, mcid in element.parts
            ]
            for page, mcid in element.parts:
                per_page[page][mcid] = node
            if element.tag == "TH":  # a column header: screen readers announce it per cell
                node.A = pikepdf.Dictionary(O=pikepdf.Name.Table, Scope=pikepdf.Name.Column)
            children = [node_of(child, node) for child in element.children if _drawn(child)]
            node.K = pikepdf.Array(marks + children)
            return node

        kids = [node_of(element, document) for element in tags.elements if _drawn(element)]
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
