"""What other apps may call in the screenplay app (its public services)."""

from __future__ import annotations

from typing import Any

from .models import Character
from .services import core_script, current_version, script_limits

__all__ = ["cast_by_character", "core_script", "current_version", "script_limits"]


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
