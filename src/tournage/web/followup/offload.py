"""Card offloads: hash a card folder and its backup copies on the server (a background
task, see ``tasks``), then record the card's checksum and each copy's verification."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tournage.followup.backups import compare, folder_size, manifest, manifest_digest
from tournage.followup.errors import FollowupError
from tournage.web.productions.models import Production

from .models import BackupCopy, MediaCard, Offload, OffloadStatus

PROGRESS_STEP = 0.02  # write progress to the database every 2 %
LISTED = 50  # file names kept per kind of difference (the counts are all kept)


def rushes_root() -> Path | None:
    """Server folder of cards and copies the web page may hash (``TOURNAGE_RUSHES_ROOT``)."""
    folder = getattr(settings, "TOURNAGE_RUSHES_ROOT", None)
    return Path(folder).resolve() if folder else None


def shown(paths: Sequence[str]) -> list[str]:
    """The folders of an offload as the page names them: relative to the rushes root, else
    by their shortest distinct ending (folders typed on the command line: the server's
    layout is not shown, and two copies named alike stay two copies)."""
    root = rushes_root()
    folders = [Path(p) for p in paths]
    if root is not None and all(f.is_relative_to(root) for f in folders):
        return [f.relative_to(root).as_posix() or "." for f in folders]
    longest = max((len(f.parts) for f in folders), default=0)
    for depth in range(1, longest + 1):
        names = ["/".join(f.parts[-depth:]) for f in folders]
        if len(set(names)) == len(names):
            return names
    return [str(f) for f in folders]


def create(
    production: Production,
    label: str,
    source: Path,
    copies: Sequence[Path],
    algorithm: str,
    shot_on: date | None = None,
    user: Any = None,
) -> Offload:
    return Offload.objects.create(
        production=production,
        label=label,
        shot_on=shot_on,
        source_path=str(source),
        copy_paths=[str(c) for c in copies],
        algorithm=algorithm,
        requested_by=user,
    )


def _progress_writer(offload: Offload, total: int) -> Callable[[int], None]:
    done, written = [0], [0.0]

    def advance(read: int) -> None:
        done[0] += read
        fraction = done[0] / total if total else 1.0
        if fraction - written[0] >= PROGRESS_STEP:
            written[0] = fraction
            Offload.objects.filter(pk=offload.pk).update(progress=round(fraction, 3))

    return advance


def execute(offload: Offload) -> Offload:
    """Hash the card and every copy (read only), then record the outcome."""
    Offload.objects.filter(pk=offload.pk).update(status=OffloadStatus.RUNNING, progress=0.0)
    folders = [Path(offload.source_path), *(Path(p) for p in offload.copy_paths)]
    try:
        advance = _progress_writer(offload, sum(folder_size(f) for f in folders))
        card, *copies = (manifest(f, offload.algorithm, advance) for f in folders)
    except FollowupError as error:
        return _failed(offload, error.message)
    except OSError:  # a card pulled out, a copy unreadable: its text may name server folders
        return _failed(offload, "Lecture impossible d'un fichier de la carte ou d'une copie.")
    except Exception:  # a bug: shown on the page, the task fails loudly
        _failed(offload, "Erreur inattendue pendant le calcul des empreintes.")
        raise
    _record(offload, card, copies)
    return offload


def _failed(offload: Offload, message: str) -> Offload:
    offload.status, offload.error = OffloadStatus.ERROR, message
    offload.save(update_fields=["status", "error"])
    return offload


@transaction.atomic
def _record(offload: Offload, card: dict[str, str], copies: list[dict[str, str]]) -> None:
    algorithm = offload.algorithm
    checksum = manifest_digest(card, algorithm)
    row = MediaCard.objects.filter(production=offload.production, label=offload.label).first()
    row = row or MediaCard(production=offload.production, label=offload.label)
    row.checksum, row.algorithm = checksum, algorithm
    row.shot_on = offload.shot_on or row.shot_on
    row.save()
    outcome = []
    names = shown([offload.source_path, *offload.copy_paths])[1:]
    for name, files in zip(names, copies, strict=True):
        check = compare(card, files)
        copy_sum = manifest_digest(files, algorithm)
        BackupCopy.objects.update_or_create(
            card=row,
            destination=name[-200:],
            defaults={
                "checksum": copy_sum,
                "verified": check.verified,
                "verified_on": timezone.localdate(),
            },
        )
        outcome.append(
            {
                "destination": name,
                "checksum": copy_sum,
                "verified": check.verified,
                **{
                    kind: {"count": len(names), "names": list(names[:LISTED])}
                    for kind, names in (
                        ("missing", check.missing),
                        ("extra", check.extra),
                        ("different", check.different),
                    )
                },
            }
        )
    offload.card = row
    offload.result = {"checksum": checksum, "files": card, "copies": outcome}
    offload.status, offload.progress, offload.error = OffloadStatus.DONE, 1.0, ""
    offload.save()
