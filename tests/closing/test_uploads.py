"""Uploads of the closing app: hostile, empty, truncated and huge inputs are refused with a
clear message; nothing is ever raised but ``ClosingError``."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.closing.uploads import (
    ClosingError,
    check_pdf,
    normalise_sha256,
    safe_name,
    sha256_of,
)

LIMIT = 1024


def test_sha256_of_chunks_equals_hashlib() -> None:
    data = b"master" * 1000
    digest, size = sha256_of([data[:10], data[10:]])
    assert digest == hashlib.sha256(data).hexdigest() and size == len(data)


def test_a_pasted_checksum_is_normalised() -> None:
    value = "SHA256: " + "AB" * 16 + " " + "cd" * 16
    assert normalise_sha256(value) == "ab" * 16 + "cd" * 16


@pytest.mark.parametrize("bad", ["", "abc", "g" * 64, "a" * 63, "a" * 65, "<script>" * 8])
def test_a_wrong_checksum_is_refused(bad: str) -> None:
    with pytest.raises(ClosingError) as error:
        normalise_sha256(bad)
    assert error.value.code == "sha256.invalid"


@given(st.text(max_size=200))
@settings(max_examples=200)
def test_any_text_is_a_checksum_or_a_clear_refusal(text: str) -> None:
    try:
        value = normalise_sha256(text)
    except ClosingError as error:
        assert "SHA-256" in error.message
    else:
        assert len(value) == 64


@pytest.mark.parametrize(
    ("head", "tail", "size", "code"),
    [
        (b"", b"", 0, "file.empty"),
        (b"%PDF-", b"%%EOF", LIMIT + 1, "file.too_large"),
        (b"<html", b"%%EOF", 100, "pdf.not_pdf"),
        (b"%PDF-", b"1 0 obj", 100, "pdf.truncated"),
    ],
)
def test_certificates_must_be_whole_pdfs(head: bytes, tail: bytes, size: int, code: str) -> None:
    with pytest.raises(ClosingError) as error:
        check_pdf(head, tail, size, LIMIT)
    assert error.value.code == code


@given(st.binary(max_size=64), st.binary(max_size=64), st.integers(-5, 2 * LIMIT))
@settings(max_examples=200)
def test_any_bytes_pass_as_a_pdf_or_are_refused_clearly(
    head: bytes, tail: bytes, size: int
) -> None:
    try:
        check_pdf(head, tail, size, LIMIT)
    except ClosingError as error:
        assert error.message
    else:
        assert head.startswith(b"%PDF-") and 0 < size <= LIMIT


@pytest.mark.parametrize(
    ("name", "expected"),
    [("../../etc/passwd", "passwd"), ("C:\\lab\\dcp.mxf", "dcp.mxf"), ("a<b>.pdf", "ab.pdf")],
)
def test_uploaded_names_keep_only_their_last_safe_component(name: str, expected: str) -> None:
    assert safe_name(name) == expected


@pytest.mark.parametrize("name", ["", "..", "/", "\x00\x01", " . "])
def test_names_without_anything_left_are_refused(name: str) -> None:
    with pytest.raises(ClosingError):
        safe_name(name)
