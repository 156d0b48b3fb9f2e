"""Rights pages: what each role sees and may change, uploads, cue sheet import and export,
the public api."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tournage.web.rights import api, services
from tournage.web.rights.models import AuthorContract, Clearance, Cue, EditImport, Permit

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EDL = b"""TITLE: ESSAI
FCM: NON-DROP FRAME

001  MUS01    A     C        00:00:00:00 00:00:10:00 01:00:00:00 01:00:10:00
* FROM CLIP NAME: =cmd|' /C calc'!A0
"""


def url(production: Any, name: str, **kwargs: Any) -> str:
    return reverse(f"rights:{name}", kwargs={"production_id": production.pk, **kwargs})


def _clearance_post(**fields: Any) -> dict[str, Any]:
    values = {
        "type": "music_work_sync",
        "subject": "Valse",
        "status": "granted",
        "channels": ["dcp_cinema"],
        "territories": "WORLD",
        "scenes": "1, 2",
    }
    values.update(fields)
    return values


def test_every_page_opens_for_the_producer(production: Any, member_client: Any) -> None:
    client = member_client("producer")
    services.import_edit(production, EDL, "essai.edl")
    for name in (
        "index",
        "clearances",
        "authors",
        "permits",
        "release",
        "cuesheet",
        "clearance_create",
        "author_create",
        "permit_create",
        "plan_edit",
    ):
        response = client.get(url(production, name))
        assert response.status_code == 200, name
    dashboard = client.get(reverse("productions:dashboard", args=[production.pk]))
    assert "Droits et autorisations" in dashboard.content.decode()


def test_a_clearance_with_its_grant_document(production: Any, member_client: Any) -> None:
    client = member_client("producer")
    document = SimpleUploadedFile("licence.pdf", PDF, content_type="application/pdf")
    response = client.post(url(production, "clearance_create"), _clearance_post(document=document))
    assert response.status_code == 302
    item = Clearance.objects.get()
    assert item.scenes == ["1", "2"] and item.document.read() == PDF
    download = client.get(url(production, "file", kind="clearance", object_id=item.pk))
    assert b"".join(download.streaming_content) == PDF


def test_a_hostile_document_is_refused_and_nothing_is_stored(
    production: Any, member_client: Any
) -> None:
    client = member_client("producer")
    fake = SimpleUploadedFile("licence.pdf", b"<script>alert(1)</script>")
    response = client.post(url(production, "clearance_create"), _clearance_post(document=fake))
    assert response.status_code == 200
    assert "ne correspond pas" in response.content.decode()
    assert not Clearance.objects.exists()


def test_crew_reads_the_register_but_changes_nothing(production: Any, member_client: Any) -> None:
    crew = member_client("crew")
    assert crew.get(url(production, "clearances")).status_code == 200
    assert crew.post(url(production, "clearance_create"), _clearance_post()).status_code == 403
    assert not Clearance.objects.exists()


def test_crew_reads_only_their_own_author_contract(
    production: Any, member_client: Any, make_person: Any
) -> None:
    from tournage.web.productions.models import Membership

    mine = make_person(production, functions="scénariste")
    other = AuthorContract.objects.create(production=production, author="Autre", role="director")
    own = AuthorContract.objects.create(
        production=production, person=mine, author="Moi", role="screenplay"
    )
    crew = member_client("crew")
    Membership.objects.filter(user=crew.user).update(person=mine)
    page = crew.get(url(production, "authors")).content.decode()
    assert "Moi" in page and "Autre" not in page
    assert crew.get(url(production, "author_edit", author_contract_id=other.pk)).status_code == 404
    assert crew.get(url(production, "author_edit", author_contract_id=own.pk)).status_code == 200
    assert member_client("eco_referent").get(url(production, "authors")).status_code == 403


def test_author_contract_with_its_rights(production: Any, member_client: Any) -> None:
    client = member_client("producer")
    data = {
        "author": "Ana Lopez",
        "role": "screenplay",
        "signed_on": "2026-10-01",
        "rights-TOTAL_FORMS": "1",
        "rights-INITIAL_FORMS": "0",
        "rights-0-right": "reproduction",
        "rights-0-mode": "TV",
        "rights-0-territory": "",
        "rights-0-duration": "30 ans",
        "rights-0-remuneration": "proportional",
    }
    response = client.post(url(production, "author_create"), data)
    assert response.status_code == 302
    contract = AuthorContract.objects.get()
    assert contract.rights.get().right == "reproduction"
    page = client.get(response["Location"]).content.decode()
    assert "territoire" in page  # the missing L131-3 field is named


def test_cue_sheet_import_rebuild_and_exports(production: Any, member_client: Any) -> None:
    client = member_client("producer")
    upload = SimpleUploadedFile("montage.edl", EDL)
    response = client.post(url(production, "cuesheet_import"), {"file": upload, "rate": "25"})
    assert response.status_code == 302
    assert Cue.objects.count() == 1
    csv_text = client.get(url(production, "cuesheet_export", fmt="csv")).content.decode("utf-8-sig")
    assert "'=cmd" in csv_text  # the clip name stays text in a spreadsheet
    assert client.get(url(production, "cuesheet_export", fmt="xlsx")).content.startswith(b"PK")
    assert client.get(url(production, "cuesheet_export", fmt="pdf")).content.startswith(b"%PDF")
    assert client.get(url(production, "cuesheet_export", fmt="exe")).status_code == 404


def test_a_bad_edit_upload_shows_a_message_and_stores_nothing(
    production: Any, member_client: Any
) -> None:
    client = member_client("producer")
    for name, content in (("x.edl", b"\x00\xff" * 50), ("x.mov", b"data"), ("x.edl", b"")):
        response = client.post(
            url(production, "cuesheet_import"),
            {"file": SimpleUploadedFile(name, content)},
            follow=True,
        )
        assert response.status_code == 200
        assert response.context["messages"]
    assert not EditImport.objects.exists()


def test_the_api_for_closing_and_followup(production: Any, make_location: Any) -> None:
    today = services.today()
    Clearance.objects.create(
        production=production,
        type="archive_footage",
        subject="INA",
        status="granted",
        ends=today + timedelta(days=10),
    )
    Clearance.objects.create(
        production=production,
        type="archive_footage",
        subject="ECPAD",
        status="granted",
        ends=today + timedelta(days=900),
    )
    assert [e.subject for e in api.expiring_rights(production)] == ["INA"]
    assert len(api.register(production)) == 2
    AuthorContract.objects.create(
        production=production, author="Ana", role="screenplay", signed_on=date(2026, 1, 1)
    )
    (due,) = api.author_statements_due(production)
    assert due.author == "Ana" and due.due is None
    assert [c.role_label for c in api.credits(production)] == ["Auteur du scénario"]
    Permit.objects.create(
        production=production, location=make_location(production), authority="mairie"
    )
    assert api.days_without_permit(production) == {}  # no plan de travail yet


def test_the_stripboard_flags_days_without_a_granted_permit(
    scheduled: Any, make_location: Any, member_client: Any
) -> None:
    production = scheduled.production
    kitchen = make_location(production, name="Cuisine", sets=["CUISINE"])
    make_location(production, name="Jardin", sets=["JARDIN"])
    Permit.objects.create(
        production=production,
        location=kitchen,
        authority="private_owner",
        status="granted",
        granted_on=date(2026, 1, 2),
    )
    board = (
        member_client("crew")
        .get(reverse("scheduling:board", args=[production.pk, scheduled.pk]))
        .content.decode()
    )
    assert "Sans autorisation accordée : Jardin" in board
    assert "Sans autorisation accordée : Cuisine" not in board


def test_the_author_contract_is_written_for_the_contracts_area(
    production: Any, member_client: Any
) -> None:
    contract = AuthorContract.objects.create(production=production, author="Ana", role="director")
    link = url(production, "author_document", author_contract_id=contract.pk, fmt="docx")
    assert member_client("producer").get(link).content.startswith(b"PK")
    pdf = url(production, "author_document", author_contract_id=contract.pk, fmt="pdf")
    assert member_client("accountant").get(pdf).content.startswith(b"%PDF")
    assert member_client("eco_referent").get(link).status_code == 403
    odt = url(production, "author_document", author_contract_id=contract.pk, fmt="odt")
    assert member_client("producer").get(odt).status_code == 404
