"""Attached pieces: any bytes are either a PDF with its page count or a clear refusal."""

from __future__ import annotations

import pytest
from django import forms
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.web.development.uploads import MAX_PAGES, read_pdf


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=4000).map(lambda tail: b"%PDF-1.7\n" + tail))
def test_hostile_pdf_bytes_are_refused_cleanly(data: bytes) -> None:
    try:
        pages = read_pdf(data)
    except forms.ValidationError as refusal:
        assert refusal.messages
    else:
        assert 0 < pages <= MAX_PAGES


def test_a_pdf_without_pages_is_refused() -> None:
    import io

    import pikepdf

    buffer = io.BytesIO()
    pikepdf.new().save(buffer)
    with pytest.raises(forms.ValidationError):
        read_pdf(buffer.getvalue())
