"""Uploads of the rights domain with malformed, empty, huge and hostile files: a clear
French message, nothing written."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.common.errors import DomainError
from tournage.rights.documents import UPLOADS, check_document
from tournage.rights.errors import RightsError
from tournage.web.rights import services
from tournage.web.rights.models import Cue, EditImport

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _docx(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_acceptable_documents() -> None:
    check_document(PDF, "licence.PDF")
    check_document(_docx({"word/document.xml": b"<w:document/>"}), "contrat.docx")
    check_document(b"\x89PNG\r\n\x1a\n" + b"0" * 10, "scan.png")


@pytest.mark.parametrize(
    ("content", "name", "code"),
    [
        (b"", "vide.pdf", "rights.document_empty"),
        (PDF, "script.exe", "rights.document_type"),
        (PDF, "sans-extension", "rights.document_type"),
        (b"<html><script>alert(1)</script></html>", "page.pdf", "rights.document_content"),
        (b"%PDF-1.4\n1 0 obj", "tronque.pdf", "rights.document_content"),
        (PDF, "faux.png", "rights.document_content"),
        (b"PK\x03\x04garbage", "casse.docx", "rights.document_content"),
        (_docx({"xl/workbook.xml": b"x"}), "tableur.docx", "rights.document_content"),
    ],
)
def test_refused_documents(content: bytes, name: str, code: str) -> None:
    with pytest.raises(RightsError) as error:
        check_document(content, name)
    assert error.value.code == code and error.value.message


def test_huge_documents_and_zip_bombs_are_refused() -> None:
    limits = UPLOADS.load()
    with pytest.raises(RightsError, match="dépasse"):
        check_document(PDF + b"0" * limits.max_bytes, "gros.pdf")
    bomb = _docx({"word/document.xml": b"0" * (limits.docx_max_uncompressed + 1)})
    assert len(bomb) < limits.max_bytes  # small on disk, huge once expanded
    with pytest.raises(RightsError, match="décompressé"):
        check_document(bomb, "bombe.docx")
    many = _docx({f"word/{i}.xml": b"" for i in range(limits.docx_max_entries + 1)})
    with pytest.raises(RightsError):
        check_document(many, "nombreux.docx")


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=512), st.sampled_from(["a.pdf", "a.docx", "a.jpg", "a.txt"]))
def test_any_bytes_are_accepted_or_refused_cleanly(content: bytes, name: str) -> None:
    try:
        check_document(content, name)
    except RightsError as error:
        assert error.message


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"", "vide.edl"),
        (b"\x00\x01\x02\xff" * 100, "binaire.edl"),
        (b"TITLE: X\nceci n'est pas une EDL\n", "texte.edl"),
        (b'{"OTIO_SCHEMA": "Timeline.1", "tracks": ', "tronque.otio"),
        (
            b"TITLE: X\n\n001  A001 V     C        "
            b"00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00\n",
            "sans-musique.edl",
        ),
        (b"TITLE: X\n" + b"*" * 6_000_000, "enorme.edl"),
        (b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaa'>]><x>&a;</x>", "xml.otio"),
    ],
)
def test_a_refused_edit_writes_nothing(production: Any, content: bytes, name: str) -> None:
    with pytest.raises(DomainError) as error:
        services.import_edit(production, content, name)
    assert error.value.message
    assert not EditImport.objects.exists() and not Cue.objects.exists()
