"""Helpers shared by the web tests of this folder (pages, uploads)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from .media_synth import tone_bursts, write_programme


def _url(name, production, **kwargs):
    return reverse(f"accessibility:{name}", kwargs={"production_id": production.pk, **kwargs})


def _upload(client, production, name, data, **fields):
    payload = {"file": SimpleUploadedFile(name, data), "kind": "captions", "rules": "fr-csa-2011"}
    payload.update(fields)
    return client.post(_url("index", production), payload)


def _master(deliverable, tmp_path):
    from django.core.files import File

    from tournage.web.delivery.models import QCRun

    path = write_programme(tmp_path / "master.mkv", 3.0, 1.5, tone_bursts(3.0, [(0.5, 2.5)], 0.3))
    run = QCRun(deliverable=deliverable, source_name=path.name, status="done")
    with path.open("rb") as handle:
        run.media.save(path.name, File(handle), save=True)
