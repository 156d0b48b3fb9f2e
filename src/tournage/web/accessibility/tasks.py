"""Background checks against the master: scanning a programme takes time."""

from __future__ import annotations

from typing import Any

from django_tasks import task

from .checking import run_check
from .models import SubtitleFile


@task()
def check_with_media_task(file_id: int) -> dict[str, Any]:
    item = SubtitleFile.objects.get(pk=file_id)
    run_check(item, with_media=True)
    return {"file_id": item.pk, "errors": item.error_count, "warnings": item.warning_count}
