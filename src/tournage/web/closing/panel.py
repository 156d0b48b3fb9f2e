"""Dashboard panel: late or missing items, failing closing checks, closed or not."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from tournage.closing.register import all_items

from . import services


def panel_context(production: Any) -> dict[str, Any]:
    statuses = services.destination_statuses(production, timezone.localdate())
    items = all_items(statuses)
    record = services.closing_file(production)
    return {
        "destinations": len(statuses),
        "items": len(items),
        "late": sum(1 for s in items if s.late),
        "modified": sum(1 for s in items if s.modified_after_qc),
        "closed_at": record.closed_at,
    }
