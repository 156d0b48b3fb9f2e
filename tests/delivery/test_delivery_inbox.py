"""Checking a master in place from the server's QC inbox."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from delivery_web_helpers import url

from tournage.delivery.synth import write_master
from tournage.web.delivery.models import QCRun

pytestmark = pytest.mark.django_db


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
