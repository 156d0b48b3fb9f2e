"""The forecast footprint derived from the production plan, without manual entry.

A pure function: ``forecast(plan)`` reads people, locations, shooting days, vehicles,
catering, purchases, post-production and distribution and returns activities, each
with a stable ``key`` and a French ``derivation`` saying how it was computed; the plan's
``overrides`` replace any derived line by key.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from tournage.carbon.activities import Activity, parse_quantity
from tournage.carbon.calculator import Footprint, compute
from tournage.carbon.errors import CarbonError
from tournage.carbon.factors import factor_table
from tournage.carbon.geo import Point, great_circle_km
from tournage.carbon.plan import PlanLocation, PlanPerson, ProductionPlan
from tournage.carbon.tables import FORECAST_RULES, Assumed, ForecastRules
from tournage.common.formatting import format_number

KM = Decimal("0.001")


@dataclass(frozen=True)
class Assumption:
    name: str
    value: str
    note: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "value": self.value, "note": self.note}


@dataclass(frozen=True)
class Forecast:
    plan: ProductionPlan
    activities: tuple[Activity, ...]
    footprint: Footprint
    assumptions: tuple[Assumption, ...]
    warnings: tuple[dict[str, str], ...]
    shooting_days: int

    def to_dict(self) -> dict[str, Any]:
        document = self.footprint.to_dict()
        document.update(
            shooting_days=self.shooting_days,
            assumptions=[a.to_dict() for a in self.assumptions],
            warnings=list(self.warnings),
        )
        return document


@dataclass(frozen=True)
class Leg:
    origin: str
    destination: str
    km: Decimal  # route distance: great circle x detour
    mode: str
    trips: int = 1


@dataclass
class _Rules:
    """forecast_rules.yaml with the plan's options applied; collects assumptions."""

    plan: ProductionPlan
    data: ForecastRules = field(default_factory=FORECAST_RULES.load)
    assumptions: dict[str, Assumption] = field(default_factory=dict)
    warnings: list[dict[str, str]] = field(default_factory=list)

    def option(self, name: str, spec: Assumed) -> Decimal:
        value = self.plan.options.get(name)
        source = "option du plan" if value is not None else spec.note
        if value is None:
            value = spec.value
        self.assumptions.setdefault(name, Assumption(name, format_number(value, 2), source))
        return value

    def warn(self, code: str, message: str) -> None:
        finding = {"code": code, "message": message}
        if finding not in self.warnings:
            self.warnings.append(finding)

    def detour(self, network: str) -> Decimal:
        value = self.plan.options.get(f"detour_{network}")
        if value is not None:
            self.assumptions.setdefault(
                network, Assumption(f"detour_{network}", format_number(value, 2), "option du plan")
            )
            return value
        rule = self.data.detour[network]
        if rule.value is None:
            self.warn(f"detour.unknown.{network}", rule.note)
            return Decimal(1)
        return rule.value

    def contrails(self) -> bool:
        value = self.plan.options.flights_with_contrails
        if value is None:
            value = self.data.flights_with_contrails.value
        self.assumptions.setdefault(
            "flights_with_contrails",
            Assumption(
                "flights_with_contrails",
                "oui" if value else "non",
                self.data.flights_with_contrails.note,
            ),
        )
        return value

    def mode_for(self, person: PlanPerson, km: Decimal) -> str:
        if person.mode:
            if person.mode not in self.data.modes:
                known = ", ".join(self.data.modes)
                raise CarbonError(
                    "plan.mode", f"{person.name} : mode « {person.mode} » inconnu ({known})."
                )
            return person.mode
        train_max = self.plan.options.get("train_max_km")
        for band in self.data.mode_by_distance.bands:
            limit = band.max_km
            if band.mode == "train" and train_max is not None:
                limit = train_max
            if limit is None or km <= limit:
                return band.mode
        return "plane"

    def factor_for(self, mode: str, km: Decimal) -> tuple[str, bool]:
        """(factor id, priced per vehicle) for one trip of ``km``."""
        spec = self.data.modes[mode]
        if not spec.bands:
            return spec.factor, spec.per_vehicle
        contrails = self.contrails()
        for band in spec.bands:
            if band.max_km is None or km <= band.max_km:
                return (band.factor if contrails else band.factor_no_contrails), False
        raise CarbonError("rules.bands", "Bandes de distance incomplètes.")  # pragma: no cover


def _distance(a: Point, b: Point) -> Decimal:
    return Decimal(str(great_circle_km(a, b))).quantize(KM)


# travel -------------------------------------------------------------------------------
def _itinerary(person: PlanPerson, days: list[PlanLocation], rules: _Rules) -> list[Leg]:
    """Legs of one person over the days they are called, in schedule order."""
    assert person.home is not None
    radius = rules.option("local_radius_km", rules.data.local_radius_km)
    legs: list[Leg] = []
    position: PlanLocation | None = None  # None: at home

    def travel(origin: Point, origin_name: str, target: PlanLocation | None) -> None:
        end = person.home if target is None else target.point
        assert end is not None
        gc = _distance(origin, end)
        mode = rules.mode_for(person, gc)
        network = rules.data.modes[mode].network
        name = (person.home_city or "domicile") if target is None else target.name
        legs.append(Leg(origin_name, name, (gc * rules.detour(network)).quantize(KM), mode))

    for location in days:
        assert location.point is not None
        from_home = _distance(person.home, location.point)
        if from_home <= radius:
            if position is not None:
                assert position.point is not None
                travel(position.point, position.name, None)
            commute = (
                person.mode if person.mode in {"car", "car_electric", "ebike", "coach"} else "car"
            )
            network = rules.data.modes[commute].network
            km = (from_home * rules.detour(network)).quantize(KM)
            legs.append(Leg(person.home_city or "domicile", location.name, km, commute, trips=2))
            position = None
        elif position is None:
            travel(person.home, person.home_city or "domicile", location)
            position = location
        elif position.id != location.id:
            assert position.point is not None
            travel(position.point, position.name, location)
            position = location
    if position is not None:
        assert position.point is not None
        travel(position.point, position.name, None)
    return legs


def _travel_activities(person: PlanPerson, legs: list[Leg], rules: _Rules) -> list[Activity]:
    occupancy = rules.option("car_occupancy", rules.data.car_occupancy)
    if occupancy < 1:  # a stored 0 (older data, an import) must not divide by zero
        raise CarbonError(
            "plan.car_occupancy", "Le nombre de personnes par voiture doit être au moins 1."
        )
    grouped: dict[tuple[str, bool], list[Leg]] = defaultdict(list)
    for leg in legs:
        grouped[rules.factor_for(leg.mode, leg.km)].append(leg)
    activities = []
    for (factor, per_vehicle), group in grouped.items():
        km = sum((leg.km * leg.trips for leg in group), Decimal(0))
        steps: Counter[str] = Counter()
        for leg in group:
            steps[f"{leg.origin} → {leg.destination} ({format_number(leg.km, 1)} km)"] += leg.trips
        detail = " ; ".join(f"{step} × {n}" if n > 1 else step for step, n in steps.items())
        quantity = km / occupancy if per_vehicle else km
        shared = (
            f", ÷ {format_number(occupancy, 0)} occupants" if per_vehicle and occupancy != 1 else ""
        )
        activities.append(
            Activity(
                factor=factor,
                quantity=quantity.quantize(KM),
                unit="vehicle.km" if per_vehicle else "passenger.km",
                label=f"Trajets de {person.name} ({group[0].mode})",
                key=f"travel:{person.id}:{factor}",
                derivation=f"{detail} = {format_number(km, 1)} km{shared}",
            )
        )
    return activities


def _called_days(plan: ProductionPlan, person: PlanPerson) -> list[PlanLocation]:
    return [
        plan.location(day.location)
        for day in plan.days
        if day.people is None or person.id in day.people
    ]


def _travel(
    plan: ProductionPlan, rules: _Rules
) -> tuple[list[Activity], Counter[str], dict[str, list[str]]]:
    """Travel activities, plus the hotel nights per location and who sleeps there."""
    activities: list[Activity] = []
    nights: Counter[str] = Counter()
    guests: dict[str, list[str]] = defaultdict(list)
    radius = rules.option("local_radius_km", rules.data.local_radius_km)
    for person in plan.people:
        days = _called_days(plan, person)
        if not days:
            continue
        if person.home is None:
            rules.warn(
                "person.no_home", f"{person.name} : domicile sans coordonnées, trajets non estimés"
            )
            continue
        located = [d for d in days if d.point is not None]
        for location in located:
            assert location.point is not None
            if _distance(person.home, location.point) > radius:
                nights[location.id] += 1
                guests[location.id].append(person.name)
        activities += _travel_activities(person, _itinerary(person, located, rules), rules)
    return activities, nights, guests


def _accommodation(
    plan: ProductionPlan, nights: Counter[str], guests: dict[str, list[str]], rules: _Rules
) -> list[Activity]:
    factors = rules.data.accommodation.factor_by_country
    activities = []
    for location_id, count in nights.items():
        location = plan.location(location_id)
        factor = factors.get(location.country)
        if factor is None:
            rules.warn("accommodation.country", f"pas de facteur hôtelier pour {location.country}")
            continue
        people = Counter(guests[location_id])
        detail = ", ".join(f"{name} ({n})" for name, n in people.items())
        activities.append(
            Activity(
                factor=factor,
                quantity=Decimal(count),
                unit="night",
                label=f"Hébergement près de {location.name}",
                key=f"hotel:{location.id}",
                derivation=(
                    f"1 nuitée par jour de tournage hors rayon local : {detail} = {count} nuitées"
                ),
            )
        )
    return activities


# company moves, catering, energy --------------------------------------------------------
def _move_pairs(plan: ProductionPlan) -> list[tuple[PlanLocation, PlanLocation]]:
    """Company moves in day order: those a plan de travail gives (between its days and
    within them), else one at each change of location from one day to the next."""
    pairs: list[tuple[str, str]] = []
    previous: str | None = None
    for day in plan.days:
        if day.moves is not None:
            pairs += day.moves
        elif previous is not None:
            pairs.append((previous, day.location))
        previous = day.location
    return [(plan.location(a), plan.location(b)) for a, b in pairs if a != b]


def _company_moves(plan: ProductionPlan, rules: _Rules) -> list[Activity]:
    detour = rules.detour("road") if plan.vehicles else Decimal(1)
    moves = [
        (a, b, (_distance(a.point, b.point) * detour).quantize(KM))
        for a, b in _move_pairs(plan)
        if a.point and b.point
    ]
    if not moves:
        return []
    fleet: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for vehicle in plan.vehicles:
        fleet[vehicle.factor] += vehicle.count
        labels.setdefault(vehicle.factor, vehicle.label or vehicle.factor)
    km = sum((m[2] for m in moves), Decimal(0))
    detail = " ; ".join(f"{a.name} → {b.name} ({format_number(d, 1)} km)" for a, b, d in moves)
    return [
        Activity(
            factor=factor,
            quantity=km * count,
            unit="vehicle.km",
            label=f"Déménagements : {labels[factor]}",
            key=f"moves:{factor}",
            derivation=(
                f"{len(moves)} changements de décor : {detail}"
                f" = {format_number(km, 1)} km × {count} véhicule(s)"
            ),
        )
        for factor, count in fleet.items()
    ]


def _catering(plan: ProductionPlan, rules: _Rules) -> list[Activity]:
    per_person = rules.option(
        "meals_per_person_per_day", rules.data.catering.meals_per_person_per_day
    )
    headcount = sum(
        (
            Decimal(len(plan.people) if d.people is None else len(d.people))
            + plan.extra_meals_per_day
            for d in plan.days
        ),
        Decimal(0),
    )
    meals = headcount * per_person
    if not meals:
        return []
    rule = rules.data.catering.default_menu_mix
    weights = plan.menu or dict(rule.weights)
    if plan.menu is None:
        rules.assumptions["menu"] = Assumption(
            "menu", "1/3 viande rouge, 1/3 viande blanche, 1/3 végétarien", rule.note
        )
    total_weight = sum(weights.values(), Decimal(0))
    if not total_weight:
        raise CarbonError("plan.menu", "Le menu doit avoir au moins une part non nulle.")
    return [
        Activity(
            factor=factor,
            quantity=(meals * weight / total_weight).quantize(KM),
            unit="meal",
            label="Repas",
            key=f"meals:{factor}",
            derivation=(
                f"{format_number(headcount, 0)} personnes-jours"
                f" × {format_number(per_person, 0)} repas"
                f" = {format_number(meals, 0)} repas,"
                f" part {format_number(100 * weight / total_weight, 1)} %"
            ),
        )
        for factor, weight in weights.items()
        if weight
    ]


def _energy_line(location: PlanLocation, days: int, rules: _Rules) -> list[Activity]:
    energy = rules.data.energy
    source = location.power_source
    kwh, litres = location.energy_kwh_per_day, location.fuel_l_per_day
    base = {"label": f"Énergie : {location.name}", "section": "locations"}
    if source in {"grid", "battery"}:
        factor = energy.electricity_by_country.get(location.country)
        if kwh is None or factor is None:
            rules.warn(
                "energy.missing",
                f"{location.name} : consommation (kWh/jour) ou facteur pays inconnu",
            )
            return []
        supply = "réseau" if source == "grid" else "batteries chargées sur le réseau"
        how = f"{days} jours × {format_number(kwh, 1)} kWh/jour ({supply})"
        return [
            Activity(factor, kwh * days, "kWh", key=f"energy:{location.id}", derivation=how, **base)
        ]
    if source not in {"generator", "generator_hvo"}:
        return []
    if litres is None and kwh is not None:
        sfc = energy.generator_consumption
        ratio = factor_table().get(sfc).value
        assert ratio is not None
        litres = kwh * ratio
        how = (
            f"{days} jours × {format_number(kwh, 1)} kWh/jour"
            f" × {format_number(ratio, 2)} L/kWh ({sfc})"
        )
    elif litres is not None:
        how = f"{days} jours × {format_number(litres, 1)} L/jour"
    else:
        rules.warn(
            "energy.missing", f"{location.name} : consommation du groupe (L ou kWh/jour) inconnue"
        )
        return []
    factors = energy.hvo_factors if source == "generator_hvo" else (energy.diesel_factor,)
    return [
        Activity(
            f,
            (litres * days).quantize(KM),
            "L",
            key=f"energy:{location.id}:{f}",
            derivation=how,
            **base,
        )
        for f in factors
    ]


def _energy(plan: ProductionPlan, rules: _Rules) -> list[Activity]:
    days = Counter(day.location for day in plan.days)
    return [a for loc_id, n in days.items() for a in _energy_line(plan.location(loc_id), n, rules)]


# post-production, distribution, purchases ------------------------------------------------
def _quantities(plan: ProductionPlan, rules: _Rules) -> list[Activity]:
    post, dist = plan.post_production, plan.distribution
    rules_post, rules_dist = rules.data.post_production, rules.data.distribution
    activities = []
    if "storage_tb" in post:
        years = post.get("storage_years", Decimal(1))
        activities.append(
            Activity(
                rules_post.storage_factor,
                post["storage_tb"] * years,
                "TB.year",
                label="Stockage des rushes",
                key="post:storage",
                derivation=(
                    f"{format_number(post['storage_tb'], 1)} To × {format_number(years, 1)} an(s)"
                ),
            )
        )
    simple = [
        ("new_drives", rules_post.drive_factor, "item", "Disques durs neufs", "post_production"),
        (
            "suite_days",
            rules_post.suite_day_factor,
            "day",
            "Journées de salle",
            "post_production",
        ),
    ]
    simple += [
        (k, rules_dist[k], "hour" if k.endswith("hours") else "item", k, "distribution")
        for k in dist
    ]
    for name, factor, unit, label, section in simple:
        source = post if section == "post_production" else dist
        if name in source:
            activities.append(
                Activity(
                    factor,
                    source[name],
                    unit,
                    label=label,
                    key=f"{section}:{name}",
                    section=section,
                    category="distribution" if section == "distribution" else None,
                    derivation="quantité saisie dans le plan",
                )
            )
    activities += [
        replace(
            p,
            key=p.key or f"purchase:{i}",
            derivation=p.derivation or "quantité saisie dans le plan",
        )
        for i, p in enumerate(plan.purchases, 1)
    ]
    return activities


def _override(activities: list[Activity], plan: ProductionPlan, rules: _Rules) -> list[Activity]:
    result = []
    used = set()
    for activity in activities:
        change = plan.overrides.get(activity.key)
        if change is None:
            result.append(activity)
            continue
        used.add(activity.key)
        quantity = parse_quantity(
            change.get("quantity", activity.quantity), f"override {activity.key}"
        )
        result.append(
            replace(
                activity,
                quantity=quantity,
                unit=str(change.get("unit", activity.unit)),
                factor=str(change.get("factor", activity.factor)),
                derivation=(
                    "remplacé par l'utilisateur"
                    f" (valeur dérivée : {format_number(activity.quantity, 1)}"
                    f" {activity.unit}, {activity.derivation})"
                ),
            )
        )
    for key in sorted(set(plan.overrides) - used):
        rules.warn("override.unused", f"aucune ligne dérivée « {key} »")
    return result


def _check_references(plan: ProductionPlan, rules: _Rules) -> None:
    known = {person.id for person in plan.people}
    for day in plan.days:
        location = plan.location(day.location)  # raises on an unknown location
        if location.point is None:
            rules.warn(
                "location.no_coordinates",
                f"{location.name} : lieu sans coordonnées, trajets non estimés",
            )
        for person_id in set(day.people or ()) - known:
            rules.warn("plan.unknown_person", f"personne « {person_id} » inconnue, ignorée")


def forecast(plan: ProductionPlan) -> Forecast:
    """The forecast footprint of ``plan`` with every line explained."""
    rules = _Rules(plan)
    if not plan.days:
        rules.warn("plan.no_days", "aucun jour de tournage : trajets, repas et énergie non estimés")
    _check_references(plan, rules)
    travel, nights, guests = _travel(plan, rules)
    activities = (
        travel
        + _accommodation(plan, nights, guests, rules)
        + _company_moves(plan, rules)
        + _catering(plan, rules)
        + _energy(plan, rules)
        + _quantities(plan, rules)
    )
    activities = _override(activities, plan, rules)
    return Forecast(
        plan=plan,
        activities=tuple(activities),
        footprint=compute(activities),
        assumptions=tuple(rules.assumptions.values()),
        warnings=tuple(rules.warnings),
        shooting_days=len(plan.days),
    )
