"""The deliverables page: listing, adding, deleting, who may act."""

from __future__ import annotations

import pytest
from delivery_web_helpers import url
from django.core.files.uploadedfile import SimpleUploadedFile

from tournage.web.delivery.models import Deliverable, QCRun

pytestmark = pytest.mark.django_db


def test_index_lists_deliverables_and_a_producer_adds_one(
    member_client, production, deliverable
) -> None:
    client = member_client("producer")
    page = client.get(url("index", production)).content.decode()
    assert "PAD France 2" in page and "Déclarer un livrable" in page  # French catalogue
    response = client.post(
        url("index", production),
        {
            "name": "DCP festival",
            "kind": "festival",
            "profile": "dcp",
            "duration_tolerance_s": "0",
            "tracks": "",
        },
    )
    assert response.status_code == 302
    assert Deliverable.objects.filter(production=production, profile="dcp").exists()


def test_bad_tracks_value_is_refused(member_client, production) -> None:
    response = member_client("producer").post(
        url("index", production),
        {
            "name": "x",
            "kind": "web",
            "profile": "youtube",
            "duration_tolerance_s": "0",
            "tracks": "1;rm",
        },
    )
    assert response.status_code == 200 and not Deliverable.objects.exists()


def test_crew_reads_but_cannot_upload(member_client, production, deliverable, master_bytes) -> None:
    client = member_client("crew")
    assert (
        client.get(url("deliverable", production, deliverable_id=deliverable.pk)).status_code == 200
    )
    upload = SimpleUploadedFile("m.mxf", master_bytes)
    response = client.post(
        url("deliverable", production, deliverable_id=deliverable.pk), {"master": upload}
    )
    assert response.status_code == 403 and not QCRun.objects.exists()


def test_other_production_sees_nothing(
    member_client, production, other_production, deliverable
) -> None:
    client = member_client("producer", on=other_production)
    assert (
        client.get(url("deliverable", other_production, deliverable_id=deliverable.pk)).status_code
        == 404
    )
    assert (
        client.get(url("deliverable", production, deliverable_id=deliverable.pk)).status_code == 404
    )


def test_delete_deliverable(member_client, production, deliverable) -> None:
    response = member_client("producer").post(
        url("deliverable_delete", production, deliverable_id=deliverable.pk)
    )
    assert response.status_code == 302 and not Deliverable.objects.exists()
