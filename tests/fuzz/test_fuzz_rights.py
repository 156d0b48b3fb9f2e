"""Fuzz the rights uploads: documents (PDF, DOCX, images) and the music cues of an edit.
Only RightsError / EditorialError (DomainErrors) may escape."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from fuzz.conftest import fuzz_settings
from fuzz.hostile import survives
from tournage.editorial import read_timeline
from tournage.rights.cuesheet import cues_from
from tournage.rights.documents import check_document

SAMPLE = (Path(__file__).parents[1] / "editorial" / "samples" / "final_cut.edl").read_bytes()
PREFIXES = st.sampled_from(
    [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"]
)


@fuzz_settings()
@given(PREFIXES, st.binary(max_size=4096), st.sampled_from(["a.pdf", "a.docx", "a.png", "a.exe"]))
def test_documents(prefix: bytes, body: bytes, name: str) -> None:
    survives(lambda: check_document(prefix + body, name))


@fuzz_settings()
@given(st.integers(0, len(SAMPLE)), st.binary(max_size=64), st.lists(st.text(max_size=4)))
def test_cues_of_a_mangled_edit(cut: int, junk: bytes, tracks: list[str]) -> None:
    content = SAMPLE[:cut] + junk + SAMPLE[cut:]
    survives(lambda: cues_from(read_timeline(content, "x.edl"), tracks))
