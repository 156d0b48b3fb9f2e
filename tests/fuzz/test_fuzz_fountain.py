"""Fuzz the Fountain reader (parse, paginate, break down): only ScriptError may escape."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fuzz.conftest import fuzz_settings
from tournage.common.errors import DomainError
from tournage.screenplay.fountain_export import to_fountain
from tournage.screenplay.reader import read_script

_TOKENS = st.sampled_from(
    [
        *"abcXYZéÉ .!@#=~>^<*_/\\[]()\n\t:\u00a0",
        "INT. ",
        "EXT. ",
        "I/E ",
        ".FLASH",
        " - JOUR",
        ", NIGHT",
        "NADIA",
        "MARC (V.O.)",
        "(bas)",
        "CUT TO:",
        "> FIN <",
        "\n\n",
        "  \n",
        "===",
        "/*",
        "*/",
        "[[",
        "]]",
        "#1#",
        "#12A#",
        "Title: X\n",
        "**",
        "~",
        "(12 ans)",
        "une FOULE de passants",
        "un pistolet",
    ]
)
_TEXT = st.one_of(st.lists(_TOKENS, max_size=120).map("".join), st.text(max_size=400))


def _check(data: bytes) -> None:
    try:
        script = read_script(data, "x.fountain")
    except DomainError:
        return
    assert script.scenes
    assert all(scene.eighths >= 1 for scene in script.scenes)
    document = script.to_dict()
    assert document["page_count"] >= 1
    read_script(to_fountain(script).encode(), "again.fountain")  # export reads back


@fuzz_settings()
@given(_TEXT)
def test_fuzz_fountain_text(text: str) -> None:
    _check(text.encode())


@fuzz_settings()
@given(st.binary(max_size=600))
def test_fuzz_fountain_bytes(data: bytes) -> None:
    _check(data)
