"""Uploading a master: QC runs, the file stays untouched, bad files store nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from delivery_web_helpers import url
from django.core.files.uploadedfile import SimpleUploadedFile

from tournage.web.delivery.models import Finding, QCRun

pytestmark = pytest.mark.django_db


def test_upload_runs_qc_and_keeps_the_file_untouched(
    member_client, production, deliverable, master_bytes, django_capture_on_commit_callbacks
) -> None:
    client = member_client("production_manager")
    upload = SimpleUploadedFile("master.mxf", master_bytes)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("deliverable", production, deliverable_id=deliverable.pk), {"master": upload}
        )
    assert response.status_code == 302
    run = QCRun.objects.get()
    assert run.status == "done" and run.verdict == "fail" and run.progress == 1.0
    assert run.sha256 == hashlib.sha256(master_bytes).hexdigest()
    assert Path(run.media.path).read_bytes() == master_bytes
    assert Finding.objects.filter(qc_run=run, check_id="video_bit_rate", status="fail").exists()
    page = client.get(url("run", production, run_id=run.pk)).content.decode()
    assert "<svg" in page and "Débit vidéo" in page
    pdf = client.get(url("run_report", production, run_id=run.pk, fmt="pdf"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert (
        client.get(url("run_report", production, run_id=run.pk, fmt="json")).json()["verdict"]
        == "fail"
    )
    assert client.get(url("run_report", production, run_id=run.pk, fmt="exe")).status_code == 404


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.mxf", b"not a master at all" * 10),
        ("master.exe", b"MZ\x90\x00"),
        ("empty.wav", b""),
    ],
)
def test_bad_uploads_store_nothing(
    member_client, production, deliverable, name: str, content: bytes, settings
) -> None:
    client = member_client("producer")
    upload = SimpleUploadedFile(name, content)
    response = client.post(
        url("deliverable", production, deliverable_id=deliverable.pk), {"master": upload}
    )
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert not QCRun.objects.exists()
    assert not (Path(settings.MEDIA_ROOT) / "delivery").exists()


def test_upload_size_limit(member_client, production, deliverable, master_bytes, settings) -> None:
    settings.TOURNAGE_MAX_MEDIA_UPLOAD = 100
    upload = SimpleUploadedFile("master.mxf", master_bytes)
    response = member_client("producer").post(
        url("deliverable", production, deliverable_id=deliverable.pk), {"master": upload}
    )
    assert response.status_code == 200 and not QCRun.objects.exists()


def test_a_master_that_became_unreadable_ends_in_error(
    production, deliverable, master_bytes
) -> None:
    from django.core.files.base import ContentFile

    from tournage.web.delivery.runner import execute

    run = QCRun(deliverable=deliverable, source_name="m.mxf", size_bytes=10)
    run.media.save("m.mxf", ContentFile(b"garbage" * 10), save=True)
    execute(run)
    run.refresh_from_db()
    assert run.status == "error" and "lisible" in run.error and run.report is None
