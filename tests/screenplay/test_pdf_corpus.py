"""The PDF corpus: Fountain sources printed in four layouts the reader never saw, read
back to the same scenes, elements, speaking characters and pages as the source."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings

from tournage.screenplay.assemble import build_script
from tournage.screenplay.limits import ParseLimits
from tournage.screenplay.model import NON_PRINTING, Element, ElementKind, Script, TitlePage
from tournage.screenplay.pagination import Pagination
from tournage.screenplay.pdf_layout import infer
from tournage.screenplay.pdf_text import read_document
from tournage.screenplay.reader import read_script

from .print_layouts import LAYOUTS, PrintLayout, print_layouts, print_pdf, printed
from .strategies import numbered_scripts

HERE = Path(__file__).parent
SOURCES = {
    "le_phare": HERE / "fixtures" / "le_phare.fountain",  # dual dialogue, lyric, forced
    "la_digue": HERE / "corpus" / "fr_la_digue.fountain",  # 60+ pages, French
    "low_water": HERE / "corpus" / "en_low_water.fountain",  # 60+ pages, English
    "traps": HERE / "corpus" / "traps.fountain",  # capitals that are not headings
}
LAYOUT_NAMES = [spec.name for spec in LAYOUTS]


@cache
def _case(source: str, layout: str) -> tuple[Script, Script, Pagination]:
    spec = next(spec for spec in LAYOUTS if spec.name == layout)
    script, pdf, pagination = printed(SOURCES[source].read_text(encoding="utf-8"), spec)
    return script, read_script(pdf, f"{source}.pdf"), pagination


def _printed_elements(script: Script) -> list[list[tuple[str, str, bool]]]:
    skipped = {*NON_PRINTING, ElementKind.PAGE_BREAK}
    return [
        [
            (e.kind.value, " ".join(e.plain.split()), e.dual)
            for e in s.elements
            if e.kind not in skipped
        ]
        for s in script.scenes
    ]


@pytest.mark.parametrize("layout", LAYOUT_NAMES)
@pytest.mark.parametrize("source", list(SOURCES))
def test_pdf_reads_like_its_source(source: str, layout: str) -> None:
    original, parsed, _ = _case(source, layout)
    assert parsed.title == original.title
    assert [(s.number, s.heading, s.int_ext, s.location, s.time) for s in parsed.scenes] == [
        (s.number, s.heading, s.int_ext, s.location, s.time) for s in original.scenes
    ]
    assert [s.characters for s in parsed.scenes] == [s.characters for s in original.scenes]
    assert {c.name for c in parsed.characters if c.speaking} == {
        c.name for c in original.characters if c.speaking
    }
    assert _printed_elements(parsed) == _printed_elements(original)


@pytest.mark.parametrize("layout", LAYOUT_NAMES)
@pytest.mark.parametrize("source", list(SOURCES))
def test_pdf_keeps_the_paper_pages(source: str, layout: str) -> None:
    _, parsed, pagination = _case(source, layout)
    assert parsed.page_count == pagination.page_count
    assert [s.page_start for s in parsed.scenes] == pagination.scene_pages
    for printed_eighths, scene in zip(pagination.scene_eighths, parsed.scenes, strict=True):
        assert abs(scene.eighths - printed_eighths) <= 1  # the last row of a page: rounding


def _geometry(spec: PrintLayout) -> object:
    _, pdf, _ = printed(SOURCES["le_phare"].read_text(encoding="utf-8"), spec)
    return infer(read_document(pdf, ParseLimits.defaults()))[0]


@pytest.mark.parametrize("spec", LAYOUTS, ids=LAYOUT_NAMES)
def test_columns_are_inferred_from_the_document(spec: PrintLayout) -> None:
    geometry = _geometry(spec)
    layout = spec.layout()
    assert geometry.dialogue == layout.styles["dialogue"].indent  # type: ignore[attr-defined]
    assert geometry.parenthetical == layout.styles["parenthetical"].indent  # type: ignore[attr-defined]
    assert geometry.cue_centred is spec.cue_centred  # type: ignore[attr-defined]
    # where the longest rows end: the last word rarely fills the last column
    assert layout.line_width - 2 <= geometry.width <= layout.line_width  # type: ignore[attr-defined]


def test_the_corpus_is_long_and_varied() -> None:
    """What the layouts exercise really occurs: long scripts, wrapped headings, dual
    dialogue, margin numbers, headers."""
    _, parsed, pagination = _case("la_digue", "letter-small-font-wrapped-headings")
    width = LAYOUTS[3].layout().styles["scene_heading"].width
    assert pagination.page_count >= 55
    assert any(len(s.heading) > width for s in parsed.scenes)  # printed on two rows
    assert parsed.scenes[0].number == "1"  # read in the left margin only
    phare = _case("le_phare", "us-letter-final-draft")[1]
    assert any(e.dual for s in phare.scenes for e in s.elements)
    french = _case("la_digue", "a4-french-sequences-left-names")[1]
    assert french.scenes[0].heading.startswith("SÉQ. 1 — INT.")
    assert french.scenes[0].time == "LE LENDEMAIN MATIN"


@settings(max_examples=30, deadline=None)
@given(print_layouts(), numbered_scripts())
def test_any_layout_reads_like_its_source(spec: PrintLayout, elements: list[Element]) -> None:
    """Indents, margins, fonts, numbers and headers drawn at random: the reader infers them."""
    original = build_script(TitlePage(), elements, "fountain")
    pdf, pagination = print_pdf(original, spec)
    parsed = read_script(pdf, "drawn.pdf")
    numbered = spec.numbers != "none"
    assert [(s.number if numbered else None, s.heading) for s in original.scenes] == [
        (s.number, s.heading) for s in parsed.scenes
    ]
    assert _printed_elements(parsed) == _printed_elements(original)
    assert parsed.page_count == pagination.page_count
    assert [s.page_start for s in parsed.scenes] == pagination.scene_pages
