"""The eco-production checklist (data) and its completion."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tournage.carbon.tables import CHECKLIST, ChecklistItem


def checklist_items() -> tuple[ChecklistItem, ...]:
    return CHECKLIST.load().items


def completion(done: Mapping[str, bool]) -> dict[str, Any]:
    """Items with their state and the share done; unknown ids in ``done`` are ignored."""
    items = [{**item.as_dict(), "done": bool(done.get(item.id))} for item in checklist_items()]
    count = sum(1 for item in items if item["done"])
    return {
        "items": items,
        "done": count,
        "total": len(items),
        "pct": round(100 * count / len(items)) if items else 0,
    }
