"""Helpers shared by the web tests of this folder (pages, uploads)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

FIXTURES = Path(__file__).parent / "fixtures"


def url(name: str, production: Any, **kwargs: Any) -> str:
    return reverse(f"screenplay:{name}", kwargs={"production_id": production.pk, **kwargs})


def upload(client: Any, production: Any, name: str, content: bytes) -> Any:
    return client.post(url("upload", production), {"script": SimpleUploadedFile(name, content)})
