"""Bodies too large are refused with a 413 page from their Content-Length, unread."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tournage.web.productions.models import Role

pytestmark = pytest.mark.django_db


class Unreadable(io.RawIOBase):
    """A request body that fails the test if anyone reads it."""

    def read(self, size: int = -1) -> bytes:
        raise AssertionError("the body of an oversized request was read")

    readinto = read  # type: ignore[assignment]


def _post_declaring(client: Client, path: str, length: int) -> Any:
    return client.generic(
        "POST",
        path,
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": Unreadable()},
    )


def test_a_script_upload_above_the_limit_gets_a_413_page_without_reading_the_body(
    member_client: Any, production: Any, settings: Any
) -> None:
    client = member_client(Role.PRODUCER)
    response = _post_declaring(client, f"/p/{production.pk}/script/upload/", 2 * 1024**3)
    assert response.status_code == 413
    page = response.content.decode()
    assert "Cet envoi est trop volumineux" in page
    assert "21\u00a0Mo" in page  # the document limit and the form around it


def test_the_archive_import_accepts_more_than_a_document(
    member_client: Any, production: Any, settings: Any
) -> None:
    client = member_client(Role.PRODUCER)
    settings.TOURNAGE_MAX_REQUEST = 1000
    settings.TOURNAGE_LARGE_UPLOADS = {"productions:import": 10_000}

    def send(size: int) -> Any:
        archive = SimpleUploadedFile("film.zip", b"x" * size)
        return client.post("/productions/import/", {"archive": archive})

    assert send(5000).status_code == 200  # read, and refused by the form as not a zip
    assert send(20_000).status_code == 413
    script = SimpleUploadedFile("film.fountain", b"x" * 5000)
    response = client.post(f"/p/{production.pk}/script/upload/", {"script": script})
    assert response.status_code == 413


def test_form_fields_above_the_memory_limit_get_the_413_page(
    member_client: Any, production: Any, settings: Any
) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client = member_client(Role.PRODUCER)
    response = client.post(f"/p/{production.pk}/people/new/", {"notes": "x" * 2000})
    assert response.status_code == 413
    assert "Cet envoi est trop volumineux" in response.content.decode()


def test_an_unknown_url_keeps_the_default_limit(client: Client, settings: Any) -> None:
    length = settings.TOURNAGE_MAX_REQUEST + 1
    assert _post_declaring(client, "/nowhere/", length).status_code == 413
    assert _post_declaring(client, "/nowhere/", 10).status_code == 404
