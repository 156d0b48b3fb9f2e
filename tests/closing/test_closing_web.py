"""Pages of the closing app, its uploads, and the read-only closed production."""

from __future__ import annotations

import hashlib
import html
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tournage.web.closing.models import ClosingFile, Destination, RegisterItem
from tournage.web.productions.models import Person

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def url(name: str, production: Any, **kwargs: Any) -> str:
    return reverse(f"closing:{name}", kwargs={"production_id": production.pk, **kwargs})


@pytest.fixture
def target(production: Any) -> Destination:
    return Destination.objects.create(production=production, name="Chaîne", kind="broadcaster")


def _item_data(**changes: Any) -> dict[str, Any]:
    data = {"kind": "pad", "label": "PAD", "due": "2027-09-15", "delivered_on": "2027-09-10"}
    data.update(changes)
    return data


def test_a_delivered_file_is_fingerprinted_and_stored_as_sent(
    member_client: Any, production: Any, target: Destination
) -> None:
    content = b"\x00master bytes\xff" * 100
    upload = SimpleUploadedFile("../../pad.mxf", content)
    response = member_client("producer").post(
        url("destination", production, destination_id=target.pk),
        _item_data(upload=upload),
    )
    assert response.status_code == 302
    item = RegisterItem.objects.get()
    assert item.file_sha256 == hashlib.sha256(content).hexdigest()
    assert item.file_name == "pad.mxf"
    with item.delivered_file.open("rb") as stored:
        assert stored.read() == content


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("sha256", "not a checksum", "SHA-256"),
        ("acceptance_upload", SimpleUploadedFile("a.pdf", b"<html>"), "PDF"),
        ("acceptance_upload", SimpleUploadedFile("a.pdf", PDF[:20]), "tronqué"),
        ("acceptance_upload", SimpleUploadedFile("a.pdf", b""), ""),
        ("upload", SimpleUploadedFile("pad.mxf", b"x" * 2048), "volumineux"),
    ],
)
def test_bad_uploads_are_refused_and_nothing_is_written(
    member_client: Any,
    production: Any,
    target: Destination,
    field: str,
    value: Any,
    message: str,
    settings: Any,
) -> None:
    settings.TOURNAGE_MAX_MEDIA_UPLOAD = 1024
    response = member_client("producer").post(
        url("destination", production, destination_id=target.pk), _item_data(**{field: value})
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not RegisterItem.objects.exists()


def test_saving_an_item_unchanged_changes_nothing(
    member_client: Any, production: Any, target: Destination
) -> None:
    item = RegisterItem.objects.create(
        destination=target,
        kind="pad",
        label="PAD",
        due=date(2027, 9, 15),
        delivered_on=date(2027, 9, 10),
        file_sha256="a" * 64,
    )
    client = member_client("producer")
    page = client.get(url("item", production, item_id=item.pk))
    assert "a" * 64 in page.content.decode()
    history = item.history.count()
    client.post(url("item", production, item_id=item.pk), _item_data(sha256="a" * 64))
    client.post(url("item", production, item_id=item.pk), _item_data(sha256="a" * 64))
    item.refresh_from_db()
    assert item.file_sha256 == "a" * 64 and item.due == date(2027, 9, 15)
    assert item.history.count() == history + 2  # saved, values unchanged


def test_pages_and_exports_answer(member_client: Any, production: Any, target: Destination) -> None:
    RegisterItem.objects.create(destination=target, kind="sme", label="SME")
    client = member_client("producer")
    for name, kwargs in (
        ("index", {}),
        ("destination", {"destination_id": target.pk}),
        ("marketing", {}),
        ("report", {}),
    ):
        assert client.get(url(name, production, **kwargs)).status_code == 200, name
    note = client.get(url("delivery_note", production, destination_id=target.pk))
    assert note.content.startswith(b"%PDF-")
    for fmt in ("pdf", "xlsx"):
        assert client.get(url("report_export", production, fmt=fmt)).status_code == 200
    assert client.get(url("report_export", production, fmt="doc")).status_code == 404


def test_a_closed_production_is_read_only_but_exportable_and_can_be_reopened(
    member_client: Any, production: Any
) -> None:
    producer = member_client("producer")
    assert producer.post(url("close", production)).status_code == 302
    assert ClosingFile.objects.get().closed_at is not None
    people = reverse("productions:person_create", kwargs={"production_id": production.pk})
    refused = producer.post(people, {"first_name": "A", "last_name": "B", "kind": "crew"})
    assert refused.status_code == 403
    assert not Person.objects.exists()
    assert producer.get(url("report", production)).status_code == 200
    exports = reverse("productions:exports", kwargs={"production_id": production.pk})
    assert producer.post(exports).status_code == 302  # still exportable
    closed = "Cette production est close : en lecture seule, toujours exportable."
    assert closed in producer.get(url("index", production)).content.decode()
    assert producer.post(url("close", production)).status_code == 302  # reopen
    assert ClosingFile.objects.get().closed_at is None
    assert (
        producer.post(people, {"first_name": "A", "last_name": "B", "kind": "crew"}).status_code
        == 302
    )


def test_the_closing_file_saved_unchanged_changes_nothing_and_records_measures(
    member_client: Any, production: Any
) -> None:
    from tournage.web.carbon.models import Scenario

    Scenario.objects.create(
        production=production, name="Train", levers={"train_instead_of_plane": {}}
    )
    client = member_client("producer")
    page = client.get(url("report", production)).content.decode()
    measure = html.unescape(page.split('name="levers_applied" value="')[1].split('"')[0])
    data = {
        "completion_date": "2027-06-30",
        "auditor": "Cabinet",
        "levers_applied": [measure],
        "ecoprod_mandatory_met": "unknown",
        "conservation": "LTO",
    }
    for _ in range(2):
        assert client.post(url("report", production), data).status_code == 302
    record = ClosingFile.objects.get()
    assert record.levers_applied == [measure] and record.completion_date == date(2027, 6, 30)
    assert record.history.count() == 2
    first, second = record.history.all()[1], record.history.all()[0]
    assert second.diff_against(first).changes == []
    report = client.get(url("report", production)).content.decode()
    assert '<span class="badge-ok">appliquée</span>' in report


def test_the_legal_section_and_the_credits_read_the_rights_register(
    member_client: Any, production: Any
) -> None:
    from tournage.web.closing.api import closing_report

    legal = closing_report(production)["legal"]
    assert legal["rights_available"] is True and legal["rights"] == []
    assert legal["author_statements_due"] == []
    page = member_client("producer").get(url("marketing", production)).content.decode()
    assert '<h2 id="credits">Générique</h2>' in page


@pytest.mark.parametrize(
    ("name", "field", "value"),
    [("item", "acceptance_duration_s", "-1"), ("report", "ecoprod_score", "120")],
)
def test_numbers_outside_their_domain_are_refused(
    member_client: Any, production: Any, target: Destination, name: str, field: str, value: str
) -> None:
    item = RegisterItem.objects.create(destination=target, kind="pad", label="PAD")
    kwargs = {"item_id": item.pk} if name == "item" else {}
    data = _item_data() if name == "item" else {"ecoprod_mandatory_met": "unknown"}
    response = member_client("producer").post(
        url(name, production, **kwargs), {**data, field: value}
    )
    assert response.status_code == 200  # the form again, with its error
    item.refresh_from_db()
    assert (
        item.acceptance_duration_s is None
        and not ClosingFile.objects.filter(ecoprod_score__isnull=False).exists()
    )
