"""Reduction scenarios: levers applied to a copy of the plan, deltas against the forecast."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from tournage.carbon.errors import CarbonError
from tournage.carbon.factors import factor_table
from tournage.carbon.forecast import Forecast, forecast
from tournage.carbon.geo import great_circle_km
from tournage.carbon.plan import Options, PlanLocation, PlanPerson, ProductionPlan
from tournage.carbon.tables import FORECAST_RULES, LEVER_TABLE, LeverSpec

Lever = Callable[[ProductionPlan, dict[str, Any]], ProductionPlan]


def _train_instead_of_plane(plan: ProductionPlan, params: dict[str, Any]) -> ProductionPlan:
    people = tuple(replace(p, mode="train") if p.mode == "plane" else p for p in plan.people)
    values = {**plan.options.values, "train_max_km": Decimal("1e9")}
    return replace(plan, people=people, options=replace(plan.options, values=values))


def _litres_to_kwh(location: PlanLocation) -> Decimal | None:
    if location.energy_kwh_per_day is not None or location.fuel_l_per_day is None:
        return location.energy_kwh_per_day
    rule = FORECAST_RULES.load().energy.generator_consumption
    ratio = factor_table().get(rule).value
    return None if not ratio else location.fuel_l_per_day / ratio


def _grid_instead_of_generator(plan: ProductionPlan, params: dict[str, Any]) -> ProductionPlan:
    def switch(location: PlanLocation) -> PlanLocation:
        if not location.power_source.startswith("generator"):
            return location
        return replace(
            location,
            power_source="grid",
            energy_kwh_per_day=_litres_to_kwh(location),
            fuel_l_per_day=None,
        )

    return replace(plan, locations=tuple(switch(loc) for loc in plan.locations))


def _hvo_instead_of_diesel(plan: ProductionPlan, params: dict[str, Any]) -> ProductionPlan:
    locations = tuple(
        replace(loc, power_source="generator_hvo") if loc.power_source == "generator" else loc
        for loc in plan.locations
    )
    return replace(plan, locations=locations)


def _vegetarian_share(plan: ProductionPlan, params: dict[str, Any]) -> ProductionPlan:
    share = Decimal(str(params.get("share", "0.5")))
    if not 0 <= share <= 1:
        raise CarbonError("scenario.param", "La part végétarienne doit être entre 0 et 1.")
    rules = FORECAST_RULES.load().catering
    vegetarian = rules.vegetarian_factor
    menu = plan.menu or dict(rules.default_menu_mix.weights)
    others = {k: v for k, v in menu.items() if k != vegetarian}
    rest = sum(others.values(), Decimal(0))
    mix = {k: (1 - share) * v / rest for k, v in others.items()} if rest else {}
    return replace(plan, menu={**mix, vegetarian: share})


def _local_crew(plan: ProductionPlan, params: dict[str, Any]) -> ProductionPlan:
    radius = plan.options.get("local_radius_km")
    if radius is None:
        radius = FORECAST_RULES.load().local_radius_km.value
    first_location = {
        person.id: next(
            (
                plan.location(d.location)
                for d in plan.days
                if d.people is None or person.id in d.people
            ),
            None,
        )
        for person in plan.people
    }

    def hire_locally(person: PlanPerson) -> PlanPerson:
        location = first_location[person.id]
        if person.home is None or location is None or location.point is None:
            return person
        if Decimal(str(great_circle_km(person.home, location.point))) <= radius:
            return person
        return replace(person, home=location.point, home_city=location.name, mode=None)

    return replace(plan, people=tuple(hire_locally(p) for p in plan.people))


def _fewer_company_moves(plan: ProductionPlan, params: dict[str, Any]) -> ProductionPlan:
    """Each location's days together, one location a day: the plan de travail's own moves
    (within days too) give way to one move per change of location."""
    order = {loc_id: i for i, loc_id in enumerate(dict.fromkeys(d.location for d in plan.days))}
    grouped = sorted(plan.days, key=lambda d: order[d.location])
    return replace(plan, days=tuple(replace(d, moves=None) for d in grouped))


def _carpooling(plan: ProductionPlan, params: dict[str, Any]) -> ProductionPlan:
    occupancy = Decimal(str(params.get("occupancy", 2)))
    if occupancy < 1:
        raise CarbonError(
            "scenario.param", "Le covoiturage suppose au moins une personne par voiture."
        )
    values = {**plan.options.values, "car_occupancy": occupancy}
    return replace(plan, options=Options(values, plan.options.flights_with_contrails))


LEVERS: dict[str, Lever] = {
    "train_instead_of_plane": _train_instead_of_plane,
    "grid_instead_of_generator": _grid_instead_of_generator,
    "hvo_instead_of_diesel": _hvo_instead_of_diesel,
    "vegetarian_share": _vegetarian_share,
    "local_crew": _local_crew,
    "fewer_company_moves": _fewer_company_moves,
    "carpooling": _carpooling,
}


def lever_catalogue() -> dict[str, LeverSpec]:
    """Lever id -> label, description and default parameters (from levers.yaml)."""
    return LEVER_TABLE.load().levers


@dataclass(frozen=True)
class ScenarioResult:
    name: str
    levers: tuple[str, ...]
    baseline_kgco2e: Decimal
    forecast: Forecast

    @property
    def kgco2e(self) -> Decimal:
        return self.forecast.footprint.total_kgco2e

    @property
    def delta_kgco2e(self) -> Decimal:
        return self.kgco2e - self.baseline_kgco2e

    @property
    def delta_pct(self) -> Decimal | None:
        if not self.baseline_kgco2e:
            return None
        return (100 * self.delta_kgco2e / self.baseline_kgco2e).quantize(Decimal("0.1"))

    def to_dict(self) -> dict[str, Any]:
        pct = self.delta_pct
        return {
            "name": self.name,
            "levers": list(self.levers),
            "total_kgco2e": float(self.kgco2e),
            "delta_kgco2e": float(self.delta_kgco2e),
            "delta_pct": None if pct is None else float(pct),
            "by_section": {k: float(v) for k, v in self.forecast.footprint.by_section().items()},
        }


def apply_levers(plan: ProductionPlan, levers: dict[str, dict[str, Any]]) -> ProductionPlan:
    for lever_id, params in levers.items():
        if lever_id not in LEVERS:
            raise CarbonError(
                "scenario.lever", f"Levier inconnu : « {lever_id} » ({', '.join(LEVERS)})."
            )
        defaults = lever_catalogue()[lever_id].params
        plan = LEVERS[lever_id](plan, {**defaults, **(params or {})})
    return plan


def run_scenario(
    plan: ProductionPlan,
    name: str,
    levers: dict[str, dict[str, Any]],
    baseline: Forecast | None = None,
) -> ScenarioResult:
    baseline = baseline or forecast(plan)
    return ScenarioResult(
        name=name,
        levers=tuple(levers),
        baseline_kgco2e=baseline.footprint.total_kgco2e,
        forecast=forecast(apply_levers(plan, levers)),
    )


def rank_levers(plan: ProductionPlan, baseline: Forecast | None = None) -> list[ScenarioResult]:
    """Every lever alone against the forecast, biggest reduction first."""
    baseline = baseline or forecast(plan)
    results = [run_scenario(plan, lever, {lever: {}}, baseline) for lever in LEVERS]
    return sorted(results, key=lambda result: result.delta_kgco2e)
