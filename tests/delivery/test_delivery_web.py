"""Deliverables pages: roles, upload validation, background QC, report, demo step."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tournage.delivery.synth import write_master
from tournage.web.delivery.demo import load_demo_delivery
from tournage.web.delivery.models import Deliverable, Finding, QCRun

pytestmark = pytest.mark.django_db


@pytest.fixture
def deliverable(production) -> Deliverable:
    return Deliverable.objects.create(
        production=production,
        name="PAD France 2",
        kind="broadcast",
        profile="pad-hd-fr",
        target_duration_s=1.0,
    )


@pytest.fixture
def master_bytes(tmp_path: Path) -> bytes:
    path = tmp_path / "master.mxf"
    write_master(path, duration_s=1.0, tracks=2, container_format="mxf")
    return path.read_bytes()


def url(name: str, production, **kwargs) -> str:
    return reverse(f"delivery:{name}", kwargs={"production_id": production.pk, **kwargs})


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
    assert "<svg" in page and "video_bit_rate" in page
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


def test_delete_deliverable(member_client, production, deliverable) -> None:
    response = member_client("producer").post(
        url("deliverable_delete", production, deliverable_id=deliverable.pk)
    )
    assert response.status_code == 302 and not Deliverable.objects.exists()


def test_demo_step_is_idempotent_and_the_dashboard_shows_the_verdict(
    member_client, production
) -> None:
    production.channels = ["fr_pad_hd_file", "dcp_cinema", "not_a_channel"]
    production.save()
    load_demo_delivery(production)
    load_demo_delivery(production)
    assert sorted(Deliverable.objects.values_list("profile", flat=True)) == ["dcp", "pad-hd-fr"]
    assert QCRun.objects.filter(status="done").count() == 2
    dashboard = member_client("crew").get(
        reverse("productions:dashboard", kwargs={"production_id": production.pk})
    )
    assert "Non conforme" in dashboard.content.decode()  # French is the default language


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


def test_master_checked_in_place_from_the_qc_inbox(
    member_client,
    production,
    deliverable,
    tmp_path: Path,
    settings,
    django_capture_on_commit_callbacks,
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_master(inbox / "pad.mxf", duration_s=1.0, tracks=2, container_format="mxf")
    (tmp_path / "secret.mxf").write_bytes((inbox / "pad.mxf").read_bytes())
    before = (inbox / "pad.mxf").read_bytes()
    settings.TOURNAGE_QC_INBOX = str(inbox)
    client = member_client("producer")
    page = url("deliverable", production, deliverable_id=deliverable.pk)
    assert "Contrôler sur place" in client.get(page).content.decode()
    for escape in ("../secret.mxf", "/etc/passwd", "missing.mxf"):
        assert client.post(page, {"inbox-path": escape}).status_code == 200
    assert not QCRun.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(page, {"inbox-path": "pad.mxf"}).status_code == 302
    run = QCRun.objects.get()
    assert run.status == "done" and not run.media and run.source_path == str(inbox / "pad.mxf")
    assert (inbox / "pad.mxf").read_bytes() == before
    assert run.sha256 == hashlib.sha256(before).hexdigest()


def test_inbox_form_is_hidden_and_refused_without_the_setting(
    member_client, production, deliverable
) -> None:
    client = member_client("producer")
    page = url("deliverable", production, deliverable_id=deliverable.pk)
    assert "inbox-path" not in client.get(page).content.decode()
    assert client.post(page, {"inbox-path": "pad.mxf"}).status_code == 200
    assert not QCRun.objects.exists()
