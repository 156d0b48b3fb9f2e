"""Fuzz what the closing app accepts as uploads: certificates (whole PDFs), pasted SHA-256,
uploaded names — a clean ``ClosingError`` or an accepted value, never a crash."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fuzz.conftest import fuzz_settings
from fuzz.hostile import survives
from tournage.closing.uploads import check_pdf, normalise_sha256, safe_name

LIMIT = 20 * 1024 * 1024
PIECES = st.sampled_from([b"%PDF-", b"%PDF-1.7\n", b"%%EOF", b"%%EOF\r\n", b"\x00", b"<html>"])
BYTES = st.lists(st.one_of(PIECES, st.binary(max_size=64)), max_size=8).map(b"".join)
HEX = st.text(alphabet="0123456789abcdefABCDEF \t\n:sha", max_size=90)
NAMES = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["../../etc/passwd", "C:\\x\\y.pdf", "", ".", "\x00.pdf", "a" * 1000]),
)


@fuzz_settings()
@given(BYTES, BYTES, st.integers(min_value=-1, max_value=2 * LIMIT))
def test_check_pdf(head: bytes, tail: bytes, size: int) -> None:
    if survives(lambda: check_pdf(head, tail, size, LIMIT)):
        assert head.startswith(b"%PDF-") and b"%%EOF" in tail and 0 < size <= LIMIT


@fuzz_settings()
@given(st.one_of(HEX, st.text(max_size=200)))
def test_normalise_sha256(text: str) -> None:
    survives(lambda: normalise_sha256(text))


@fuzz_settings()
@given(NAMES)
def test_safe_name(name: str) -> None:
    if survives(lambda: safe_name(name)):
        assert "/" not in safe_name(name) and len(safe_name(name)) <= 255
