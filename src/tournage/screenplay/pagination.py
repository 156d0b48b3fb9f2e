"""Paginate a script like the industry template and measure scenes in eighths.

Elements become blocks of printed rows (Courier: one character = one column); blocks
fill pages of ``lines_per_page`` rows. Action splits between lines, a speech splits
with ``(MORE)`` / ``(CONT'D)``, a heading is kept with what follows. A scene's length
is the rows from its heading to the next heading (page ends included), in eighths.
Paginating only counts rows; the PDF renderer then materialises the same placements,
so what is counted is what is printed.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from tournage.common.records import Record, field
from tournage.screenplay.model import NON_PRINTING, Element, ElementKind, strip_emphasis
from tournage.screenplay.rules import layout_rules


class Style(Record, frozen=True):
    indent: int
    width: int
    space_before: int
    align: str = "left"


class Layout(Record, frozen=True):
    """Page geometry from ``data/screenplay/layout.yaml`` for one paper size."""

    paper: str
    lines_per_page: int
    width_in: float
    height_in: float
    top_margin_in: float
    left_margin_in: float
    font: str
    font_size: int
    lines_per_inch: int
    min_scene_eighths: int
    min_split_rows: int
    heading_keep_rows: int
    styles: dict[str, Style]

    @classmethod
    def load(cls, paper: str = "letter") -> Layout:
        return _layout(paper)

    @property
    def line_width(self) -> int:
        return self.styles["action"].width


@cache
def _layout(paper: str) -> Layout:
    rules = layout_rules()
    sheet = rules.papers[paper]
    return Layout(
        paper=paper,
        lines_per_page=sheet.lines_per_page,
        width_in=sheet.width_in,
        height_in=sheet.height_in,
        top_margin_in=sheet.top_margin_in,
        left_margin_in=rules.left_margin_in,
        font=rules.font,
        font_size=rules.font_size,
        lines_per_inch=rules.lines_per_inch,
        min_scene_eighths=rules.min_scene_eighths,
        min_split_rows=rules.min_split_rows,
        heading_keep_rows=rules.heading_keep_rows,
        styles={
            name: Style(spec.indent, spec.width, spec.space_before, spec.align)
            for name, spec in rules.elements.items()
        },
    )


class Piece(Record, frozen=True):
    """Text printed on one row from ``column`` (characters from the left margin)."""

    column: int
    text: str
    kind: str


Row = tuple[Piece, ...]


class Page(Record):
    number: int
    rows: list[Row] = field(default_factory=list)


class Pagination(Record):
    page_count: int
    scene_starts: list[int]  # absolute row of each scene heading (page * lines + row)
    scene_eighths: list[int]
    scene_pages: list[int]  # page number where each scene starts
    placements: list[_Placement]
    layout: Layout

    @property
    def pages(self) -> list[Page]:
        """The printed rows of every page (built on demand, for rendering)."""
        return _render(self, self.layout)


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap (break at the last space that fits; cut words longer than a row)."""
    if len(text) <= width and "\n" not in text:
        return [text]
    rows: list[str] = []
    for paragraph in text.split("\n"):
        position, end = 0, len(paragraph)
        while end - position > width:
            cut = paragraph.rfind(" ", position, position + width + 1)
            if cut <= position:
                rows.append(paragraph[position : position + width])
                position += width
            else:
                rows.append(paragraph[position:cut])
                position = cut + 1
        rows.append(paragraph[position:])
    return rows


def _height(text: str, width: int) -> int:
    """``len(wrap(text, width))`` without building the rows."""
    if "\n" not in text:  # the common case, with the loop's invariants hoisted
        if len(text) <= width:
            return 1
        rows, position, last_start = 1, 0, len(text) - width
        find = text.rfind
        while position < last_start:
            cut = find(" ", position, position + width + 1)
            position = position + width if cut <= position else cut + 1
            rows += 1
        return rows
    rows = 0
    for paragraph in text.split("\n"):
        position, end = 0, len(paragraph)
        rows += 1
        while end - position > width:
            cut = paragraph.rfind(" ", position, position + width + 1)
            position = position + width if cut <= position else cut + 1
            rows += 1
    return rows


# A block is a paragraph or a whole speech: its height, and what to print it from. It is
# a list ``[kind, height, space_before, parts, right, scene]`` read through the indices
# below: one is built per paragraph, and a list builds three times faster than an object.
# ``right`` holds the second speech of a dual dialogue; ``scene`` a heading's scene index.
_Block = list[Any]
_KIND, _HEIGHT, _SPACE_BEFORE, _PARTS, _RIGHT, _SCENE = range(6)


# (block, page, row, start, stop, continued, more): rows ``start:stop`` of ``block`` printed
# on ``page`` from ``row``; ``continued``: a "(CONT'D)" cue row first; ``more``: a "(MORE)"
# row last. A plain tuple: one is made per block and tuples are the cheapest to build.
_Placement = tuple[_Block, int, int, int, int, bool, bool]


def _build_blocks(elements: list[Element], layout: Layout) -> list[_Block]:
    """Elements → blocks (one per paragraph, one per speech) with their height in rows.

    One flat loop with local names: this is the hot path of paginating.
    """
    styles = {
        kind: layout.styles[kind.value] for kind in ElementKind if kind.value in layout.styles
    }
    widths = {kind: style.width for kind, style in styles.items()}
    gaps = {kind: style.space_before for kind, style in styles.items()}
    blocks: list[_Block] = []
    append = blocks.append
    scene = -1
    speech: _Block | None = None  # the speech being built
    for element in elements:
        kind = element.kind
        if kind in NON_PRINTING:
            continue
        if element.character is not None:
            if kind is _CHARACTER:
                if element.dual and speech is not None and speech[_KIND] == "speech":
                    speech[_KIND] = "dual"
                    speech[_RIGHT].append(element)
                else:
                    speech = ["speech", 1, gaps[kind], [element], [], None]
                    append(speech)
                continue
            if speech is None:
                speech = ["speech", 0, gaps[kind], [], [], None]
                append(speech)
            if speech[_KIND] == "dual":
                speech[_RIGHT].append(element)
                continue
            speech[_PARTS].append(element)
            text = element.text
            if "*" in text or "_" in text or "\\" in text:
                text = strip_emphasis(text)
            speech[_HEIGHT] += _height(text, widths[kind])
            continue
        speech = None
        if kind is _PAGE_BREAK:
            append(["page_break", 0, 0, [], [], None])
            continue
        text, width = element.text, widths[kind]
        if kind is _HEADING:  # printed in capitals, which may lengthen it (ß → SS)
            scene += 1
            height = _height(strip_emphasis(text).upper(), width)
            append(["heading", height, gaps[kind], [element], [], scene])
            continue
        if "*" in text or "_" in text or "\\" in text:
            text = strip_emphasis(text)
        append([kind, _height(text, width), gaps[kind], [element], [], None])
    for block in blocks:
        if block[_KIND] == "dual":
            block[_HEIGHT] = _dual_height(block, layout)
    return blocks


_CHARACTER, _HEADING = ElementKind.CHARACTER, ElementKind.SCENE_HEADING
_PAGE_BREAK = ElementKind.PAGE_BREAK


def _half_style(style: Style, half: int) -> Style:
    indent = style.indent // 2
    return Style(indent, min(style.width, half - indent), 0)


def _dual_height(block: _Block, layout: Layout) -> int:
    half = layout.line_width // 2 - 1

    def height(parts: list[Element]) -> int:
        styles = layout.styles
        return sum(_height(e.plain, _half_style(styles[e.kind.value], half).width) for e in parts)

    return max(height(block[_PARTS]), height(block[_RIGHT]))


class _Pager:
    def __init__(self, layout: Layout) -> None:
        self.size = layout.lines_per_page
        self.min_split = layout.min_split_rows
        self.heading_keep = layout.heading_keep_rows
        self.page = 0
        self.used = 0
        self.placements: list[_Placement] = []
        self.scene_starts: list[int] = []

    def run(self, blocks: list[_Block]) -> None:
        """Place every block: the common case (it fits) inlined, the rest to ``_overflow``.

        The position is kept in local names, written back around ``_overflow`` only.
        """
        size, keep = self.size, self.heading_keep
        record, starts = self.placements.append, self.scene_starts
        page, used = self.page, self.used
        following: list[_Block | None] = [*blocks[1:], None] if blocks else []
        for block, next_block in zip(blocks, following, strict=True):
            kind, height = block[_KIND], block[_HEIGHT]
            gap = block[_SPACE_BEFORE] if used else 0
            needed = gap + height
            if kind == "heading" and next_block is not None:
                needed += next_block[_SPACE_BEFORE] + min(keep, next_block[_HEIGHT])
            if kind == "page_break" or needed > size - used:
                self.page, self.used = page, used
                self._overflow(block, gap)
                page, used = self.page, self.used
                continue
            used += gap
            if block[_SCENE] is not None:
                starts.append(page * size + used)
            record((block, page, used, 0, height, False, False))
            used += height
        self.page, self.used = page, used

    def new_page(self) -> None:
        if self.used:
            self.page += 1
            self.used = 0

    def _overflow(self, block: _Block, gap: int) -> None:
        """A page break, or a block taller than what is left of the page: split or push."""
        if block[_KIND] == "page_break":
            self.new_page()
        elif not (block[_KIND] in ("action", "speech") and self._split(block, gap, 0, False)):
            self.new_page()
            self._put(block, 0, 0, block[_HEIGHT])

    def _put(self, block: _Block, gap: int, start: int, stop: int, continued: bool = False) -> None:
        self.used += gap
        if block[_SCENE] is not None:
            self.scene_starts.append(self.page * self.size + self.used)
        while stop - start + continued > self.size - self.used:  # taller than a page: cut
            room = self.size - self.used - continued
            if room > 0:
                self._record(block, start, start + room, continued, False)
                start, continued = start + room, False
            self.new_page()
        self._record(block, start, stop, continued, False)

    def _record(self, block: _Block, start: int, stop: int, continued: bool, more: bool) -> None:
        self.placements.append((block, self.page, self.used, start, stop, continued, more))
        self.used += stop - start + continued + more

    def _split(self, block: _Block, gap: int, start: int, continued: bool) -> bool:
        """Split rows ``start:`` of ``block`` across the page end; ``False`` if it can't."""
        speech = block[_KIND] == "speech" and block[_PARTS][0].kind is ElementKind.CHARACTER
        fit = self.size - self.used - gap - speech - continued  # speech: room for (MORE)
        rest = block[_HEIGHT] - start
        if fit < self.min_split + speech or rest - fit < self.min_split:
            return False
        self.used += gap
        self._record(block, start, start + fit, continued, speech)
        self.new_page()
        remaining = block[_HEIGHT] - start - fit + speech
        if remaining <= self.size or not self._split(block, 0, start + fit, speech):
            self._put(block, 0, start + fit, block[_HEIGHT], speech)
        return True


def paginate(elements: list[Element], layout: Layout) -> Pagination:
    """Lay ``elements`` (preamble and scenes, in order) out on pages."""
    blocks = _build_blocks(elements, layout)
    size = layout.lines_per_page
    pager = _Pager(layout)
    pager.run(blocks)
    end = pager.page * size + pager.used
    starts = pager.scene_starts
    stops = [*starts[1:], end] if starts else []
    eighths = [
        max(layout.min_scene_eighths, int((stop - start) * 8 / size + 0.5))
        for start, stop in zip(starts, stops, strict=True)
    ]
    pages = [start // size + 1 for start in starts]
    return Pagination(pager.page + 1, starts, eighths, pages, pager.placements, layout)


def _printed(element: Element) -> str:
    """Headings print in capitals; everything else as written, emphasis aside."""
    return element.plain.upper() if element.kind is ElementKind.SCENE_HEADING else element.plain


def _rows(text: str, style: Style, kind: str, offset: int = 0) -> list[Row]:
    rows: list[Row] = []
    for line in wrap(text, style.width):
        column = style.indent + offset
        if style.align == "right":
            column += style.width - len(line)
        elif style.align == "center":
            column += (style.width - len(line)) // 2
        rows.append((Piece(column, line, kind),))
    return rows


def _block_rows(block: _Block, layout: Layout) -> list[Row]:
    if block[_KIND] == "dual":
        half = layout.line_width // 2 - 1
        columns = [
            _part_rows(block[_PARTS], layout, 0, half),
            _part_rows(block[_RIGHT], layout, half + 2, half),
        ]
        return [
            tuple(piece for side in columns if index < len(side) for piece in side[index])
            for index in range(block[_HEIGHT])
        ]
    rows = _part_rows(block[_PARTS], layout)
    if block[_KIND] == "heading" and block[_PARTS][0].scene_number:
        number = block[_PARTS][0].scene_number
        width = layout.styles["scene_heading"].width
        left = Piece(-len(number) - 4, number, "scene_number")
        rows[0] = (left, *rows[0], Piece(width + 4, number, "scene_number"))
    return rows


def _part_rows(parts: list[Element], layout: Layout, offset: int = 0, half: int = 0) -> list[Row]:
    rows: list[Row] = []
    for element in parts:
        kind = element.kind.value
        style = layout.styles[kind]
        if half:
            style = _half_style(style, half)
        rows.extend(_rows(_printed(element), style, kind, offset))
    return rows


def _render(pagination: Pagination, layout: Layout) -> list[Page]:
    pages = [Page(number) for number in range(1, pagination.page_count + 1)]
    cache: dict[int, list[Row]] = {}
    cue_column = layout.styles["character"].indent
    for block, number, row, start, stop, continued, more in pagination.placements:
        if id(block) not in cache:
            cache[id(block)] = _block_rows(block, layout)
        printed: list[Row] = []
        if continued:
            cue = block[_PARTS][0].plain if block[_PARTS] else ""
            printed.append((Piece(cue_column, f"{cue} (CONT'D)", "character"),))
        printed.extend(cache[id(block)][start:stop])
        if more:
            printed.append((Piece(cue_column, "(MORE)", "more"),))
        page = pages[number]
        page.rows.extend([()] * (row - len(page.rows)))
        page.rows.extend(printed)
    return pages
