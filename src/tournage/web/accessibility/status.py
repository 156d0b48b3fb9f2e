"""Accessibility status of each deliverable: what the dashboard (and later the conformity
dashboard) reads."""

from __future__ import annotations

from typing import Any

from tournage.accessibility.audio_description import ad_required
from tournage.web.delivery.api import Deliverable

from .models import FileKind, SubtitleFile

RGAA_KINDS = {
    FileKind.CAPTIONS: "captions",
    FileKind.AD_SCRIPT: "audio_description",
    FileKind.TRANSCRIPT: "transcript",
}


def delivered_kinds(deliverable: Deliverable) -> set[str]:
    """Which accessibility deliverables exist for it, in the RGAA checklist's words."""
    kinds = SubtitleFile.objects.filter(deliverable=deliverable).values_list("kind", flat=True)
    return {RGAA_KINDS[FileKind(kind)] for kind in kinds}


def _latest(files: list[SubtitleFile], kind: str) -> SubtitleFile | None:
    return next((item for item in files if item.kind == kind), None)


def deliverable_status(deliverable: Deliverable) -> dict[str, Any]:
    """Latest SME and AD files with their error/warning counts; ``complete`` when both
    exist without errors."""
    files = list(deliverable.subtitle_files.all())  # newest first (model ordering)
    captions, ad = _latest(files, FileKind.CAPTIONS), _latest(files, FileKind.AD_SCRIPT)
    return {
        "deliverable": deliverable,
        "captions": captions,
        "audio_description": ad,
        "ad_required": ad_required(deliverable.profile),
        "complete": bool(captions and ad and captions.conforms and ad.conforms),
    }


def panel_context(production: Any) -> dict[str, Any]:
    deliverables = Deliverable.objects.filter(production=production).prefetch_related(
        "subtitle_files"
    )
    unattached = SubtitleFile.objects.filter(production=production, deliverable=None).count()
    return {"rows": [deliverable_status(d) for d in deliverables], "unattached": unattached}
