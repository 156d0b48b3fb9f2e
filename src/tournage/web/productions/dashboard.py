"""The production dashboard is laid out along the producer's four phases.

Each domain app registers its panels here (in ``AppConfig.ready``); the
dashboard knows no domain.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Phase, Production

PHASE_HINTS = {
    Phase.DEVELOP: _(
        "Brief, benchmark, opportunity note, specification and channel plan will appear here."
    ),
    Phase.PREPARE: _(
        "Script breakdown, shooting schedule, budget, financing and carbon forecast "
        "will appear here."
    ),
    Phase.LEAD: _(
        "Contracts under the collective agreements, working-time checks, risks and "
        "accessibility of sets will appear here."
    ),
    Phase.POST: _(
        "Quality control of the PAD, subtitles and audio description, deliveries and the "
        "closing report will appear here."
    ),
}


@dataclass(frozen=True)
class Panel:
    phase: str
    title: str | Promise
    template: str
    context: Callable[[Production], dict[str, Any]] = field(default=lambda production: {})
    url_name: str | None = None
    order: int = 100


_panels: list[Panel] = []


def register_panel(panel: Panel) -> None:
    if panel.phase not in Phase.values:
        raise ValueError(f"Unknown phase {panel.phase!r}; use one of {Phase.values}.")
    if any(p.template == panel.template and p.phase == panel.phase for p in _panels):
        return  # ready() may run twice in tests
    _panels.append(panel)


def panels_by_phase(production: Production) -> list[dict[str, Any]]:
    """The four phases in order, each with its rendered-ready panels and empty-state hint."""
    return [
        {
            "phase": phase,
            "label": label,
            "hint": PHASE_HINTS[Phase(phase)],
            "panels": [
                {"panel": panel, "context": panel.context(production)}
                for panel in sorted(_panels, key=lambda p: p.order)
                if panel.phase == phase
            ],
        }
        for phase, label in Phase.choices
    ]
