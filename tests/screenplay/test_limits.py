"""Bounded parsers: hostile scripts are refused early, in French, never by a crash."""

from __future__ import annotations

import pytest

from tournage.common.errors import DomainError
from tournage.screenplay.errors import ScriptError
from tournage.screenplay.fdx import parse_fdx
from tournage.screenplay.fountain import parse_fountain
from tournage.screenplay.limits import ParseLimits
from tournage.screenplay.model import ElementKind, strip_emphasis
from tournage.screenplay.reader import read_script

DEFAULTS = ParseLimits.defaults()
UNBOUNDED = DEFAULTS.with_overrides(
    max_paragraph_chars=10**9, max_elements=10**9, max_scenes=10**9, max_cues=10**9
)


def _code(data: bytes, limits: ParseLimits, filename: str = "x.fountain") -> str:
    with pytest.raises(ScriptError) as error:
        read_script(data, filename, limits=limits)
    return error.value.code


def test_script_error_is_a_domain_error() -> None:
    assert issubclass(ScriptError, DomainError)
    error = DEFAULTS.too_many_scenes()
    assert error.context == {"limit": DEFAULTS.max_scenes}
    assert (
        error.message
        == "Le scénario compte plus de 5\u202f000 séquences : découpez-le en plusieurs fichiers."
    )


def test_each_limit_is_a_parameter_checked_while_reading() -> None:
    scenes = "".join(f"INT. LIEU {n} - JOUR\n\nNADIA\nOui.\n\n" for n in range(6)).encode()
    assert _code(scenes, DEFAULTS.with_overrides(max_scenes=5)) == "too_many_scenes"
    assert _code(scenes, DEFAULTS.with_overrides(max_cues=5)) == "too_many_cues"
    assert _code(scenes, DEFAULTS.with_overrides(max_elements=5)) == "too_many_elements"
    assert _code(scenes, DEFAULTS.with_overrides(max_bytes=len(scenes) - 1)) == "too_large"
    long = b"INT. A - JOUR\n\n" + b"mot " * 300
    assert _code(long, DEFAULTS.with_overrides(max_paragraph_chars=1000)) == "paragraph_too_long"
    assert len(read_script(scenes, limits=DEFAULTS).scenes) == 6


def test_a_four_megabyte_paragraph_of_headings_does_not_recurse() -> None:
    """One paragraph of 300,000 heading lines (4 MB): read in a loop, no RecursionError."""
    text = "\n".join(["INT. X - JOUR"] * 300_000)
    _, elements = parse_fountain(text, UNBOUNDED)
    assert len(elements) == 300_000
    assert {element.kind for element in elements} == {ElementKind.SCENE_HEADING}
    with pytest.raises(ScriptError) as error:
        read_script(text.encode())
    assert error.value.code == "paragraph_too_long"


def test_unclosed_notes_and_boneyards_are_read_in_one_pass() -> None:
    _, elements = parse_fountain("INT. A - JOUR\n\n" + "[[a " * 20_000 + "fin", UNBOUNDED)
    assert elements[-1].text.endswith("[[a fin")
    _, elements = parse_fountain("INT. A - JOUR\n\n" + "[[a\n\n" * 5_000 + "]]", UNBOUNDED)
    assert all(element.kind is not ElementKind.NOTE for element in elements)
    _, elements = parse_fountain("INT. A - JOUR\n\nVu. /* " + "/* a " * 20_000, UNBOUNDED)
    assert [element.text for element in elements[1:]] == ["Vu."]
    _, elements = parse_fountain("INT. A - JOUR\n\nUn [[note]] puis [[autre\n\nx]] fin.")
    assert [(e.kind, e.text) for e in elements[1:3]] == [
        (ElementKind.ACTION, "Un puis [[autre"),
        (ElementKind.NOTE, "note"),
    ]


def test_emphasis_without_closing_marks_is_linear_and_kept() -> None:
    line = "*a " * 16_000
    assert strip_emphasis(line) == line
    assert strip_emphasis("_**x**_ et *5 \\* 3*") == "x et 5 * 3"


def test_scene_number_after_a_long_run_of_spaces() -> None:
    _, elements = parse_fountain("INT. X" + " " * 30_000 + "x #12#\n")
    assert elements[0].scene_number == "12"


def test_nested_dual_dialogue_in_fdx_does_not_recurse() -> None:
    depth = 3_000
    inner = '<Paragraph Type="Character"><Text>NADIA</Text></Paragraph>'
    for _ in range(depth):
        inner = f"<Paragraph><DualDialogue>{inner}</DualDialogue></Paragraph>"
    data = (
        '<?xml version="1.0"?><FinalDraft><Content>'
        '<Paragraph Type="Scene Heading"><Text>INT. A - JOUR</Text></Paragraph>'
        f"{inner}</Content></FinalDraft>"
    ).encode()
    script = parse_fdx(data)
    assert [scene.heading for scene in script.scenes] == ["INT. A - JOUR"]


def test_fdx_limits() -> None:
    paragraphs = "".join(
        f'<Paragraph Type="Scene Heading"><Text>INT. L{n} - JOUR</Text></Paragraph>'
        for n in range(4)
    )
    data = f"<FinalDraft><Content>{paragraphs}</Content></FinalDraft>".encode()
    assert _code(data, DEFAULTS.with_overrides(max_scenes=3), "x.fdx") == "too_many_scenes"
    assert _code(data, DEFAULTS.with_overrides(max_elements=2), "x.fdx") == "too_many_elements"
