"""Dashboard panel: progress against the plan de travail and the takes log."""

from __future__ import annotations

from typing import Any

from tournage.followup.errors import FollowupError

from .models import DailyReport, Take
from .services import production_progress


def panel_context(production: Any) -> dict[str, Any]:
    try:
        progress = production_progress(production) if _reported(production) else None
    except FollowupError:
        progress = None
    takes = Take.objects.filter(production=production)
    return {
        "progress": progress,
        "takes": takes.count(),
        "selected": takes.filter(selected=True).count(),
    }


def _reported(production: Any) -> bool:
    return DailyReport.objects.filter(production=production).exists()
