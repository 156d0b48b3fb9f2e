"""The dashboard panel: the current script's size, cast, risks and pending suggestions."""

from __future__ import annotations

from typing import Any

from tournage.screenplay.model import format_eighths

from .models import BreakdownTag, TagStatus
from .services import current_version
from .sets import unmapped_sets


def panel_context(production: Any) -> dict[str, Any]:
    version = current_version(production)
    if version is None:
        return {"version": None}
    scenes = list(version.scenes.filter(omitted=False))
    risky = sum(1 for scene in scenes if scene.risks)
    pending = BreakdownTag.objects.filter(
        scene__version=version, status=TagStatus.SUGGESTED
    ).count()
    return {
        "version": version,
        "scenes": len(scenes),
        "pages": format_eighths(version.eighths),
        "speaking": version.characters.filter(speaking=True).count(),
        "uncast": version.characters.filter(speaking=True, person__isnull=True).count(),
        "risky_scenes": risky,
        "pending": pending,
        "unplaced": len(unmapped_sets(production)),
    }
