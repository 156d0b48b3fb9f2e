"""What other apps may call in the carbon app."""

from __future__ import annotations

from tournage.carbon.errors import CarbonError
from tournage.web.productions.models import Production

from .adapters import production_footprints


def forecast_exists(production: Production) -> bool | None:
    """A forecast footprint can be computed from the plan; ``None`` when the data is bad."""
    try:
        return bool(production_footprints(production).forecast.lines)
    except CarbonError:
        return None
