"""What other apps may call in the carbon app."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from tournage.carbon.errors import CarbonError
from tournage.carbon.estimate import Footprints
from tournage.carbon.measures import measures_by_category
from tournage.web.productions.history import save_changed
from tournage.web.productions.models import Production

from .adapters import production_footprints
from .models import CarbonActivity, CarbonProfile, Scenario


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


def footprints(production: Production) -> Footprints | None:
    """Forecast and actual footprints of ``production``; ``None`` when the data is bad."""
    try:
        return production_footprints(production)
    except CarbonError:
        return None


def record_activity(
    production: Production, *, phase: str, factor: str, quantity: Decimal, unit: str, label: str
) -> int:
    """Record (or update) one activity line, keyed by phase, factor and label (idempotent:
    another app's demo step may call it twice; the same values save nothing). Returns
    its id."""
    row = save_changed(
        CarbonActivity,
        {"production": production, "phase": phase, "factor": factor, "label": label},
        {"quantity": quantity, "unit": unit},
    )
    return row.pk


def remove_activities(production: Production, *, label_end: str, keep: Iterable[int]) -> None:
    """Remove the activities whose label ends with ``label_end`` (the document they came
    from) other than ``keep``: what that document no longer gives."""
    rows = CarbonActivity.objects.filter(production=production, label__endswith=label_end)
    for row in rows.exclude(pk__in=list(keep)):
        row.delete()  # one by one: the history records each removal


def activities_from(production: Production, label_end: str) -> list[CarbonActivity]:
    """The activities a document wrote (their label ends with ``label_end``)."""
    return list(CarbonActivity.objects.filter(production=production, label__endswith=label_end))
