"""PDF import, tested on PDFs rendered from our own Fountain (round trip)."""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas

from tournage.screenplay.assemble import build_script
from tournage.screenplay.errors import ScriptError
from tournage.screenplay.model import Element, TitlePage
from tournage.screenplay.model import ElementKind as K
from tournage.screenplay.pdf_export import render_pdf
from tournage.screenplay.reader import read_script

from .strategies import numbered_scripts


@pytest.fixture
def round_trip(phare_fountain: bytes) -> tuple[object, object]:
    original = read_script(phare_fountain, "le_phare.fountain")
    return original, read_script(render_pdf(original), "le_phare.pdf")


def test_round_trip_keeps_scenes_and_characters(round_trip: tuple) -> None:
    original, parsed = round_trip
    assert parsed.source_format == "pdf"
    assert [(s.number, s.heading) for s in parsed.scenes] == [
        (s.number, s.heading) for s in original.scenes
    ]
    assert [s.characters for s in parsed.scenes] == [s.characters for s in original.scenes]
    # A forced heading without INT/EXT (".FLASHBACK") is read from its layout: to review.
    assert [s.heading_confidence for s in parsed.scenes] == [1, 1, 1, 1, 0.6]
    assert parsed.scenes[-1].to_dict()["heading_confidence"] == 0.6
    assert parsed.page_count == original.page_count
    assert [s.page_start for s in parsed.scenes] == [s.page_start for s in original.scenes]
    assert {c.name for c in parsed.characters if c.speaking} == {
        c.name for c in original.characters if c.speaking
    }


def test_round_trip_keeps_effet_eighths_and_title(round_trip: tuple) -> None:
    original, parsed = round_trip
    assert parsed.title == "LE PHARE"
    assert parsed.title_page.get("author") == "Claire Vasseur"
    for before, after in zip(original.scenes, parsed.scenes, strict=False):
        assert (after.int_ext, after.location, after.time) == (
            before.int_ext,
            before.location,
            before.time,
        )
        assert abs(after.eighths - before.eighths) <= 1


def test_round_trip_element_kinds(round_trip: tuple) -> None:
    _, parsed = round_trip
    kinds = [(e.kind, e.text) for e in parsed.scenes[0].elements]
    assert (K.PARENTHETICAL, "(à elle-même)") in kinds
    assert (K.TRANSITION, "CUT TO:") in kinds
    assert (K.CHARACTER, "MARC (O.S.)") in kinds
    dual = [e for e in parsed.scenes[2].elements if e.dual]
    assert [(e.kind, e.character) for e in dual] == [(K.CHARACTER, "NADIA"), (K.DIALOGUE, "NADIA")]
    assert parsed.scenes[3].characters[0] == "McKENZIE"  # a cue is known by its column


def test_page_numbers_and_more_contd_are_dropped() -> None:
    speech = "NADIA\n" + " ".join(["Je parle encore et encore."] * 150) + "\n"
    original = read_script(
        f"INT. SALLE - JOUR #1#\n\n{speech}\nINT. RUE - NUIT #2#\n\nFin.\n".encode()
    )
    parsed = read_script(render_pdf(original))
    speech_elements = [e for e in parsed.scenes[0].elements]
    assert [e.kind for e in speech_elements] == [K.CHARACTER, K.DIALOGUE]
    assert "MORE" not in speech_elements[1].text and "CONT" not in speech_elements[1].text
    assert speech_elements[1].text.count("encore et encore") == 150
    assert [s.key for s in parsed.scenes] == ["1", "2"]


def test_revision_marks_are_ignored() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont("Courier", 12)
    for row, (x, text) in enumerate(
        [(108, "INT. GARE - JOUR"), (108, "Un train part."), (570, "*")]
    ):
        canvas.drawString(x, 700 - row * 24, text)
    canvas.drawString(108, 600, "Encore une ligne.")
    canvas.showPage()
    canvas.save()
    parsed = read_script(buffer.getvalue())
    texts = [e.text for e in parsed.scenes[0].elements]
    assert texts == ["Un train part.", "Encore une ligne."]


def test_scanned_pdf_without_text_layer_is_refused() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.rect(100, 100, 300, 500, fill=1)  # an "image" of a page: no text at all
    canvas.showPage()
    canvas.save()
    with pytest.raises(ScriptError) as error:
        read_script(buffer.getvalue(), "scan.pdf")
    assert error.value.code == "pdf_no_text"
    assert "couche texte" in error.value.message


def test_broken_pdf_is_refused() -> None:
    with pytest.raises(ScriptError) as error:
        read_script(b"%PDF-1.4\n garbage without objects", "x.pdf")
    assert error.value.code in ("pdf_invalid", "pdf_no_text")


@settings(max_examples=30, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_pdf_bytes_fail_cleanly(data: bytes) -> None:
    with contextlib.suppress(ScriptError):
        read_script(b"%PDF-1.4\n" + data, "x.pdf")


def test_one_line_scenes_keep_their_headings() -> None:
    """No two rows touch, so the row height comes from the glyphs, not the smallest gap."""
    elements = []
    for number in ("1", "2"):
        elements.append(Element(K.SCENE_HEADING, f"INT. LIEU {number} - JOUR", scene_number=number))
        elements.append(Element(K.ACTION, "A."))
    parsed = read_script(render_pdf(build_script(TitlePage(), elements, "fountain")))
    assert [s.heading for s in parsed.scenes] == ["INT. LIEU 1 - JOUR", "INT. LIEU 2 - JOUR"]


@settings(max_examples=25, deadline=None)
@given(numbered_scripts())
def test_any_numbered_script_survives_pdf_round_trip(elements: list[Element]) -> None:
    original = build_script(TitlePage(), elements, "fountain")
    parsed = read_script(render_pdf(original))
    assert [s.heading for s in parsed.scenes] == [s.heading for s in original.scenes]
    for before, after in zip(original.scenes, parsed.scenes, strict=True):
        printed = [(e.kind, e.plain) for e in after.elements if e.kind is not K.PAGE_BREAK]
        assert printed == [(e.kind, e.plain) for e in before.elements]


def _typed(pages: list[list[tuple[float, str, str]]]) -> bytes:
    """A PDF typed row by row: (column, text, font) per row, Courier 12 at 6 rows an inch."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for rows in pages:
        for row, (column, text, font) in enumerate(rows):
            if text:
                canvas.setFont(font, 12)
                canvas.drawString(108 + column * 7.2, 760 - row * 12, text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_capitals_alone_at_the_margin_are_a_heading_to_review() -> None:
    rows = [
        (0, "INT. GARE - JOUR", "Courier"),
        (0, "", ""),
        (0, "Un train part.", "Courier"),
        (0, "", ""),
        (0, "LE QUAI", "Courier-Bold"),
        (0, "", ""),
        (0, "Personne.", "Courier"),
        (0, "", ""),
        (0, "FLASHBACK", "Courier"),
        (0, "", ""),
        (0, "SILENCE.", "Courier"),
    ]
    parsed = read_script(_typed([rows]))
    assert [(s.heading, s.heading_confidence) for s in parsed.scenes] == [
        ("INT. GARE - JOUR", 1.0),
        ("LE QUAI", 0.9),  # bold: the writer marked it
        ("FLASHBACK", 0.6),
    ]
    assert [e.text for e in parsed.scenes[2].elements] == ["SILENCE."]  # a sentence


def test_headers_repeated_on_pages_and_french_effet_first_are_read() -> None:
    pages = [
        [
            (40, "LA DIGUE - v2 - 1", "Courier"),
            (0, "", ""),
            (0, "", ""),
            (0, f"{n} INT/JOUR – CUISINE", "Courier"),
            (0, "", ""),
            (0, "Nadia entre.", "Courier"),
        ]
        for n in range(1, 5)
    ]
    parsed = read_script(_typed(pages))
    assert [s.heading for s in parsed.scenes] == [f"{n} INT/JOUR – CUISINE" for n in range(1, 5)]
    assert [(s.int_ext, s.location, s.time) for s in parsed.scenes[:1]] == [
        ("INT", "CUISINE", "JOUR")
    ]
    assert [[e.text for e in s.elements if e.text] for s in parsed.scenes] == [["Nadia entre."]] * 4
    assert parsed.page_count == 4


def test_text_turned_a_quarter_is_refused_cleanly() -> None:
    """Found by atheris: text whose matrix turns it a quarter has a vertical scale, hence
    a font size, of 0; a line spacing of 0 then divided the rows (ZeroDivisionError)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(612, 792))
    canvas.setFont("Courier", 12)
    canvas.rotate(90)
    for row, text in enumerate(["INT. CUISINE - JOUR", "Elle entre.", "NADIA", "Bonjour."]):
        canvas.drawString(100, -100 - row * 24, text)
    canvas.showPage()
    canvas.save()
    with pytest.raises(ScriptError):
        read_script(buffer.getvalue(), "tourne.pdf")
