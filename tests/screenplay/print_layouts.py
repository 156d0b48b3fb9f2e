"""A test exporter: Fountain sources printed as PDFs in layouts tournage's own exporter
never uses, so the PDF reader is tested on indents it must infer.

Each ``PrintLayout`` sets the paper, margins, font size, element indents, where names
go (at a column or centred over the dialogue), where scene numbers go, a page header,
bold headings, revision asterisks, and how headings are written (a French layout numbers
them in the text: ``12. INT. CUISINE - JOUR``, ``SÉQ. 12 — EXT. FORÊT — NUIT``). The rows
come from tournage's paginator run on that geometry, so the pages printed are the pages
counted, and the parse of the PDF can be compared with the parse of the source.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from tournage.screenplay.assemble import all_elements
from tournage.screenplay.model import Script
from tournage.screenplay.pagination import Layout, Pagination, Piece, Style, paginate
from tournage.screenplay.reader import parse_text

_FONTS = {False: "Courier", True: "Courier-Bold"}
_HEADING = re.compile(r"^(INT\.|EXT\.|I/E)(.*?)(?: #(\w+)#)?$", re.M)


@dataclass(frozen=True)
class PrintLayout:
    name: str
    paper: str  # "letter" or "a4"
    lines_per_page: int
    left_margin_in: float
    top_margin_in: float
    font_size: float
    # kind -> (indent, width) in characters; the others as tournage's template
    indents: dict[str, tuple[int, int]] = field(default_factory=dict)
    cue_centred: bool = False
    numbers: str = "both"  # "both", "left", "right" or "none"
    bold_headings: bool = False
    header: str | None = None  # printed above each page after the first; {page}
    revision_marks: bool = False
    transition_indent: int | None = None  # transitions at a column, not flush right
    more: str = "(MORE)"  # what a speech cut by a page end prints (French: "(SUITE)")
    contd: str = "(CONT'D)"  # after the cue that resumes it on the next page
    headings: Callable[[str], str] = lambda source: source  # rewrites the source

    def source(self, fountain: str) -> str:
        return self.headings(fountain)

    def layout(self) -> Layout:
        template = Layout.load(self.paper)
        styles = dict(template.styles)
        for kind, (indent, width) in self.indents.items():
            styles[kind] = Style(indent, width, styles[kind].space_before, styles[kind].align)
        if self.transition_indent is not None:
            styles["transition"] = Style(self.transition_indent, 15, 1, "left")
        return Layout(
            **{
                **{name: getattr(template, name) for name in template.__fields__},
                "lines_per_page": self.lines_per_page,
                "left_margin_in": self.left_margin_in,
                "top_margin_in": self.top_margin_in,
                "styles": styles,
            }
        )


def french_numbers(source: str) -> str:
    """``INT. X - JOUR #12#`` → ``.12. INT. X - JOUR`` (a forced heading, numbered)."""
    return _HEADING.sub(lambda m: f".{m.group(3)}. {m.group(1)}{m.group(2)}", source)


def sequences(source: str) -> str:
    """``INT. X - JOUR #12#`` → ``.SÉQ. 12 — INT. X — JOUR``."""

    def rewrite(match: re.Match[str]) -> str:
        rest = match.group(2).replace(" - ", " — ")
        return f".SÉQ. {match.group(3)} — {match.group(1)}{rest}"

    return _HEADING.sub(rewrite, source)


LAYOUTS = [
    PrintLayout(
        "us-letter-final-draft",
        "letter",
        55,
        1.5,
        1.0,
        12,
        {"character": (21, 38), "parenthetical": (15, 25), "dialogue": (10, 36)},
        header="{page}.",
        revision_marks=True,
    ),
    PrintLayout(
        "a4-french-centred-names",
        "a4",
        58,
        1.2,
        0.9,
        12,
        {
            "action": (0, 63),
            "scene_heading": (0, 63),
            "transition": (0, 63),
            "centered": (0, 63),
            "dialogue": (12, 38),
            "lyric": (12, 38),
            "parenthetical": (17, 28),
        },
        cue_centred=True,
        numbers="none",
        bold_headings=True,
        header="LA COPIE DE TRAVAIL - v2 - {page}",
        headings=french_numbers,
    ),
    PrintLayout(
        "a4-french-sequences-left-names",
        "a4",
        56,
        1.0,
        1.0,
        12,
        {
            "action": (0, 66),
            "scene_heading": (0, 66),
            "transition": (0, 66),
            "centered": (0, 66),
            "character": (6, 30),
            "dialogue": (14, 40),
            "lyric": (14, 40),
            "parenthetical": (14, 30),
        },
        numbers="none",
        headings=sequences,
    ),
    PrintLayout(
        "letter-small-font-wrapped-headings",
        "letter",
        62,
        1.4,
        0.8,
        11,
        {
            "scene_heading": (0, 34),
            "character": (24, 30),
            "dialogue": (11, 33),
            "lyric": (11, 33),
            "parenthetical": (17, 24),
        },
        numbers="left",
        bold_headings=True,
        transition_indent=46,
    ),
]


class _Printer:
    def __init__(self, spec: PrintLayout, layout: Layout) -> None:
        self.spec, self.layout = spec, layout
        self.buffer = io.BytesIO()
        # invariant: no date or random id, so a committed PDF is printed again byte for byte
        self.canvas = Canvas(
            self.buffer, pagesize=A4 if spec.paper == "a4" else LETTER, invariant=True
        )
        self.height = (A4 if spec.paper == "a4" else LETTER)[1]
        self.char_width = spec.font_size * 0.6  # Courier advance is 600/1000 em

    def text(self, column: float, row: int, text: str, bold: bool = False) -> None:
        x = self.spec.left_margin_in * inch + column * self.char_width
        y = self.height - self.spec.top_margin_in * inch - (row + 1) * self.spec.font_size
        self.canvas.setFont(_FONTS[bold], self.spec.font_size)
        self.canvas.drawString(x, y, text.encode("cp1252", errors="replace").decode("cp1252"))

    def page(self, number: int, rows: list[tuple[Piece, ...]]) -> None:
        if self.spec.header and number > 1:
            label = self.spec.header.format(page=number)
            self.text(self.layout.line_width - len(label), -3, label)
        for row, pieces in enumerate(rows):
            for piece in pieces:
                self.piece(row, piece)
            if self.spec.revision_marks and pieces and row % 9 == 4:
                self.text(self.layout.line_width + 6, row, "*")
        self.canvas.showPage()

    def piece(self, row: int, piece: Piece) -> None:
        if piece.kind == "scene_number":  # in the margins, whatever the heading's width
            side = "left" if piece.column < 0 else "right"
            column = piece.column if side == "left" else self.layout.line_width + 4
            if self.spec.numbers in (side, "both"):
                self.text(column, row, piece.text)
            return
        column: float = piece.column
        styles = self.layout.styles
        # a cue centred over the dialogue (not a dual dialogue's half, printed apart)
        if self.spec.cue_centred and piece.column == styles["character"].indent:
            dialogue = styles["dialogue"]
            column = dialogue.indent + (dialogue.width - len(piece.text)) / 2
        bold = self.spec.bold_headings and piece.kind == "scene_heading"
        self.text(column, row, self._continuation(piece), bold)

    def _continuation(self, piece: Piece) -> str:
        """The paginator's (MORE) and (CONT'D) in this layout's words."""
        if piece.text == "(MORE)":
            return self.spec.more
        if piece.kind == "character":
            return piece.text.replace("(CONT'D)", self.spec.contd)
        return piece.text

    def title(self, script: Script) -> None:
        width = self.layout.line_width
        for row, key in ((18, "Title"), (21, "Credit"), (23, "Author")):
            value = script.title if key == "Title" else script.title_page.get(key)
            if value:
                self.text((width - len(value)) / 2, row, value)
        self.canvas.showPage()


def print_pdf(script: Script, spec: PrintLayout) -> tuple[bytes, Pagination]:
    """The PDF of ``script`` in ``spec``'s layout, and the pagination it printed."""
    layout = spec.layout()
    pagination = paginate(all_elements(script), layout)
    printer = _Printer(spec, layout)
    if script.title:
        printer.title(script)
    for page in pagination.pages:
        printer.page(page.number, page.rows)
    printer.canvas.save()
    return printer.buffer.getvalue(), pagination


def printed(fountain: str, spec: PrintLayout) -> tuple[Script, bytes, Pagination]:
    """The source as this layout writes it, parsed; its PDF; the pagination printed."""
    script = parse_text(spec.source(fountain), spec.paper)
    pdf, pagination = print_pdf(script, spec)
    return script, pdf, pagination


@st.composite
def print_layouts(draw: st.DrawFn) -> PrintLayout:
    """Any plausible layout: paper, font, margins and indents drawn at random, the
    speech columns in their usual order (dialogue, parenthetical, then the name)."""
    paper = draw(st.sampled_from(["letter", "a4"]))
    font_size = draw(st.sampled_from([10, 11, 12]))
    width = draw(st.integers(55, 66 if font_size == 12 else 72))
    dialogue = draw(st.integers(6, 16))
    parenthetical = dialogue + draw(st.integers(3, 8))
    character = parenthetical + draw(st.integers(3, 10))
    speech = min(width - dialogue, draw(st.integers(28, 40)))
    return PrintLayout(
        "drawn",
        paper,
        draw(st.integers(48, 62)),
        draw(st.floats(0.9, 7.6 - width * font_size * 0.6 / 72)),
        draw(st.floats(0.5, 1.2)),
        font_size,
        {
            "action": (0, width),
            "scene_heading": (0, draw(st.integers(30, width))),
            "transition": (0, width),
            "centered": (0, width),
            "character": (character, width - character),
            "dialogue": (dialogue, speech),
            "lyric": (dialogue, speech),
            "parenthetical": (parenthetical, min(speech, width - parenthetical)),
        },
        cue_centred=draw(st.booleans()),
        numbers=draw(st.sampled_from(["both", "left", "right", "none"])),
        bold_headings=draw(st.booleans()),
        header=draw(st.sampled_from([None, "{page}.", "Page {page}", "TITRE - v3 - {page}"])),
        revision_marks=draw(st.booleans()),
    )
