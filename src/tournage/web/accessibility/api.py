"""What other apps may call in the accessibility app."""

from __future__ import annotations

from typing import Any

from .models import FileKind, SubtitleFile


def files_planned(production: Any) -> bool | None:
    """Every deliverable has an SME subtitle file and an audio-description script attached;
    ``None`` when the production declares no deliverable yet."""
    deliverables = production.deliverables.all()
    if not deliverables:
        return None
    kinds: dict[int, set[str]] = {}
    for deliverable_id, kind in SubtitleFile.objects.filter(production=production).values_list(
        "deliverable_id", "kind"
    ):
        kinds.setdefault(deliverable_id, set()).add(kind)
    wanted = {FileKind.CAPTIONS.value, FileKind.AD_SCRIPT.value}
    return all(wanted <= kinds.get(d.pk, set()) for d in deliverables)
