"""What other apps may call in the screenplay app (its public services)."""

from __future__ import annotations

from typing import Any

from .models import BreakdownTag, Character, TagStatus
from .services import core_script, current_version, script_limits
from .sets import set_places, unmapped_sets

__all__ = [
    "breakdown_categories",
    "cast_by_character",
    "core_script",
    "current_version",
    "script_limits",
    "set_places",
    "unmapped_sets",
]


def cast_by_character(production: Any) -> dict[str, Any]:
    """Character name → the person cast in it, across every version of the script.

    A later version that drops a character keeps its casting here, so what was planned or
    budgeted for that person (a schedule, a devis line on their days) still resolves.
    """
    rows = (
        Character.objects.filter(production=production, person__isnull=False)
        .select_related("person")
        .order_by("version__number")
    )
    return {row.name: row.person for row in rows}  # the latest version's casting wins


def breakdown_categories(production: Any) -> set[str] | None:
    """Breakdown categories used by the current script (rejected tags aside); ``None``
    without a script."""
    version = current_version(production)
    if version is None:
        return None
    tags = BreakdownTag.objects.filter(scene__version=version, scene__omitted=False).exclude(
        status=TagStatus.REJECTED
    )
    return set(tags.values_list("category", flat=True))
