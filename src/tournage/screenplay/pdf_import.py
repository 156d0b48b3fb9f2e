"""PDF → script model: elements recovered from indentation and capitalisation.

Words and their positions come from pdfplumber. Rows are cut into segments at wide
gaps (scene numbers in the margins, dual dialogue), measured in Courier columns from
the action margin, then grouped into paragraphs at blank rows and classified by the
industry template's columns (``layout.yaml``). Page numbers, revision marks,
``(MORE)``/``(CONT'D)`` and ``CONTINUED`` lines are dropped; each page end becomes a
forced page break, so the script keeps the PDF's pagination.
"""

from __future__ import annotations

import io
import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from tournage.screenplay.assemble import build_script
from tournage.screenplay.errors import ScriptError
from tournage.screenplay.fountain import looks_like_cue
from tournage.screenplay.heading import is_heading
from tournage.screenplay.limits import ParseLimits
from tournage.screenplay.model import Element, ElementKind, Script, TitlePage
from tournage.screenplay.pagination import Layout

_PAGE_NUMBER = re.compile(r"^\d+[A-Z]?\.?$")
_NOISE = re.compile(
    r"^(\*+|\(MORE\)|\(SUITE\)|\(?CONTINUED\)?:?|\(?SUITE\)?:?|CONTINUED:.*)$", re.I
)
_CONTD = re.compile(r"\s*\((CONT'D|CONT’D|CONT\.|SUITE)\)\s*$", re.I)
_SENTENCE_ENDS = frozenset('.!?:…"»)')
_MARGIN_SHARE = 0.1  # a column used by at least this share of rows is a text margin


@dataclass
class _Segment:
    column: int
    end: int
    text: str


@dataclass
class _Row:
    page: int
    top: float
    segments: list[_Segment]
    number: str | None = None
    height: float = 0.0  # glyph height: one single-spaced row at most


@dataclass
class _Paragraph:
    rows: list[_Row] = field(default_factory=list)


def parse_pdf(data: bytes, paper: str = "letter", limits: ParseLimits | None = None) -> Script:
    limits = limits or ParseLimits.defaults()
    pages = _read_words(data, limits)
    if not any(pages):
        raise ScriptError(
            "pdf_no_text",
            "Ce PDF n'a pas de couche texte (document scanné ?) : "
            "demandez le PDF exporté du logiciel d'écriture, ou un fichier Fountain/FDX.",
        )
    layout = Layout.load(paper)
    rows = _rows(pages, layout)
    title_page, rows = _split_title_page(rows)
    return build_script(title_page, _Classifier(layout).run(rows), "pdf", paper, limits)


def _read_words(data: bytes, limits: ParseLimits) -> list[list[dict[str, Any]]]:
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > limits.max_pdf_pages:
                raise limits.too_many_pages()
            return [page.extract_words(x_tolerance=1.5, y_tolerance=2) for page in pdf.pages]
    except ScriptError:
        raise
    except Exception as error:  # pdfminer raises many unrelated types on broken files
        raise ScriptError("pdf_invalid", "Ce PDF est illisible ou protégé.") from error


def _rows(pages: list[list[dict[str, Any]]], layout: Layout) -> list[_Row]:
    words = [word for page in pages for word in page]
    char_width = statistics.median((w["x1"] - w["x0"]) / max(1, len(w["text"])) for w in words)
    if char_width <= 0.1:  # a damaged font with no widths: assume the template's Courier
        char_width = layout.font_size * 0.6
    raw: list[tuple[int, float, list[dict[str, Any]]]] = []
    for number, page in enumerate(pages):
        lines: dict[int, list[dict[str, Any]]] = {}
        for word in page:
            lines.setdefault(round(word["top"] / 2), []).append(word)
        raw.extend((number, min(w["top"] for w in line), line) for _, line in sorted(lines.items()))
    margin = _margin([_text_start(line) for _, _, line in raw], char_width)
    rows = [
        _Row(page, top, _segments(line, margin, char_width), height=_height(line))
        for page, top, line in raw
    ]
    return [row for row in (_clean(row, layout) for row in rows) if row.segments]


def _height(line: list[dict[str, Any]]) -> float:
    return max(float(w["bottom"]) - float(w["top"]) for w in line)


def _text_start(line: list[dict[str, Any]]) -> tuple[float, bool] | None:
    """Where a row's text starts (scene numbers aside) and whether it is a heading."""
    words = sorted((w for w in line if not _PAGE_NUMBER.match(w["text"])), key=lambda w: w["x0"])
    if not words:
        return None
    text = " ".join(w["text"] for w in words)
    return words[0]["x0"], is_heading(text) and text.upper() == text


def _margin(starts: list[tuple[float, bool] | None], char_width: float) -> float:
    """The action margin: where headings start, else the leftmost frequent start."""
    known = [start for start in starts if start is not None]
    headings = Counter(round(x / char_width) for x, heading in known if heading)
    if headings:
        return headings.most_common(1)[0][0] * char_width
    counts = Counter(round(x / char_width) for x, _ in known)
    frequent = [column for column, count in counts.items() if count >= _MARGIN_SHARE * len(known)]
    return min(frequent or counts) * char_width


def _segments(line: list[dict[str, Any]], margin: float, char_width: float) -> list[_Segment]:
    segments: list[_Segment] = []
    last_end = None
    for word in sorted(line, key=lambda w: w["x0"]):
        column = round((word["x0"] - margin) / char_width)
        end = round((word["x1"] - margin) / char_width)
        if last_end is not None and column - last_end <= 2:
            segments[-1].text += " " * max(1, column - last_end) + word["text"]
            segments[-1].end = end
        else:
            segments.append(_Segment(column, end, word["text"]))
        last_end = end
    return segments


def _clean(row: _Row, layout: Layout) -> _Row:
    """Drop noise (revision marks, page numbers...); lift scene numbers from the margins."""
    width = layout.line_width
    kept = []
    for segment in row.segments:
        text = segment.text.strip()
        if text.startswith("*") and not text.strip("*"):
            continue
        if segment.end <= 0 or segment.column > width:
            row.number = row.number or text.rstrip(".")
        elif not _NOISE.match(text):
            kept.append(segment)
    lone_number = len(kept) == 1 and _PAGE_NUMBER.match(kept[0].text) is not None
    row.segments = [] if lone_number and kept[0].column > width // 2 else kept
    return row


def _split_title_page(rows: list[_Row]) -> tuple[TitlePage, list[_Row]]:
    first_page = [row for row in rows if row.page == 0]
    has_more_pages = any(row.page > 0 for row in rows)
    if not has_more_pages or any(_is_heading(row) for row in first_page):
        return TitlePage(), rows
    texts = [" ".join(s.text for s in row.segments) for row in first_page]
    centered = [
        text for row, text in zip(first_page, texts, strict=True) if row.segments[0].column > 5
    ]
    others = [
        text for row, text in zip(first_page, texts, strict=True) if row.segments[0].column <= 5
    ]
    entries = dict(zip(("Title", "Credit", "Author", "Source"), centered, strict=False))
    if others:
        entries["Contact"] = "\n".join(others)
    return TitlePage(entries), [row for row in rows if row.page > 0]


def _is_heading(row: _Row) -> bool:
    text = row.segments[0].text
    return row.segments[0].column <= 2 and (
        row.number is not None or (is_heading(text) and text.upper() == text)
    )


class _Classifier:
    def __init__(self, layout: Layout) -> None:
        styles = layout.styles
        self.width = layout.line_width
        self.columns = {
            "action": styles["action"].indent,
            "dialogue": styles["dialogue"].indent,
            "parenthetical": styles["parenthetical"].indent,
            "character": styles["character"].indent,
        }
        self.elements: list[Element] = []
        self.speaker: str | None = None

    def run(self, rows: list[_Row]) -> list[Element]:
        """Elements, with a forced page break at each page end: the PDF's own pagination."""
        page = rows[0].page if rows else 0
        for paragraph in _paragraphs(rows):
            if paragraph.rows[0].page != page:
                page = paragraph.rows[0].page
                if self._continues_action(paragraph.rows):
                    continue
                self.elements.append(Element(ElementKind.PAGE_BREAK, ""))
            self._paragraph(paragraph.rows)
        return self.elements

    def _continues_action(self, rows: list[_Row]) -> bool:
        """An action paragraph cut by the page end (its last line ends mid-sentence) goes
        on with the first paragraph of the next page, read as action too."""
        last = self.elements[-1] if self.elements else None
        first = rows[0].segments[0]
        if (
            last is None
            or last.kind is not ElementKind.ACTION
            or last.text.rstrip()[-1:] in _SENTENCE_ENDS
            or _is_heading(rows[0])
            or self._nearest(first.column) != "action"
            or (len(rows) > 1 and self._is_cue(first, rows[1]))
        ):
            return False
        last.text += " " + _joined(rows)  # no forced break: the paginator splits it again
        return True

    def _nearest(self, column: int) -> str:
        return min(self.columns, key=lambda name: abs(self.columns[name] - column))

    def _paragraph(self, rows: list[_Row]) -> None:
        first = rows[0].segments[0]
        text = " ".join(segment.text for segment in rows[0].segments)
        if _is_heading(rows[0]):
            self.speaker = None
            self.elements.append(
                Element(ElementKind.SCENE_HEADING, text, scene_number=rows[0].number)
            )
            self._paragraph_rest(rows[1:])
        elif (
            len(rows[0].segments) == 2
            and len(rows) > 1
            and looks_like_cue(rows[0].segments[1].text)
        ):
            self._dual(rows)
        elif len(rows) > 1 and self._is_cue(first, rows[1]):
            self._speech(rows)
        elif len(rows) == 1 and first.column > self.width // 2 and first.end >= self.width - 1:
            self._add(ElementKind.TRANSITION, text)
        elif first.column > 5 and abs(first.column + first.end - self.width) <= 2:
            self._add(ElementKind.CENTERED, text)
        elif self._nearest(first.column) == "dialogue":
            self._add(ElementKind.LYRIC, _joined(rows))
        else:
            self._add(ElementKind.ACTION, _joined(rows))

    def _is_cue(self, first: _Segment, following: _Row) -> bool:
        """A cue sits at the character column, its speech right under it, indented less."""
        speech = self._nearest(following.segments[0].column) in ("dialogue", "parenthetical")
        return self._nearest(first.column) == "character" and speech

    def _paragraph_rest(self, rows: list[_Row]) -> None:
        if rows:
            self._paragraph(rows)

    def _add(self, kind: ElementKind, text: str) -> None:
        self.speaker = None
        self.elements.append(Element(kind, text))

    def _speech(self, rows: list[_Row], dual: bool = False) -> None:
        cue = " ".join(segment.text for segment in rows[0].segments)
        name, _, extension = _CONTD.sub("", cue).partition("(")
        name = name.strip()
        continued = bool(_CONTD.search(cue)) and self.speaker == name and not dual
        if continued and self.elements[-1].kind is ElementKind.PAGE_BREAK:
            self.elements.pop()  # one speech across two pages
        if not continued:
            extension_text = f"({extension.strip()}" if extension else None
            self.elements.append(
                Element(ElementKind.CHARACTER, _CONTD.sub("", cue), name, extension_text, dual)
            )
        self.speaker = name
        for row in rows[1:]:
            self._speech_line(row.segments[0], name, dual)

    def _speech_line(self, segment: _Segment, name: str, dual: bool) -> None:
        last = self.elements[-1]
        text = segment.text
        opening = text.startswith("(") and self._nearest(segment.column) == "parenthetical"
        if last.kind is ElementKind.PARENTHETICAL and not last.text.endswith(")"):
            last.text += " " + text
        elif opening:
            self.elements.append(Element(ElementKind.PARENTHETICAL, text, name, dual=dual))
        elif last.kind is ElementKind.DIALOGUE and last.character == name:
            last.text += " " + text
        else:
            self.elements.append(Element(ElementKind.DIALOGUE, text, name, dual=dual))

    def _dual(self, rows: list[_Row]) -> None:
        left = [_Row(r.page, r.top, r.segments[:1]) for r in rows if r.segments]
        right = [_Row(r.page, r.top, r.segments[1:]) for r in rows if len(r.segments) > 1]
        self.speaker = None
        self._speech(left)
        self._speech(right, dual=True)
        self.speaker = None


def _paragraphs(rows: list[_Row]) -> list[_Paragraph]:
    """Group rows separated by no blank row (same page)."""
    gaps = [b.top - a.top for a, b in itertools.pairwise(rows) if a.page == b.page]
    # One row, no blank: the smallest gap, unless no two rows touch (then the glyph height).
    step = min((gap for gap in gaps if gap > 1), default=12.0)
    step = min([step, *(row.height for row in rows if row.height > 1)])
    paragraphs: list[_Paragraph] = []
    previous: _Row | None = None
    for row in rows:
        new = previous is None or row.page != previous.page or row.top - previous.top > step * 1.5
        if new:
            paragraphs.append(_Paragraph())
        paragraphs[-1].rows.append(row)
        previous = row
    return paragraphs


def _joined(rows: list[_Row]) -> str:
    return " ".join(" ".join(segment.text for segment in row.segments) for row in rows)
