"""The dashboard panel: forecast and actual totals, checklist progress."""

from __future__ import annotations

from typing import Any

from tournage.carbon.checklist import completion
from tournage.carbon.errors import CarbonError
from tournage.web.productions.models import Production

from .adapters import production_footprints
from .models import CarbonProfile


def panel_context(production: Production) -> dict[str, Any]:
    try:
        result = production_footprints(production)
    except CarbonError:
        return {"forecast_t": None}
    profile = CarbonProfile.objects.filter(production=production).first()
    return {
        "forecast_t": float(result.forecast.total_kgco2e) / 1000 if result.forecast.lines else None,
        "actual_t": float(result.actual.total_kgco2e) / 1000 if result.actual.lines else None,
        "checklist": completion(profile.checklist if profile else {}),
    }
