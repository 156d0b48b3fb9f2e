"""What other apps may call in the carbon app."""

from __future__ import annotations

from decimal import Decimal

from tournage.carbon.errors import CarbonError
from tournage.carbon.measures import measures_by_category
from tournage.web.productions.models import Production

from .adapters import production_footprints
from .models import CarbonProfile, Scenario


def forecast_exists(production: Production) -> bool | None:
    """A forecast footprint can be computed from the plan; ``None`` when the data is bad."""
    try:
        return bool(production_footprints(production).forecast.lines)
    except CarbonError:
        return None


def forecast_kg(production: Production) -> Decimal | None:
    """The forecast footprint in kg CO2e; ``None`` without a forecast or with bad data."""
    try:
        forecast = production_footprints(production).forecast
    except CarbonError:
        return None
    return forecast.total_kgco2e if forecast.lines else None


def reduction_measures(production: Production) -> list[str]:
    """Labels of the reduction measures planned (scenario levers, ticked practices)."""
    profile = CarbonProfile.objects.filter(production=production).first()
    levers = [k for s in Scenario.objects.filter(production=production) for k in s.levers]
    ticked = [k for k, done in (profile.checklist if profile else {}).items() if done]
    return [label for labels in measures_by_category(levers, ticked).values() for label in labels]
