"""The "développer" phase panel of the production dashboard."""

from __future__ import annotations

from typing import Any

from tournage.web.productions.models import Production

from . import adapters, models
from .labels import NEXT_STEPS, shown


def next_step(production: Production, has_brief: bool, sections: list[Any]) -> str:
    if not has_brief:
        return "brief"
    if not production.benchmark.exists():
        return "benchmark"
    if not production.dev_notes.exists():
        return "notes"
    if any(not s.complete for s in sections):
        return "cdc"
    return "dossiers"


def panel_context(production: Production) -> dict[str, Any]:
    has_brief = models.Brief.objects.filter(production=production).exists()
    sections = adapters.cdc_sections(production)
    dossiers = [adapters.assemble(production, d) for d in production.dossiers.all()]
    return {
        "has_brief": has_brief,
        "feasibility": shown(adapters.feasibility_of(production)),
        "sections_done": sum(1 for s in sections if s.complete),
        "sections_total": len(sections),
        "dossiers": dossiers,
        "next_step": NEXT_STEPS[next_step(production, has_brief, sections)],
    }
