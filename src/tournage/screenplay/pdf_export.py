"""Script model → screenplay-formatted PDF (Courier 12, industry layout) with reportlab.

It prints exactly the rows the paginator counted, so the eighths of a script match its
printed pages. Standard Courier covers Latin-1/Windows-1252 only: other characters
print as ``?`` (documented limit).
"""

from __future__ import annotations

import io

from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from tournage.screenplay.assemble import all_elements
from tournage.screenplay.model import Script
from tournage.screenplay.pagination import Layout, Page, paginate

_TITLE_KEYS_CENTERED = ("Title", "Credit", "Author", "Authors", "Source")


def _printable(text: str) -> str:
    return text.encode("cp1252", errors="replace").decode("cp1252")


class _Printer:
    def __init__(self, layout: Layout, title: str | None) -> None:
        self.layout = layout
        self.buffer = io.BytesIO()
        self.canvas = Canvas(
            self.buffer,
            pagesize=(layout.width_in * inch, layout.height_in * inch),
            pageCompression=1,
        )
        self.canvas.setTitle(title or "Scénario")
        self.canvas.setCreator("tournage")
        self.char_width = layout.font_size * 0.6  # Courier advance is 600/1000 em
        self.row_height = inch / layout.lines_per_inch

    def text(self, column: float, row: int, text: str) -> None:
        x = self.layout.left_margin_in * inch + column * self.char_width
        top = (self.layout.height_in - self.layout.top_margin_in) * inch
        self.canvas.drawString(x, top - (row + 1) * self.row_height + 2, _printable(text))

    def page(self, page: Page) -> None:
        self.canvas.setFont(self.layout.font, self.layout.font_size)
        if page.number > 1:
            label = f"{page.number}."
            self.text(self.layout.line_width - len(label), -3, label)
        for row, pieces in enumerate(page.rows):
            for piece in pieces:
                self.text(piece.column, row, piece.text)
        self.canvas.showPage()

    def title_page(self, script: Script) -> None:
        self.canvas.setFont(self.layout.font, self.layout.font_size)
        width = self.layout.line_width
        row = self.layout.lines_per_page // 3
        entries = script.title_page.entries
        for key in _TITLE_KEYS_CENTERED:
            for line in _title_value(script, key).split("\n"):
                if line:
                    self.text((width - len(line)) / 2, row, line)
                    row += 2
        others = [
            line
            for k, v in entries.items()
            if k not in _TITLE_KEYS_CENTERED
            for line in v.split("\n")
        ]
        for offset, line in enumerate(others):
            self.text(0, self.layout.lines_per_page - len(others) + offset, line)
        self.canvas.showPage()

    def finish(self) -> bytes:
        self.canvas.save()
        return self.buffer.getvalue()


def _title_value(script: Script, key: str) -> str:
    if key == "Title":
        return script.title or ""
    value = script.title_page.entries.get(key) or ""
    return value


def render_pdf(script: Script, paper: str = "letter") -> bytes:
    """PDF bytes of ``script``: a title page when it has one, then the paginated body."""
    layout = Layout.load(paper)
    printer = _Printer(layout, script.title)
    if script.title_page.entries:
        printer.title_page(script)
    kept = Script(
        scenes=[scene for scene in script.scenes if not scene.omitted], preamble=script.preamble
    )
    for page in paginate(all_elements(kept), layout).pages:
        printer.page(page)
    return printer.finish()
