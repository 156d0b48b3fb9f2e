from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.screenplay.assemble import all_elements, build_script
from tournage.screenplay.fountain import parse_fountain
from tournage.screenplay.fountain_export import to_fountain
from tournage.screenplay.model import Element, TitlePage
from tournage.screenplay.model import ElementKind as K
from tournage.screenplay.reader import parse_text, read_script


def signature(elements: list[Element]) -> list[tuple[object, ...]]:
    return [(e.kind, e.text, e.character, e.dual, e.scene_number, e.depth) for e in elements]


def test_fixture_round_trip(phare_fountain: bytes) -> None:
    script = read_script(phare_fountain)
    again = read_script(to_fountain(script).encode())
    assert again.title_page == script.title_page
    assert signature(all_elements(again)) == signature(all_elements(script))


def test_fdx_import_exports_to_equivalent_fountain(phare_fdx: bytes) -> None:
    script = read_script(phare_fdx, "x.fdx")
    text = to_fountain(script)
    assert "INT. VOITURE - AUBE" in text and "EXT. FALAISE - NUIT #2A#" in text
    assert "NADIA ^" in text and "_**valise**_" in text
    again = read_script(text.encode())
    assert [s.heading for s in again.scenes] == [s.heading for s in script.scenes]
    assert [s.characters for s in again.scenes] == [s.characters for s in script.scenes]


def test_misreadable_action_gets_forced() -> None:
    elements = [
        Element(K.SCENE_HEADING, "SOUVENIR"),
        Element(K.ACTION, "INT. is how it starts"),
        Element(K.ACTION, "BOB\nwalks in."),
        Element(K.CHARACTER, "McCoy", "McCoy"),
        Element(K.DIALOGUE, "Hi.", "McCoy"),
        Element(K.TRANSITION, "FADE OUT."),
    ]
    text = to_fountain(build_script(TitlePage(), elements, "fountain"))
    assert ".SOUVENIR" in text and "!INT. is how" in text and "!BOB" in text
    assert "@McCoy" in text and "> FADE OUT." in text
    assert signature(parse_fountain(text)[1]) == signature(elements)


_word = st.text("abcdeéxyzABCDÉXYZ", min_size=1, max_size=6)
_words = st.lists(_word, min_size=1, max_size=5).map(" ".join)
_name = st.text("ABCDÉXYZ", min_size=2, max_size=8)


@st.composite
def _speech(draw: st.DrawFn) -> list[Element]:
    name = draw(_name)
    dual = draw(st.booleans())
    parts = [Element(K.CHARACTER, name, name, dual=dual)]
    if draw(st.booleans()):
        parts.append(Element(K.PARENTHETICAL, f"({draw(_words)})", name, dual=dual))
    parts.append(Element(K.DIALOGUE, draw(_words), name, dual=dual))
    return parts


_single = st.one_of(
    _words.map(lambda t: [Element(K.ACTION, t)]),
    _words.map(lambda t: [Element(K.ACTION, t.upper())]),
    _words.map(lambda t: [Element(K.SCENE_HEADING, f"INT. {t.upper()} - JOUR")]),
    st.tuples(_words, st.from_regex(r"[1-9][0-9]?[A-C]?", fullmatch=True)).map(
        lambda p: [Element(K.SCENE_HEADING, f"EXT. {p[0].upper()}", scene_number=p[1])]
    ),
    _words.map(lambda t: [Element(K.TRANSITION, t.upper() + " TO:")]),
    _words.map(lambda t: [Element(K.TRANSITION, t)]),
    _words.map(lambda t: [Element(K.CENTERED, t)]),
    _words.map(lambda t: [Element(K.LYRIC, t)]),
    _words.map(lambda t: [Element(K.SYNOPSIS, t)]),
    _words.map(lambda t: [Element(K.NOTE, t)]),
    st.tuples(st.integers(1, 3), _words).map(lambda p: [Element(K.SECTION, p[1], depth=p[0])]),
    st.just([Element(K.PAGE_BREAK, "")]),
    _speech(),
)


@settings(max_examples=120, deadline=None)
@given(st.lists(_single, max_size=12).map(lambda blocks: [e for block in blocks for e in block]))
def test_any_model_survives_export_and_reparse(elements: list[Element]) -> None:
    script = build_script(TitlePage(), elements, "fountain")
    text = to_fountain(script)
    assert signature(parse_fountain(text)[1]) == signature(all_elements(script))


def test_a_numbered_heading_without_text_survives_export() -> None:
    """Found by the fuzz target: ".#1#" exported as ". #1#" read back as action."""
    from tournage.screenplay.fountain import parse_fountain
    from tournage.screenplay.fountain_export import to_fountain
    from tournage.screenplay.reader import parse_text

    exported = to_fountain(parse_text(".#1#\n"))
    elements = parse_fountain(exported)[1]
    assert [(e.kind.value, e.text, e.scene_number) for e in elements] == [
        ("scene_heading", "", "1")
    ]


@pytest.mark.parametrize("line", [".\t.", ". x", ".\u00a0x", "..."])
def test_a_dot_before_a_blank_is_not_a_heading_and_survives_export(line: str) -> None:
    """Found by fuzzing: ``.<tab>.`` was a heading whose text (``.``) could only be
    written back as ``..``, an ellipsis, so it came back as action."""
    script = parse_text(f"{line}\n\nINT. GARE - JOUR\n")
    action = line.replace("\t", "    ")  # action keeps its indentation, tabs as spaces
    assert [s.heading for s in script.scenes] == ["INT. GARE - JOUR"]
    assert [(e.kind.value, e.text) for e in script.preamble] == [("action", action)]
    again = parse_fountain(to_fountain(script))[1]
    assert [(e.kind.value, e.text) for e in again] == [
        ("action", action),
        ("scene_heading", "INT. GARE - JOUR"),
    ]


@pytest.mark.parametrize("line", [" .aCUT TO:", ".GARE AT 6:00", ".EST. LE PORT: AUBE"])
def test_a_forced_heading_with_a_colon_opening_the_file_is_no_title_page(line: str) -> None:
    """A first line a mark forces is no title-page key: the heading read from it, exported
    (a forced heading, without the leading space), reads back as the same heading."""
    script = read_script(line.encode(), "forced.fountain")
    assert [scene.heading for scene in script.scenes] == [line.strip()[1:]]
    again = read_script(to_fountain(script).encode(), "again.fountain")
    assert [scene.heading for scene in again.scenes] == [line.strip()[1:]]
    assert not again.title_page.entries
