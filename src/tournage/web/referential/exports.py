"""The portfolio: JSON, an accessible PDF and a zip of the evidence, by block and criterion."""

from __future__ import annotations

import json

from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify

from tournage.referential.portfolio import portfolio_pdf, portfolio_zip
from tournage.web.productions.models import Production

from .services import production_document

FORMATS = {
    "json": "application/json",
    "pdf": "application/pdf",
    "zip": "application/zip",
}


def open_document(name: str) -> bytes | None:
    """A stored evidence file, or ``None`` when it is gone (listed as missing)."""
    if not name or not default_storage.exists(name):
        return None
    with default_storage.open(name, "rb") as handle:
        data: bytes = handle.read()
    return data


def build(production: Production, fmt: str) -> bytes:
    document = production_document(production)
    if fmt == "json":
        return json.dumps(document, ensure_ascii=False, indent=2).encode()
    generated = timezone.localtime()
    if fmt == "pdf":
        return portfolio_pdf(document, production.title, generated)
    return portfolio_zip(document, production.title, generated, open_document)


def response(production: Production, fmt: str) -> HttpResponse:
    name = f"referentiel-{slugify(production.title) or production.pk}.{fmt}"
    reply = HttpResponse(build(production, fmt), content_type=FORMATS[fmt])
    reply["Content-Disposition"] = f'attachment; filename="{name}"'
    return reply
