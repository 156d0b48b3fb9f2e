"""Fuzz the PDF reader with damaged renderings of real layouts: only ScriptError may escape."""

from __future__ import annotations

from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from fuzz.conftest import fuzz_settings
from tournage.common.errors import DomainError
from tournage.screenplay.pdf_export import render_pdf
from tournage.screenplay.reader import parse_text, read_script

_SOURCE = """Title: BANC D'ESSAI

INT. CUISINE - JOUR #1#

NADIA pose une tasse. Un chien dort.

NADIA
(bas)
Tu restes ?

MARC ^
Non.

CUT TO:

EXT. RUE - NUIT #2#

> FIN <
"""


@cache
def _pdfs() -> tuple[bytes, ...]:
    script = parse_text(_SOURCE)
    return render_pdf(script, "letter"), render_pdf(script, "a4")


@st.composite
def _damaged(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(_pdfs())))
    for _ in range(draw(st.integers(1, 8))):
        position = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "cut", "insert"]))
        if action == "flip":
            data[position] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[position : position + draw(st.integers(1, 200))]
        else:
            data[position:position] = draw(st.binary(min_size=1, max_size=40))
        if not data:
            break
    return bytes(data)


def _check(data: bytes) -> None:
    try:
        script = read_script(data, "x.pdf", "pdf")
    except DomainError:
        return
    assert script.scenes
    script.to_dict()


@fuzz_settings()
@given(_damaged())
def test_fuzz_pdf_damaged(data: bytes) -> None:
    _check(data)


@fuzz_settings()
@given(st.binary(max_size=800))
def test_fuzz_pdf_bytes(data: bytes) -> None:
    _check(b"%PDF-1.4\n" + data)
