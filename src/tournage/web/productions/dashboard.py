"""The production dashboard is laid out along the producer's four phases.

Each domain app declares its panels (``DomainAppConfig.panels``); the dashboard
knows no domain.
"""

from __future__ import annotations

from typing import Any

from django.urls import resolve, reverse
from django.utils.translation import gettext_lazy as _

from tournage.web.plugins import Panel

from .access import allowed_readers
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


_panels: list[Panel] = []
# Panels of this pseudo-phase sum the production up above the four phases.
SUMMARY = "summary"


def register_panel(panel: Panel) -> None:
    if panel.phase not in (*Phase.values, SUMMARY):
        raise ValueError(f"Unknown phase {panel.phase!r}; use one of {Phase.values} or summary.")
    _panels.append(panel)


def summary_panels(production: Production, role: str | None = None) -> list[dict[str, Any]]:
    return [
        {"panel": panel, "context": panel.context_for(production)}
        for panel in sorted(_panels, key=lambda p: p.order)
        if panel.phase == SUMMARY and _opens(panel, production, role)
    ]


def panels_by_phase(production: Production, role: str | None = None) -> list[dict[str, Any]]:
    """The four phases in order, each with its rendered-ready panels and empty-state hint;
    with a ``role``, only the panels whose page that role may open."""
    return [
        {
            "phase": phase,
            "label": label,
            "hint": PHASE_HINTS[Phase(phase)],
            "panels": [
                {"panel": panel, "context": panel.context_for(production)}
                for panel in sorted(_panels, key=lambda p: p.order)
                if panel.phase == phase and _opens(panel, production, role)
            ],
        }
        for phase, label in Phase.choices
    ]


def _opens(panel: Panel, production: Production, role: str | None) -> bool:
    if role is None or panel.url_name is None:
        return True
    url = reverse(panel.url_name, kwargs={"production_id": production.pk})
    return role in allowed_readers(resolve(url).func)
