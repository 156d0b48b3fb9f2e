"""Globals supplied by another app (the shooting schedule), so a new plan updates the devis.

The scheduling app registers a provider from a hook of its ``AppConfig``::

    from tournage.web.budget.api import register_global_provider
    register_global_provider(lambda production: {
        "tournage": ("Jours de tournage", Decimal(23)),          # shooting days
        "jours:ines-marty": ("Jours payés : Inès Marty", Decimal(4)),  # paid days per person key
    })

A provided global replaces the stored global of the same code; budget lines point at it with
``quantity_ref`` (e.g. a cast line with ``quantity_ref = "jours:ines-marty"``).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from tournage.budget.model import BudgetGlobal
from tournage.referential.registry import shared

Provider = Callable[[Any], dict[str, tuple[str, Decimal]]]
_providers: list[Provider] = []


def register_global_provider(provider: Provider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def provided_globals(production: Any) -> dict[str, BudgetGlobal]:
    """Read by the devis, its totals, its line form and its plan gaps: once per page."""
    return dict(shared(("budget.provided", production.pk), lambda: _provided(production)))


def _provided(production: Any) -> dict[str, BudgetGlobal]:
    found: dict[str, BudgetGlobal] = {}
    for provider in _providers:
        for code, (label, value) in provider(production).items():
            found[code] = BudgetGlobal(code, f"{label} (planning)", Decimal(value), "jours")
    return found
