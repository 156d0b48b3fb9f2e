"""The dashboard panel: the current schedule's size, cost, proof and carbon of moves."""

from __future__ import annotations

from typing import Any

from .services import current_schedule, latest_proposal


def panel_context(production: Any) -> dict[str, Any]:
    schedule = current_schedule(production)
    return {
        "schedule": schedule,
        "proposal": latest_proposal(production),
        "findings": len(schedule.findings) if schedule else 0,
    }
