"""Messages shown to users never carry the server folder of a file (probe: a QC error
showed the server's temporary path)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tournage.accessibility.errors import SubtitleFormatError
from tournage.accessibility.media import scan_programme
from tournage.common.errors import DomainError, reason
from tournage.delivery.errors import DeliveryError
from tournage.delivery.media import open_media


def _garbage(folder: Path) -> Path:
    path = folder / "master.mov"
    path.write_bytes(b"not a movie " * 100)
    return path


@pytest.mark.parametrize(
    ("read", "error_type"),
    [(open_media, DeliveryError), (scan_programme, SubtitleFormatError)],
)
def test_an_unreadable_master_is_named_without_its_folder(
    tmp_path: Path, read: Any, error_type: type[DomainError]
) -> None:
    with pytest.raises(error_type) as caught:
        read(_garbage(tmp_path))
    assert str(tmp_path) not in caught.value.message
    assert "master.mov" in caught.value.message


def test_a_missing_master_is_named_without_its_folder(tmp_path: Path) -> None:
    with pytest.raises(DeliveryError) as caught:
        open_media(tmp_path / "gone.mxf")
    assert caught.value.message == "Fichier introuvable : gone.mxf"


def test_reason_drops_the_file_name_of_os_errors(tmp_path: Path) -> None:
    with pytest.raises(OSError) as caught:
        (tmp_path / "nothing").read_bytes()
    assert reason(caught.value) == "No such file or directory"
    assert reason(ValueError("plain")) == "plain"


@pytest.mark.django_db
def test_a_failed_archive_export_shows_no_server_folder(
    production: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tournage.web.productions import tasks
    from tournage.web.productions.models import ArchiveExport

    def disk_full(*args: Any) -> None:
        raise OSError(28, "No space left on device", "/srv/tournage/media/exports/x.zip")

    monkeypatch.setattr(tasks, "export_production", disk_full)
    export = ArchiveExport.objects.create(production=production)
    with pytest.raises(OSError):
        tasks.export_production_archive.call(export.pk)
    export.refresh_from_db()
    assert export.error == "Erreur inattendue pendant l'export : demandez-le à nouveau."
