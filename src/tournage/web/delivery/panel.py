"""Dashboard panel: each deliverable with the verdict of its latest QC run."""

from __future__ import annotations

from typing import Any

from .models import Deliverable


def panel_context(production: Any) -> dict[str, Any]:
    deliverables = Deliverable.objects.filter(production=production).prefetch_related("qc_runs")
    return {"rows": [(d, d.latest_run()) for d in deliverables]}
