"""Fuzz the Final Draft reader with structured and broken XML: only ScriptError may escape."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from hypothesis import given
from hypothesis import strategies as st

from fuzz.conftest import fuzz_settings
from tournage.common.errors import DomainError
from tournage.screenplay.reader import read_script

_TYPES = st.sampled_from(
    [
        "Scene Heading",
        "Action",
        "Character",
        "Parenthetical",
        "Dialogue",
        "Transition",
        "Shot",
        "General",
        "Lyrics",
        "New Act",
        "Outline 1",
        "Cast List",
        "",
        "Bogus",
    ]
)
_WORDS = st.sampled_from(
    [
        "INT. CUISINE - JOUR",
        "EXT. RUE, NIGHT",
        "NADIA",
        "(bas)",
        "Oui.",
        "CUT TO:",
        "",
        "*",
        "_x_",
        "\\",
        "un chien",
        "1 7/8",
        "é",
        "\u00a0",
        "MARC (V.O.)",
    ]
)
_STYLES = st.sampled_from(["", "Bold", "Italic+Underline", "Bold+Italic+Underline", "Strike"])


@st.composite
def _paragraph(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(_TYPES)
    number = draw(st.one_of(st.none(), st.sampled_from(["1", "2A", "", "x"])))
    attributes = f" Type={quoteattr(kind)}"
    if number is not None:
        attributes += f" Number={quoteattr(number)}"
    if draw(st.booleans()):
        attributes += ' Alignment="Center"'
    runs = "".join(
        f"<Text Style={quoteattr(draw(_STYLES))}>{escape(draw(_WORDS))}</Text>"
        for _ in range(draw(st.integers(0, 3)))
    )
    extra = ""
    if kind == "Scene Heading" and draw(st.booleans()):
        length = escape(draw(st.sampled_from(["1/8", "1 7/8", "x", "", "9999 9/8"])))
        summary = "<Summary><Paragraph><Text>r</Text></Paragraph></Summary>"
        extra = f'<SceneProperties Length="{length}">{summary}</SceneProperties>'
    if depth < 2 and draw(st.integers(0, 9)) == 0:
        inner = "".join(draw(st.lists(_paragraph(depth + 1), max_size=4)))
        extra += f"<DualDialogue>{inner}</DualDialogue>"
    if draw(st.integers(0, 9)) == 0:
        extra += "<ScriptNote><Paragraph><Text>note</Text></Paragraph></ScriptNote>"
    return f"<Paragraph{attributes}>{runs}{extra}</Paragraph>"


@st.composite
def _document(draw: st.DrawFn) -> bytes:
    paragraphs = "".join(draw(st.lists(_paragraph(), max_size=30)))
    title = "<TitlePage><Content><Paragraph><Text>TITRE</Text></Paragraph></Content></TitlePage>"
    title = title if draw(st.booleans()) else ""
    body = f"<FinalDraft><Content>{paragraphs}</Content>{title}</FinalDraft>"
    data = ('<?xml version="1.0" encoding="UTF-8"?>' + body).encode()
    cut = draw(st.one_of(st.none(), st.integers(0, len(data))))
    return data if cut is None else data[:cut]


def _check(data: bytes) -> None:
    try:
        script = read_script(data, "x.fdx", "fdx")
    except DomainError:
        return
    assert script.scenes
    script.to_dict()


@fuzz_settings()
@given(_document())
def test_fuzz_fdx_structured(data: bytes) -> None:
    _check(data)


@fuzz_settings()
@given(st.binary(max_size=400))
def test_fuzz_fdx_bytes(data: bytes) -> None:
    _check(b"<?xml version='1.0'?><FinalDraft>" + data)
