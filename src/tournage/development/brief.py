"""The brief (demande de production): its required fields and the tracing of objectives."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .rules import RULES


@dataclass(frozen=True)
class Brief:
    objectives: tuple[str, ...]
    audiences: str
    channels: tuple[str, ...]
    budget_envelope: Decimal | None
    deadline: date | None


def missing_fields(brief: Brief) -> list[str]:
    """The fields of ``rules.yaml brief_fields`` the brief leaves empty."""
    values = {
        "objectives": brief.objectives,
        "audiences": brief.audiences.strip(),
        "channels": brief.channels,
        "budget_envelope": brief.budget_envelope,
        "deadline": brief.deadline,
    }
    return [name for name in RULES.load().brief_fields.fields if not values[name]]


def untraced_objectives(
    traces: Mapping[str, Sequence[tuple[str, str]]], scenes: set[str] | None
) -> list[str]:
    """Objectives with no trace that holds: ``traces`` maps an objective to its
    (kind, reference) pairs; a scene reference must name a scene of the current script
    (``scenes``; ``None`` when there is no script, so scene traces cannot hold)."""
    return [
        objective
        for objective, links in traces.items()
        if not any(_holds(kind, reference, scenes) for kind, reference in links)
    ]


def _holds(kind: str, reference: str, scenes: set[str] | None) -> bool:
    if not reference.strip():
        return False
    if kind == "scene":
        return scenes is not None and reference.strip() in scenes
    return True


def due_milestones(*, has_brief: bool, has_script: bool, in_post: bool) -> list[str]:
    """The approval milestones already due, in order (``rules.yaml milestones``)."""
    reached = {"brief": has_brief, "script": has_script, "post": in_post}
    return [m.id for m in RULES.load().milestones.items if reached.get(m.due, False)]
