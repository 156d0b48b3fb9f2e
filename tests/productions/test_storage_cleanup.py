"""Files go with their rows, and `tournage cleanup` removes what nothing points to."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from tournage.web.delivery.models import Deliverable, QCRun
from tournage.web.productions.storage_cleanup import orphans, remove

pytestmark = pytest.mark.django_db


@pytest.fixture
def deliverable(production: Any) -> Deliverable:
    return Deliverable.objects.create(
        production=production, name="PAD", kind="broadcast", profile="pad-hd-fr"
    )


def _master(deliverable: Deliverable) -> QCRun:
    run = QCRun(deliverable=deliverable, source_name="m.mxf")
    run.media.save("m.mxf", ContentFile(b"master"), save=False)
    run.save()
    return run


def test_deleting_a_deliverable_deletes_its_masters(
    deliverable: Deliverable,
    member_client: Any,
    settings: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    path = Path(_master(deliverable).media.path)
    url = reverse(
        "delivery:deliverable_delete",
        kwargs={"production_id": deliverable.production_id, "deliverable_id": deliverable.pk},
    )
    with django_capture_on_commit_callbacks(execute=True):
        member_client("producer").post(url)
    assert not path.exists()


def test_a_file_another_row_still_uses_is_kept(
    deliverable: Deliverable, django_capture_on_commit_callbacks: Any
) -> None:
    first = _master(deliverable)
    second = QCRun.objects.create(deliverable=deliverable, source_name="b", media=first.media.name)
    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    assert Path(second.media.path).exists()


def _age(path: Path, hours: float) -> None:
    past = time.time() - hours * 3600
    os.utime(path, (past, past))


def test_cleanup_removes_old_orphans_only(deliverable: Deliverable, settings: Any) -> None:
    kept = Path(_master(deliverable).media.path)
    root = Path(settings.MEDIA_ROOT)
    old = root / "budget" / "imports" / "abandonne.csv"
    recent = root / "imports-en-cours" / "x.zip"
    for path in (old, recent):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"12345")
    for path in (old, kept):
        _age(path, 48)
    found = orphans(older_than_hours=24)
    assert [(o.name, o.size) for o in found] == [("budget/imports/abandonne.csv", 5)]
    remove(found)
    assert (old.exists(), old.parent.exists(), recent.exists(), kept.exists()) == (
        False,
        False,
        True,
        True,
    )
