"""What other apps may call in the safety app (the follow-up's daily report, call sheet)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from tournage.safety.incidents import declaration_deadline
from tournage.web.productions.models import Production

from . import services


def incidents_on(production: Production, day: date) -> list[dict[str, Any]]:
    """Incidents and accidents of ``day`` (local date) with their closure and declaration."""
    rows = [
        row
        for row in production.safety_incidents.select_related("location")
        if timezone.localtime(row.occurred_at).date() == day
    ]
    out = []
    for row in rows:
        core = services.core_incident(row)
        out.append(
            {
                "occurred_at": row.occurred_at,
                "location": str(row.location or ""),
                "description": row.description,
                "accident": row.accident,
                "action": row.action,
                "closed_on": row.closed_on,
                "closed": core.is_closed,
                "declared_at": row.declared_at,
                "declaration_deadline": (
                    declaration_deadline(core.known or core.occurred) if row.accident else None
                ),
            }
        )
    return out


def briefing_status(production: Production) -> dict[str, dict[str, Any]]:
    """Per risky scene: its risks, the latest briefing and what is still missing."""
    return {
        scene.scene: {
            "risks": list(scene.risks),
            "briefed_at": scene.briefed,
            "attendees": scene.attendees,
            "missing": list(scene.missing()),
        }
        for scene in services.risky_scenes(production)
    }


__all__ = ["briefing_status", "incidents_on"]
