"""The layout of one PDF, inferred from the document itself.

No template is assumed: the action margin is the leftmost left edge many rows share,
the right margin where long rows end, the row pitch the usual gap between baselines;
the dialogue and parenthetical columns are where the rows under a cue most often start.
So any indentation scheme reads alike (US Letter or A4, Final Draft or French layouts,
names on the left or centred). Scene numbers in the margins are lifted onto their row;
page headers and footers (repeated on many pages, or a lone page number), revision
asterisks, ``(MORE)`` and ``CONTINUED`` lines are dropped.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from tournage.screenplay.fountain import looks_like_cue
from tournage.screenplay.heading import heading_prefix
from tournage.screenplay.pdf_text import Document, Row, Segment

_NUMBER = re.compile(r"^\d{1,4}[A-Z]{0,3}\.?$")
_PAGE_LABEL = re.compile(r"^(?:page\s*)?\d{1,4}[A-Z]?\.?(?:\s*/\s*\d{1,4})?\.?$", re.I)
_NOISE = re.compile(
    r"^(\(MORE\)|\(SUITE\)|\(PLUS\)|\(?CONTINUED\)?:?|CONTINUED:.*|\(?SUITE\)?:?)$", re.I
)
_MARGIN_SHARE = 0.1  # a left edge used by at least this share of rows is a text margin
_EDGE_ROWS = 2  # rows at the top and bottom of a page looked at for headers and footers
_LEADING = 1.05  # single spacing is at most this many times the font size
# A top or bottom row repeated on this share of pages, and on this many, is a header.
_HEADER_SHARE = 1 / 3
_HEADER_PAGES = 3
_HEADER_GAP = 2.5  # rows between a page header and the text


@dataclass
class Geometry:
    """Where things are on this document's pages (columns in characters from the margin)."""

    char_width: float
    left: float  # the action margin, in points
    width: int  # characters between the action margin and the right margin
    step: float  # points from one baseline to the next, single-spaced
    top: float  # baseline of a page's first row
    lines_per_page: int
    dialogue: int | None = None
    parenthetical: int | None = None
    cue: int | None = None  # where names start, or their middle when they are centred
    cue_centred: bool = False

    def position(self, row: Row) -> float:
        """The row's place in the script, counted in rows (page after page)."""
        return row.page * self.lines_per_page + (row.baseline - self.top) / self.step


def infer(document: Document) -> tuple[Geometry, list[Row]]:
    """The document's geometry and its rows, cleaned, with columns set."""
    rows = document.rows
    cw = document.char_width
    left = _left_margin(rows, cw)
    right = _right_margin(rows, left)
    rows = _without_headers(rows, document.page_count, _step(rows, document.font_size))
    for row in rows:
        _clean(row, left, right, cw)
    rows = [row for row in rows if row.segments]
    step = _step(rows, document.font_size)
    top = min((row.baseline for row in rows), default=0.0)
    lines = max((round((row.baseline - top) / step) + 1 for row in rows), default=1)
    geometry = Geometry(cw, left, round((right - left) / cw), step, top, lines)
    _learn_speech_columns(geometry, paragraphs(rows, step))
    return geometry, rows


def _is_number_or_mark(text: str) -> bool:
    """A scene or page number, a revision asterisk, or both (``12 *``)."""
    bare = text.strip("* ")
    return not bare or _NUMBER.match(bare) is not None


def _first_text(row: Row) -> Segment | None:
    return next((s for s in row.segments if not _is_number_or_mark(s.text)), None)


def _left_margin(rows: list[Row], cw: float) -> float:
    """Where headings start, else the leftmost left edge shared by many rows."""
    firsts = [segment for segment in map(_first_text, rows) if segment is not None]
    headings = Counter(round(s.x0 / cw) for s in firsts if heading_prefix(s.text))
    counts = headings or Counter(round(s.x0 / cw) for s in firsts)
    if not counts:
        return 0.0
    total = sum(counts.values())
    frequent = [column for column, count in counts.items() if count >= _MARGIN_SHARE * total]
    column = min(frequent or counts)
    return min(s.x0 for s in firsts if round(s.x0 / cw) == column)


def _right_margin(rows: list[Row], left: float) -> float:
    """Where the long rows end (the 98th percentile: a stray long row does not count);
    numbers and revision marks in the margin aside."""
    ends = sorted(
        s.x1
        for row in rows
        for s in row.segments
        if s.x0 >= left and not _is_number_or_mark(s.text)
    )
    return ends[int(len(ends) * 0.98)] if ends else left + 1


def _without_headers(rows: list[Row], page_count: int, step: float) -> list[Row]:
    """Rows minus page headers and footers, never a scene heading: a lone page number
    near a page's top or bottom; a row with digits repeated (digits aside) at that place
    on many pages (``LA DIGUE - rév. 2 - 12.``); a first row with digits printed above
    where the text of the pages starts."""
    pages = [list(group) for _, group in itertools.groupby(rows, key=lambda row: row.page)]
    shapes: Counter[str] = Counter()
    for page in pages:
        shapes.update({_shape(row) for row in page[:_EDGE_ROWS] + page[-_EDGE_ROWS:]})
    repeated = max(_HEADER_PAGES, page_count * _HEADER_SHARE)
    dropped = {
        id(row)
        for page in pages
        for row in page[:_EDGE_ROWS] + page[-_EDGE_ROWS:]
        if _PAGE_LABEL.match(row.text)
        or ("#" in _shape(row) and shapes[_shape(row)] >= repeated and not heading_prefix(row.text))
    }
    dropped.update(id(row) for row in _above_text(pages, step))
    return [row for row in rows if id(row) not in dropped]


def _above_text(pages: list[list[Row]], step: float) -> list[Row]:
    """First rows with digits, not headings, printed above where the pages' text starts
    (the usual first baseline), two blank rows or more above the next row."""
    candidates = [
        page[0]
        for page in pages
        if len(page) > 1
        and page[1].baseline - page[0].baseline >= _HEADER_GAP * step
        and any(c.isdigit() for c in page[0].text)
        and not heading_prefix(page[0].text)
    ]
    starts = Counter(
        round((page[1] if page[0] in candidates else page[0]).baseline)
        for page in pages
        if len(page) > 1
    )
    if not starts:
        return []
    top = starts.most_common(1)[0][0]
    return [row for row in candidates if row.baseline < top - step]


def _shape(row: Row) -> str:
    return re.sub(r"\d+", "#", row.text)


def _clean(row: Row, left: float, right: float, cw: float) -> None:
    """Drop revision marks and noise; lift scene numbers out of the margins; set columns."""
    kept = []
    for segment in row.segments:
        text = segment.text.strip()
        bare = text.strip("* ")  # revision marks printed beside a number
        if not bare:
            continue
        in_margin = segment.x1 <= left + cw / 2 or segment.x0 >= right + cw / 2
        if in_margin and _NUMBER.match(bare):
            row.number = row.number or bare.rstrip(".")
        elif not _NOISE.match(text):
            segment.text = text.rstrip(" *") if segment.x1 > right else text
            segment.column = round((segment.x0 - left) / cw)
            segment.end = round((segment.x1 - left) / cw)
            kept.append(segment)
    row.segments = kept


def _step(rows: list[Row], font_size: float) -> float:
    """Single spacing: the usual gap among the smallest gaps between baselines, at most
    the font size (a document where no two rows touch has only blank-row gaps)."""
    gaps = sorted(
        b.baseline - a.baseline
        for a, b in itertools.pairwise(rows)
        if a.page == b.page and b.baseline > a.baseline
    )
    ceiling = font_size * _LEADING
    if not gaps:
        return ceiling
    close = [gap for gap in gaps if gap <= gaps[0] * 1.25]
    return min(ceiling, close[len(close) // 2])


def paragraphs(rows: list[Row], step: float) -> list[list[Row]]:
    """Rows grouped at blank rows and page ends."""
    grouped: list[list[Row]] = []
    previous: Row | None = None
    for row in rows:
        if (
            previous is None
            or row.page != previous.page
            or row.baseline - previous.baseline > step * 1.5
        ):
            grouped.append([])
        grouped[-1].append(row)
        previous = row
    return grouped


def _learn_speech_columns(geometry: Geometry, groups: list[list[Row]]) -> None:
    """Dialogue and parenthetical columns: where rows under a cue most often start; the
    cue column: where names start, or their middle if that varies less (centred names)."""
    dialogue: Counter[int] = Counter()
    parenthetical: Counter[int] = Counter()
    starts: Counter[int] = Counter()
    middles: Counter[int] = Counter()
    for group in groups:
        first = group[0].segments[0]
        if len(group) < 2 or len(group[0].segments) > 1 or not looks_like_cue(first.text):
            continue
        under = group[1].segments[0]
        if under.column == first.column and first.column == 0:
            continue  # an action paragraph that starts with a name in capitals
        starts[first.column] += 1
        middles[(first.column + first.end) // 2] += 1
        for row in group[1:]:
            segment = row.segments[0]
            target = parenthetical if segment.text.startswith("(") else dialogue
            target[segment.column] += 1
    if dialogue:
        geometry.dialogue = dialogue.most_common(1)[0][0]
    if parenthetical:
        geometry.parenthetical = parenthetical.most_common(1)[0][0]
    if starts:
        (start, by_start), (middle, by_middle) = starts.most_common(1)[0], middles.most_common(1)[0]
        geometry.cue_centred = by_middle > by_start
        geometry.cue = middle if geometry.cue_centred else start
