"""Attached dossier pieces: PDF only, opened with pikepdf before anything is stored."""

from __future__ import annotations

import io

from django import forms
from django.utils.translation import gettext as _

MAX_PIECE_BYTES = 20 * 1024 * 1024
MAX_PAGES = 500


def read_pdf(data: bytes) -> int:
    """The page count of a PDF; ``ValidationError`` for anything else."""
    import pikepdf

    if not data.startswith(b"%PDF-"):
        raise forms.ValidationError(_("Only PDF files are accepted."))
    try:
        with pikepdf.open(io.BytesIO(data)) as document:
            pages = len(document.pages)
    except Exception:  # pikepdf raises several types on a damaged file
        raise forms.ValidationError(_("Unreadable PDF (damaged file).")) from None
    if not 0 < pages <= MAX_PAGES:
        raise forms.ValidationError(_("A piece has between 1 and 500 pages."))
    return pages
