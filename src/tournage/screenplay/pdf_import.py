"""PDF → script model, read from the document's own layout.

``pdf_text`` gives rows of positioned segments, ``pdf_layout`` the document's columns
(action margin, dialogue and parenthetical columns, row pitch) and its cleaned rows.
Rows are grouped into paragraphs at blank rows, then classified by their shape: a
heading by its INT/EXT prefix or sequence number, a number in the margin, or a line in
capitals alone at the action margin (then with a confidence below 1 the user reviews);
a speech by a name in capitals above rows at the dialogue or parenthetical column; a
transition, a centred line, a lyric by their place on the row. The script keeps the
PDF's pages: its page count and each scene's page and length come from the paper.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tournage.screenplay.assemble import build_script
from tournage.screenplay.errors import ScriptError
from tournage.screenplay.fountain import looks_like_cue
from tournage.screenplay.heading import heading_prefix
from tournage.screenplay.limits import ParseLimits
from tournage.screenplay.model import Element, ElementKind, Script, TitlePage
from tournage.screenplay.pagination import Layout, Pagination
from tournage.screenplay.pdf_layout import Geometry, infer, paragraphs
from tournage.screenplay.pdf_text import Document, Row, Segment, read_document

_CONTD = re.compile(r"\s*\((CONT'D|CONT’D|CONT\.|SUITE)\)\s*$", re.I)
_SENTENCE_ENDS = frozenset('.!?:…"»)')
_A4_WIDTH = 600  # points: A4 is 595 wide, US Letter 612
_TOLERANCE = 2  # characters a column may drift from the document's usual one
# A line in capitals alone at the action margin reads as a heading with this confidence
# (bold: the writer marked it), to be reviewed; a heading with INT/EXT or a number: 1.
_LAYOUT_HEADING = 0.6
_BOLD_HEADING = 0.9
_CUE_WORDS = 4  # a name not in capitals is a cue by its column if it is this short
_TITLE_INDENT = 5  # title page rows indented more than this are centred, else contacts
_CREDIT = re.compile(r"^(written by|screenplay by|by|écrit par|scénario( de)?|de|par)$", re.I)


def parse_pdf(data: bytes, paper: str = "letter", limits: ParseLimits | None = None) -> Script:
    limits = limits or ParseLimits.defaults()
    return parse_document(read_document(data, limits), limits)


def parse_document(document: Document, limits: ParseLimits) -> Script:
    """The script printed in a document's text rows (``read_document``'s)."""
    if not document.rows:
        raise ScriptError(
            "pdf_no_text",
            "Ce PDF n'a pas de couche texte (document scanné ?) : "
            "demandez le PDF exporté du logiciel d'écriture, ou un fichier Fountain/FDX.",
        )
    geometry, rows = infer(document)
    title_page, rows = _split_title_page(rows, geometry)
    first_page = rows[0].page if rows else 0
    classifier = _Classifier(geometry)
    elements = classifier.run(rows)
    paper = "a4" if document.width < _A4_WIDTH else "letter"
    pages = _paper_pages(classifier, geometry, rows, document.page_count - first_page, paper)
    return build_script(title_page, elements, "pdf", paper, limits, pages)


def _paper_pages(
    classifier: _Classifier, geometry: Geometry, rows: list[Row], page_count: int, paper: str
) -> Pagination:
    """Pages and eighths as printed: each scene from its heading's row to the next."""
    first = rows[0].page if rows else 0
    starts = [geometry.position(row) for row in classifier.heading_rows]
    end = geometry.position(rows[-1]) + 1 if rows else 0.0
    size = geometry.lines_per_page
    stops = [*starts[1:], end] if starts else []
    eighths = [
        max(1, int((stop - start) * 8 / size + 0.5))
        for start, stop in zip(starts, stops, strict=True)
    ]
    pages = [row.page - first + 1 for row in classifier.heading_rows]
    return Pagination(page_count, [], eighths, pages, [], Layout.load(paper))


def _split_title_page(rows: list[Row], geometry: Geometry) -> tuple[TitlePage, list[Row]]:
    """A first page without any heading, before other pages, is the title page."""
    first_page = [row for row in rows if row.page == rows[0].page] if rows else []
    if len(first_page) == len(rows) or any(_heading_confidence(row) for row in first_page):
        return TitlePage(), rows
    centred = [
        " ".join(_normalised(row.text) for row in group)
        for group in paragraphs(first_page, geometry.step)
        if group[0].segments[0].column > _TITLE_INDENT
    ]
    others = [row.text for row in first_page if row.segments[0].column <= _TITLE_INDENT]
    return TitlePage(_title_entries(centred, others)), rows[len(first_page) :]


def _normalised(text: str) -> str:
    return " ".join(text.split())


def _title_entries(centred: list[str], others: list[str]) -> dict[str, str]:
    entries: dict[str, str] = {}
    for text in centred:
        if "Title" not in entries:
            entries["Title"] = text
        elif _CREDIT.match(text) and "Credit" not in entries:
            entries["Credit"] = text
        elif "Author" not in entries:
            entries["Author"] = text
        else:
            entries.setdefault("Source", text)
    if others:
        entries["Contact"] = "\n".join(others)
    return entries


def _heading_confidence(row: Row) -> float:
    """1 for a heading by its prefix or number, else 0 (layout headings: see below)."""
    first = row.segments[0]
    if first.column > _TOLERANCE:
        return 0.0
    text = row.text
    if row.number is not None or (heading_prefix(text) and text.upper() == text):
        return 1.0
    return 0.0


def _layout_heading(rows: list[Row]) -> float:
    """A line in capitals alone at the action margin, no sentence: maybe a heading."""
    if len(rows) != 1 or len(rows[0].segments) != 1:
        return 0.0
    segment = rows[0].segments[0]
    text = segment.text
    if (
        segment.column > _TOLERANCE
        or text.upper() != text
        or not any(c.isalpha() for c in text)
        or ":" in text
        or text[-1] in _SENTENCE_ENDS
    ):
        return 0.0
    return _BOLD_HEADING if segment.bold else _LAYOUT_HEADING


class _Classifier:
    def __init__(self, geometry: Geometry) -> None:
        self.geometry = geometry
        self.width = geometry.width
        self.elements: list[Element] = []
        self.heading_rows: list[Row] = []
        self.speaker: str | None = None

    def run(self, rows: list[Row]) -> list[Element]:
        """Elements, with a page break at each page end (the PDF's own pagination)."""
        page = rows[0].page if rows else 0
        for group in paragraphs(rows, self.geometry.step):
            if group[0].page != page:
                page = group[0].page
                if self._continues_action(group):
                    continue
                self.elements.append(Element(ElementKind.PAGE_BREAK, ""))
            self._paragraph(group)
        return self.elements

    def _near(self, column: int, learned: int | None) -> bool:
        return learned is not None and abs(column - learned) <= _TOLERANCE

    def _continues_action(self, rows: list[Row]) -> bool:
        """An action paragraph cut by the page end (its last line ends mid-sentence) goes
        on with the first paragraph of the next page, read as action too."""
        last = self.elements[-1] if self.elements else None
        first = rows[0].segments[0]
        if (
            last is None
            or last.kind is not ElementKind.ACTION
            or last.text.rstrip()[-1:] in _SENTENCE_ENDS
            or _heading_confidence(rows[0])
            or first.column > _TOLERANCE
            or (len(rows) > 1 and self._is_cue(rows[0], rows[1]))
        ):
            return False
        last.text += " " + _joined(rows)
        return True

    def _paragraph(self, rows: list[Row]) -> None:
        first = rows[0].segments[0]
        text = rows[0].text
        confidence = _heading_confidence(rows[0]) or _layout_heading(rows)
        if confidence:
            self._heading(rows, confidence)
        elif len(rows[0].segments) == 2 and len(rows) > 1 and self._dual_cues(rows[0]):
            self._dual(rows)
        elif len(rows) > 1 and self._is_cue(rows[0], rows[1]):
            self._speech(rows)
        elif self._is_lyric(first):
            self._add(ElementKind.LYRIC, _joined(rows))
        elif first.column > _TOLERANCE and abs(first.column - (self.width - first.end)) <= 2:
            self._add(ElementKind.CENTERED, _joined(rows))
        elif self._is_transition(rows):
            self._add(ElementKind.TRANSITION, text)
        elif self._near(first.column, self.geometry.dialogue):
            self._add(ElementKind.LYRIC, _joined(rows))
        else:
            self._add(ElementKind.ACTION, _joined(rows))

    def _heading(self, rows: list[Row], confidence: float) -> None:
        """A heading and its wrapped rows (capitals at the margin, no blank between)."""
        wrapped = 1
        while (
            wrapped < len(rows)
            and rows[wrapped].segments[0].column <= _TOLERANCE
            and rows[wrapped].text.upper() == rows[wrapped].text
        ):
            wrapped += 1
        text = " ".join(_normalised(row.text) for row in rows[:wrapped])
        self.speaker = None
        heading = Element(ElementKind.SCENE_HEADING, text, scene_number=rows[0].number)
        heading.confidence = confidence
        self.elements.append(heading)
        self.heading_rows.append(rows[0])
        if rows[wrapped:]:
            self._paragraph(rows[wrapped:])

    def _is_lyric(self, segment: Segment) -> bool:
        """Outside a speech, at the dialogue column and not in capitals (a centred line
        may start there too, but it is a title in capitals)."""
        dialogue = self.geometry.dialogue
        return (
            dialogue is not None
            and abs(segment.column - dialogue) <= 1
            and segment.text.upper() != segment.text
        )

    def _is_transition(self, rows: list[Row]) -> bool:
        """One row in capitals, right of the middle, or flush right, or ending in ``:``."""
        segment = rows[0].segments[0]
        text = segment.text
        if len(rows) != 1 or text.upper() != text or segment.column <= self.width // 3:
            return False
        return (
            text.endswith(":") or segment.end >= self.width - 1 or segment.column > self.width // 2
        )

    def _is_cue(self, cue: Row, following: Row) -> bool:
        """A name in capitals, its speech right under it at the speech columns."""
        if len(cue.segments) != 1:
            return False
        first, under = cue.segments[0], following.segments[0]
        name = _CONTD.sub("", first.text)
        if not (looks_like_cue(name) or self._at_cue_column(first)) or name.endswith(":"):
            return False
        if first.column <= _TOLERANCE and under.column <= _TOLERANCE:
            return False  # a paragraph of action that starts with a name
        geometry = self.geometry
        return (
            self._near(under.column, geometry.dialogue)
            or self._near(under.column, geometry.parenthetical)
            or under.text.startswith("(")
        )

    def _at_cue_column(self, segment: Segment) -> bool:
        """A name not in capitals (``McKENZIE``) is a cue by its place alone."""
        geometry = self.geometry
        middle = (segment.column + segment.end) // 2
        place = middle if geometry.cue_centred else segment.column
        return self._near(place, geometry.cue) and len(segment.text.split()) <= _CUE_WORDS

    def _dual_cues(self, row: Row) -> bool:
        return all(looks_like_cue(_CONTD.sub("", s.text)) for s in row.segments)

    def _add(self, kind: ElementKind, text: str) -> None:
        self.speaker = None
        self.elements.append(Element(kind, text))

    def _speech(self, rows: list[Row], dual: bool = False) -> None:
        cue = _normalised(rows[0].text)
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

    def _speech_line(self, segment: Segment, name: str, dual: bool) -> None:
        last = self.elements[-1]
        text = segment.text
        if last.kind is ElementKind.PARENTHETICAL and not last.text.endswith(")"):
            last.text += " " + text
        elif text.startswith("("):
            self.elements.append(Element(ElementKind.PARENTHETICAL, text, name, dual=dual))
        elif last.kind is ElementKind.DIALOGUE and last.character == name:
            last.text += " " + text
        else:
            self.elements.append(Element(ElementKind.DIALOGUE, text, name, dual=dual))

    def _dual(self, rows: list[Row]) -> None:
        """Two speeches side by side: segments left of the middle of the cues go left."""
        left_cue, right_cue = rows[0].segments
        middle = (left_cue.column + right_cue.column) / 2
        left = [_side(row, lambda s: s.column < middle) for row in rows]
        right = [_side(row, lambda s: s.column >= middle) for row in rows]
        self.speaker = None
        self._speech([row for row in left if row.segments])
        self._speech([row for row in right if row.segments], dual=True)
        self.speaker = None


def _side(row: Row, keep: Callable[[Segment], bool]) -> Row:
    return Row(row.page, row.baseline, [s for s in row.segments if keep(s)])


def _joined(rows: list[Row]) -> str:
    return " ".join(row.text for row in rows)
