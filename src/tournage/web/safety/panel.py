"""Dashboard panel: DUER, risky scenes incomplete, open incidents, checklists incomplete."""

from __future__ import annotations

from typing import Any

from tournage.web.productions.models import Production

from . import services


def context(production: Production) -> dict[str, Any]:
    return services.summary(production)
