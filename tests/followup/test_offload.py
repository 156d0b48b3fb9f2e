"""Card offloads: every file of the card and of each copy hashed (streamed), copies
verified file by file; the page queues the hashing as a background task with a progress
endpoint and recovery; the command line does the same at once; rushes_backed_up reads it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from referential.test_cli import cli
from tournage.followup import backups
from tournage.followup.backups import (
    available_algorithms,
    check_distinct,
    compare,
    file_digest,
    folder_checksum,
    manifest,
)
from tournage.followup.errors import FollowupError

CLIP = b"\x00image" * 1000


def _card(root: Path, name: str, **changes: bytes) -> Path:
    folder = root / name
    (folder / "CLIPS").mkdir(parents=True)
    files = {"CLIPS/A001C001.mov": CLIP, "CLIPS/A001C002.mov": b"son", "A001.xml": b"<x/>"}
    for relative, content in {**files, **changes}.items():
        (folder / relative).write_bytes(content)
    return folder


def test_a_file_is_hashed_in_bounded_pieces(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(backups, "CHUNK", 1024)
    path = tmp_path / "clip.mov"
    path.write_bytes(CLIP)
    pieces: list[int] = []
    digest = file_digest(path, "sha256", pieces.append)
    assert max(pieces) == 1024 and sum(pieces) == len(CLIP)
    import hashlib

    assert digest == hashlib.sha256(CLIP).hexdigest()


def test_copies_are_compared_file_by_file(tmp_path: Path) -> None:
    card = manifest(_card(tmp_path, "card"), "sha256")
    same = manifest(_card(tmp_path, "ssd"), "sha256")
    changed = _card(tmp_path, "nas", **{"CLIPS/A001C002.mov": b"sob", "extra.txt": b"x"})
    (changed / "A001.xml").unlink()
    assert compare(card, same).verified
    check = compare(card, manifest(changed, "sha256"))
    assert (check.missing, check.extra, check.different) == (
        ("A001.xml",),
        ("extra.txt",),
        ("CLIPS/A001C002.mov",),
    )
    assert not check.verified
    assert folder_checksum(tmp_path / "card") == folder_checksum(tmp_path / "ssd")
    assert folder_checksum(tmp_path / "card") != folder_checksum(changed)


def test_xxhash_is_offered_only_with_its_wheel_and_unknown_names_are_refused(
    tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr(backups, "_xxhash", lambda name: None)
    assert "sha256" in available_algorithms() and "xxh128" not in available_algorithms()
    with pytest.raises(FollowupError, match="indisponible"):
        folder_checksum(_card(tmp_path, "c"), "xxh128")
    with pytest.raises(FollowupError, match="inconnu"):
        folder_checksum(tmp_path / "c", "rot13")


def test_a_copy_inside_the_card_or_twice_the_same_folder_is_refused(tmp_path: Path) -> None:
    card = _card(tmp_path, "card")
    with pytest.raises(FollowupError):
        check_distinct([card, card / "CLIPS"])
    with pytest.raises(FollowupError):
        check_distinct([card, tmp_path / "ssd", tmp_path / "ssd"])
    check_distinct([card, tmp_path / "ssd", tmp_path / "nas"])


@pytest.fixture
def rushes(tmp_path: Path, settings: Any) -> Path:
    settings.TOURNAGE_RUSHES_ROOT = str(tmp_path)
    _card(tmp_path, "J1/A001")
    _card(tmp_path, "SSD1/A001")
    _card(tmp_path, "NAS/A001", **{"CLIPS/A001C001.mov": b"truncated"})
    return tmp_path


def _url(production: Any, tail: str = "") -> str:
    return f"/p/{production.pk}/followup/offloads/{tail}"


FORM = {"label": "A001", "source": "J1/A001", "copies": "SSD1/A001\nNAS/A001"}


@pytest.mark.django_db
def test_the_page_hashes_the_offload_and_feeds_rushes_backed_up(
    production: Any, member_client: Any, rushes: Path, django_capture_on_commit_callbacks: Any
) -> None:
    from tournage.referential.registry import Status
    from tournage.web.followup.checks import rushes_backed_up
    from tournage.web.followup.models import MediaCard, Offload

    manager = member_client("production_manager")
    with django_capture_on_commit_callbacks(execute=True):
        response = manager.post(_url(production), {**FORM, "algorithm": "sha256"})
    offload = Offload.objects.get()
    assert response.status_code == 302 and offload.status == "done"  # immediate backend
    card = MediaCard.objects.get()
    assert card.checksum == folder_checksum(rushes / "J1/A001")
    copies = {c.destination: c.verified for c in card.copies.all()}
    assert copies == {"SSD1/A001": True, "NAS/A001": False}
    assert rushes_backed_up(production).status is Status.NOT_MET
    page = manager.get(_url(production, f"{offload.pk}/")).content.decode()
    assert "CLIPS/A001C001.mov" in page and str(rushes) not in page  # no server layout
    (rushes / "NAS/A001/CLIPS/A001C001.mov").write_bytes(CLIP)  # copied again
    with django_capture_on_commit_callbacks(execute=True):
        manager.post(_url(production), {**FORM, "algorithm": "sha256"})
    assert all(c.verified for c in MediaCard.objects.get().copies.all())
    assert rushes_backed_up(production).status is Status.MET


@pytest.mark.django_db
def test_folders_outside_the_rushes_root_or_nested_are_refused(
    production: Any, member_client: Any, rushes: Path
) -> None:
    from tournage.web.followup.models import Offload

    manager = member_client("production_manager")
    for copies in ("../../etc", "J1/A001/CLIPS", "ABSENT"):
        page = manager.post(_url(production), {**FORM, "copies": copies, "algorithm": "sha256"})
        assert page.status_code == 200
    assert not Offload.objects.exists()
    assert member_client("crew").post(_url(production), FORM).status_code == 403


@pytest.mark.django_db(transaction=True)
def test_the_task_is_followed_lost_and_run_again(
    production: Any, member_client: Any, rushes: Path, settings: Any
) -> None:
    from django.core.management import call_command
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from tournage.web.followup.models import Offload
    from tournage.web.productions.task_recovery import recover_lost_tasks

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    manager = member_client("production_manager")
    manager.post(_url(production), {**FORM, "algorithm": "sha256"})
    offload = Offload.objects.get()
    progress = _url(production, f"{offload.pk}/progress/")
    assert manager.get(progress).json()["state"] == "waiting"
    assert "data-task-progress" in manager.get(_url(production, f"{offload.pk}/")).content.decode()
    row = DBTaskResult.objects.get()
    row.status, row.worker_ids = TaskResultStatus.RUNNING, ["dead"]
    row.save()
    Offload.objects.filter(pk=offload.pk).update(status="running", progress=0.4)
    assert manager.get(progress).json()["fraction"] == 0.4  # the bytes hashed
    assert recover_lost_tasks() == 1
    offload.refresh_from_db()
    assert offload.status == "error" and offload.error.startswith("Calcul interrompu")
    assert manager.post(_url(production, f"{offload.pk}/retry/")).status_code == 302
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    offload.refresh_from_db()
    assert offload.status == "done" and offload.result["copies"][0]["verified"]


@pytest.mark.django_db
def test_the_command_line_hashes_at_once(
    production: Any, rushes: Path, capsys: Any, settings: Any
) -> None:
    from tournage.web.followup.models import MediaCard

    settings.TOURNAGE_RUSHES_ROOT = None  # the command line reads any folder

    folders = [str(rushes / "J1/A001"), str(rushes / "SSD1/A001"), str(rushes / "NAS/A001")]
    assert cli("--json", "takes", "offload", str(production.pk), *folders, "--card", "A001") == 0
    document = json.loads(capsys.readouterr().out)
    assert document["files"] == 3 and [c["verified"] for c in document["copies"]] == [True, False]
    assert document["copies"][1]["different"]["names"] == ["CLIPS/A001C001.mov"]
    assert MediaCard.objects.get().checksum == document["checksum"]
    # two copies named alike (A001) stay two copies, named by their distinct endings
    copies = {c.destination for c in MediaCard.objects.get().copies.all()}
    assert copies == {"SSD1/A001", "NAS/A001"} and str(rushes) not in str(document)
    missing = [str(rushes / "none"), folders[1]]
    assert cli("takes", "offload", str(production.pk), *missing, "--card", "A002") == 1
    assert "introuvable" in capsys.readouterr().err
    assert MediaCard.objects.count() == 1
