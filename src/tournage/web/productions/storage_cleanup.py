"""Uploaded files live as long as their rows: deleting a row deletes its files (once the
transaction commits, and only if no other row points to them), and ``tournage cleanup``
removes what a killed process or an abandoned upload left in the storage."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models.signals import post_delete


def _file_fields() -> Iterator[tuple[type[models.Model], models.FileField]]:
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                yield model, field


def referenced_files() -> set[str]:
    """Every file name a row points to (history tables keep names, not files)."""
    names: set[str] = set()
    for model, field in _file_fields():
        names.update(
            model._default_manager.exclude(**{field.name: ""})
            .exclude(**{f"{field.name}__isnull": True})
            .values_list(field.name, flat=True)
        )
    return names


def _still_referenced(name: str) -> bool:
    return any(
        model._default_manager.filter(**{field.name: name}).exists()
        for model, field in _file_fields()
    )


def _delete_files(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.FileField):
            field_file = getattr(instance, field.name)
            if field_file and field_file.name:
                transaction.on_commit(
                    partial(_delete_unreferenced, field_file.storage, field_file.name)
                )


def _delete_unreferenced(storage: Any, name: str) -> None:
    if not _still_referenced(name):
        storage.delete(name)


def connect() -> None:
    """Delete a row's files with it (a productions hook, run once at start-up)."""
    for model in {model for model, _ in _file_fields()}:
        post_delete.connect(_delete_files, sender=model, dispatch_uid=f"files-{model._meta.label}")


@dataclass(frozen=True)
class Orphan:
    name: str
    size: int


def orphans(older_than_hours: float) -> list[Orphan]:
    """Files of the storage no row points to, untouched for ``older_than_hours`` (an
    upload in progress or an import not yet committed is younger)."""
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    referenced = referenced_files()
    limit = time.time() - older_than_hours * 3600
    found = []
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if path.is_file() and name not in referenced and path.stat().st_mtime < limit:
            found.append(Orphan(name, path.stat().st_size))
    return found


def remove(found: list[Orphan]) -> None:
    root = Path(settings.MEDIA_ROOT)
    for orphan in found:
        default_storage.delete(orphan.name)
    for folder in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
