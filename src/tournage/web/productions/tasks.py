"""Background tasks of the foundation (django-tasks: database worker, or Redis queue)."""

from __future__ import annotations

import tempfile
from typing import Any

from django.core.files import File
from django.utils.text import slugify
from django_tasks import task

from tournage.common.errors import DomainError

from .archive import export_production
from .models import ArchiveExport
from .task_recovery import on_lost


@task()
def export_production_archive(export_id: int) -> dict[str, Any]:
    """Write the archive of an ``ArchiveExport`` request to the file storage."""
    export = ArchiveExport.objects.select_related("production").get(pk=export_id)
    production = export.production
    try:
        with tempfile.TemporaryFile() as spool:
            manifest = export_production(production, spool)
            spool.seek(0)
            name = f"{slugify(production.title) or 'production'}-{production.pk}.zip"
            export.file.save(name, File(spool), save=True)
    except Exception as error:
        # a bug or a full disk: its text may name server folders, the page must not
        export.error = (
            error.message
            if isinstance(error, DomainError)
            else "Erreur inattendue pendant l'export : demandez-le à nouveau."
        )
        export.save(update_fields=["error"])
        raise
    return {"export_id": export.pk, "file": export.file.name, "sections": manifest["sections"]}


@on_lost(export_production_archive)
def _interrupted(export_id: int) -> None:
    ArchiveExport.objects.filter(pk=export_id, file="").update(
        error="Export interrompu : le processus de calcul s'est arrêté. Demandez-le à nouveau."
    )
