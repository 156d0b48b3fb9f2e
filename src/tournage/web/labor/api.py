"""What other apps and the CLI may call in the labor (teams) app."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from tournage.web.labor.models import Contract
from tournage.web.labor.services import (
    employer,
    location_access,
    locations_used,
    risk_entries,
    team_plan,
)

__all__ = [
    "ContractSummary",
    "contract_summaries",
    "employer",
    "location_access",
    "locations_used",
    "risk_entries",
    "team_plan",
]


@dataclass(frozen=True)
class ContractSummary:
    id: int
    person: str
    function: str
    status: str  # draft | sent | signed | ended
    start: date
    end: date


def contract_summaries(production: Any) -> list[ContractSummary]:
    """Every employment contract of ``production`` (the closing file's contract register)."""
    contracts = Contract.objects.filter(production=production).select_related("person")
    return [
        ContractSummary(c.pk, str(c.person), c.function, c.status, c.start, c.end)
        for c in contracts.order_by("start", "pk")
    ]
