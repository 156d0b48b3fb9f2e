from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.screenplay.errors import ScriptError
from tournage.screenplay.fdx import parse_fdx
from tournage.screenplay.model import ElementKind as K
from tournage.screenplay.reader import read_script


def test_paragraphs_scene_numbers_and_lengths(phare_fdx: bytes) -> None:
    script = read_script(phare_fdx, "le_phare.fdx")
    assert script.source_format == "fdx"
    assert [s.number for s in script.scenes] == ["1", "2A", None]
    assert [s.fdx_eighths for s in script.scenes] == [4, 15, None]
    assert all(s.eighths >= 1 for s in script.scenes)
    assert script.scenes[0].synopsis == "Nadia revient sur l'île."
    assert script.scenes[0].to_dict()["fdx_eighths"] == 4
    assert "fdx_eighths" not in script.scenes[2].to_dict()


def test_title_page(phare_fdx: bytes) -> None:
    script = parse_fdx(phare_fdx)
    assert script.title == "LE PHARE"
    assert script.title_page.get("author") == "Claire Vasseur"


def test_styles_become_emphasis_and_notes_are_kept(phare_fdx: bytes) -> None:
    first, second, third = parse_fdx(phare_fdx).scenes
    action = next(e for e in first.elements if e.kind is K.ACTION)
    assert action.text == "NADIA (35 ans) pose sa _**valise**_ sur le quai."
    assert action.plain == "NADIA (35 ans) pose sa valise sur le quai."
    assert (K.NOTE, "Armurier à prévoir.") in [(e.kind, e.text) for e in second.elements]
    assert (K.CENTERED, "FIN") in [(e.kind, e.text) for e in third.elements]


def test_speech_and_dual_dialogue(phare_fdx: bytes) -> None:
    first, second, _ = parse_fdx(phare_fdx).scenes
    cue = next(e for e in first.elements if e.kind is K.CHARACTER)
    assert (cue.character, cue.extension) == ("NADIA", "(V.O.)")
    speeches = [(e.kind, e.character, e.dual) for e in second.elements if e.character]
    assert speeches == [
        (K.CHARACTER, "MARC", False),
        (K.DIALOGUE, "MARC", False),
        (K.CHARACTER, "NADIA", True),
        (K.DIALOGUE, "NADIA", True),
    ]
    assert second.characters == ["MARC", "NADIA"]


def test_minimal_converter_fdx_without_scene_properties() -> None:
    data = (
        b'<?xml version="1.0"?><FinalDraft DocumentType="Script" Version="1"><Content>'
        b'<Paragraph Type="Scene Heading"><Text>INT. GARE - JOUR</Text></Paragraph>'
        b'<Paragraph Type="Action"><Text>Un train part.</Text></Paragraph>'
        b"</Content></FinalDraft>"
    )
    script = read_script(data)
    assert script.scenes[0].fdx_eighths is None
    assert script.scenes[0].eighths == 1
    assert script.title is None


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<FinalDraft><Content><Paragraph Type="Action"><Text>&lol2;</Text></Paragraph>
</Content></FinalDraft>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY ext SYSTEM "file:///etc/passwd">]>
<FinalDraft><Content><Paragraph Type="Action"><Text>&ext;</Text></Paragraph>
</Content></FinalDraft>"""


@pytest.mark.parametrize("data", [BOMB, EXTERNAL])
def test_entities_are_refused(data: bytes) -> None:
    with pytest.raises(ScriptError) as error:
        read_script(data, "x.fdx")
    assert error.value.code == "fdx_unsafe"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"<?xml version='1.0'?><FinalDraft><Content>", "fdx_invalid"),
        (b"<?xml version='1.0'?><html></html>", "fdx_not_final_draft"),
        # found by atheris: expat raises ValueError or LookupError, not ParseError, on these
        (b'<?xml version="1.0" encoding="UTF-7"?><FinalDraft/>', "fdx_invalid"),
        (b'<?xml version="1.0" encoding="UTF-16"?><FinalDraft/>', "fdx_invalid"),
        (b'<?xml version="1.0" encoding="UTF-6"?><FinalDraft/>', "fdx_invalid"),
    ],
)
def test_broken_or_foreign_xml(data: bytes, code: str) -> None:
    with pytest.raises(ScriptError) as error:
        read_script(data, "x.fdx")
    assert error.value.code == code


_xml_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "Scene Heading",
                    "Action",
                    "Character",
                    "Dialogue",
                    "Parenthetical",
                    "Transition",
                    "Shot",
                    "Weird",
                    "Lyrics",
                ]
            ),
            _xml_text,
        ),
        max_size=12,
    )
)
def test_fuzzed_fdx_parses_or_fails_cleanly(paragraphs: list[tuple[str, str]]) -> None:
    from xml.sax.saxutils import escape

    body = "".join(
        f'<Paragraph Type="{kind}"><Text>{escape(text)}</Text></Paragraph>'
        for kind, text in paragraphs
    )
    data = f'<?xml version="1.0"?><FinalDraft><Content>{body}</Content></FinalDraft>'.encode()
    try:
        script = read_script(data, "f.fdx")
    except ScriptError:
        return
    assert all(scene.eighths >= 1 for scene in script.scenes)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_as_fdx_fail_cleanly(data: bytes) -> None:
    with contextlib.suppress(ScriptError):
        read_script(b"<?xml version='1.0'?>" + data, "f.fdx")
