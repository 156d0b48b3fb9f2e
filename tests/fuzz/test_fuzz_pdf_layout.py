"""Fuzz the PDF layout inference: random layouts of random scripts read back alike, and
text scattered anywhere on the page (any size, any place) fails only as a DomainError."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas

from fuzz.conftest import fuzz_settings
from screenplay.print_layouts import PrintLayout, print_layouts, print_pdf
from screenplay.strategies import numbered_scripts
from tournage.common.errors import DomainError
from tournage.screenplay.assemble import build_script
from tournage.screenplay.model import Element, ElementKind, TitlePage
from tournage.screenplay.reader import read_script


@fuzz_settings()
@given(print_layouts(), numbered_scripts())
def test_fuzz_pdf_layouts_read_like_their_source(
    spec: PrintLayout, elements: list[Element]
) -> None:
    original = build_script(TitlePage(), elements, "fountain")
    pdf, pagination = print_pdf(original, spec)
    parsed = read_script(pdf, "drawn.pdf")
    assert [s.heading for s in parsed.scenes] == [s.heading for s in original.scenes]
    page_break = ElementKind.PAGE_BREAK
    kinds = [[e.kind for e in s.elements if e.kind is not page_break] for s in parsed.scenes]
    assert kinds == [[e.kind for e in s.elements] for s in original.scenes]
    assert parsed.page_count == pagination.page_count


_TOKENS = st.sampled_from(
    [
        "INT. CUISINE - JOUR",
        "12. EXT. FORÊT - NUIT",
        "SÉQ. 3 — INT. GARE — AUBE",
        "NADIA",
        "McKENZIE",
        "(bas)",
        "(MORE)",
        "NADIA (CONT'D)",
        "CUT TO:",
        "12",
        "12A",
        "*",
        "Page 3",
        "Elle entre.",
        "",
        "   ",
        "\t",
    ]
)
_PIECES = st.tuples(
    st.one_of(_TOKENS, st.text(max_size=30)),
    st.floats(-50, 700),
    st.floats(-50, 850),
    st.sampled_from([1, 6, 12, 30]),
)


@st.composite
def _scattered(draw: st.DrawFn) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for _ in range(draw(st.integers(1, 4))):
        for text, x, y, size in draw(st.lists(_PIECES, max_size=40)):
            canvas.setFont("Courier", size)
            canvas.drawString(x, y, text.encode("cp1252", errors="replace").decode("cp1252"))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@fuzz_settings()
@given(_scattered())
def test_fuzz_pdf_scattered_text(data: bytes) -> None:
    try:
        script = read_script(data, "x.pdf", "pdf")
    except DomainError:
        return
    assert script.scenes
    assert script.page_count >= 1
    script.to_dict()
