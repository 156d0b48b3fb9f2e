"""The production plan the forecast reads: plain data, built from a JSON/YAML document,
a production archive or the web app's models."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from tournage.carbon.activities import Activity, parse_activity, parse_quantity
from tournage.carbon.errors import CarbonError
from tournage.carbon.geo import Point, city_point

POWER_SOURCES = ("grid", "generator", "generator_hvo", "battery", "none")
POST_KEYS = ("storage_tb", "storage_years", "new_drives", "suite_days")
DISTRIBUTION_KEYS = ("streaming_hours", "dcp_deliveries", "broadcast_hours", "screenings")
OPTION_KEYS = (
    "local_radius_km",
    "train_max_km",
    "car_occupancy",
    "meals_per_person_per_day",
    "detour_road",
    "detour_rail",
    "detour_air",
)
MAX_ROWS = 100_000


@dataclass(frozen=True)
class PlanPerson:
    id: str
    name: str
    home: Point | None
    home_city: str = ""
    mode: str | None = None  # None: chosen by distance


@dataclass(frozen=True)
class PlanLocation:
    id: str
    name: str
    point: Point | None
    country: str = "FR"
    power_source: str = "grid"
    energy_kwh_per_day: Decimal | None = None
    fuel_l_per_day: Decimal | None = None


@dataclass(frozen=True)
class PlanDay:
    location: str
    date: date | None = None
    people: tuple[str, ...] | None = None  # None: everybody
    # company moves (from, to location ids) when a plan de travail gives them, within the
    # day included; None: one move whenever the location differs from the previous day's
    moves: tuple[tuple[str, str], ...] | None = None


@dataclass(frozen=True)
class Vehicle:
    factor: str
    count: int
    label: str = ""


@dataclass(frozen=True)
class Options:
    values: dict[str, Decimal] = field(default_factory=dict)
    flights_with_contrails: bool | None = None

    def get(self, name: str) -> Decimal | None:
        return self.values.get(name)


@dataclass(frozen=True)
class ProductionPlan:
    title: str = ""
    format: str = ""
    duration_minutes: Decimal | None = None
    country: str = "FR"
    people: tuple[PlanPerson, ...] = ()
    locations: tuple[PlanLocation, ...] = ()
    days: tuple[PlanDay, ...] = ()
    vehicles: tuple[Vehicle, ...] = ()
    menu: dict[str, Decimal] | None = None  # factor id -> weight; None: default mix
    extra_meals_per_day: Decimal = Decimal(0)
    purchases: tuple[Activity, ...] = ()
    post_production: dict[str, Decimal] = field(default_factory=dict)
    distribution: dict[str, Decimal] = field(default_factory=dict)
    options: Options = field(default_factory=Options)
    overrides: dict[str, dict[str, Any]] = field(default_factory=dict)

    def location(self, location_id: str) -> PlanLocation:
        for location in self.locations:
            if location.id == location_id:
                return location
        raise CarbonError("plan.location", f"Lieu inconnu dans le plan : « {location_id} ».")


# parsing ------------------------------------------------------------------------------
def _list(document: dict[str, Any], name: str) -> list[Any]:
    value = document.get(name) or []
    if not isinstance(value, list):
        raise CarbonError("plan.invalid", f"« {name} » doit être une liste.")
    if len(value) > MAX_ROWS:
        raise CarbonError("plan.too_large", f"« {name} » : trop d'éléments ({len(value)}).")
    return value


def _dict(value: Any, where: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise CarbonError("plan.invalid", f"{where} doit être un objet.")
    return value


def _text(raw: dict[str, Any], name: str) -> str:
    value = raw.get(name)
    return "" if value is None else str(value).strip()[:300]


def _number(raw: dict[str, Any], name: str, where: str) -> Decimal | None:
    value = raw.get(name)
    return None if value in (None, "") else parse_quantity(value, f"{where}, {name}")


def _point(raw: dict[str, Any], city: str, country: str, where: str) -> Point | None:
    lat, lon = raw.get("lat", raw.get("latitude")), raw.get("lon", raw.get("longitude"))
    if lat is not None and lon is not None:
        try:
            return Point(float(lat), float(lon))
        except (TypeError, ValueError):
            raise CarbonError("plan.coordinates", f"{where} : coordonnées invalides.") from None
    return city_point(city, country) if city else None


def _person(raw: Any, index: int) -> PlanPerson:
    where = f"Personne n°{index}"
    raw = _dict(raw, where)
    city = _text(raw, "home_city")
    return PlanPerson(
        id=_text(raw, "id") or str(index),
        name=_text(raw, "name") or where,
        home=_point(raw, city, _text(raw, "home_country"), where),
        home_city=city,
        mode=_text(raw, "mode") or None,
    )


def _location(raw: Any, index: int, default_country: str) -> PlanLocation:
    where = f"Lieu n°{index}"
    raw = _dict(raw, where)
    country = (_text(raw, "country") or default_country).upper()
    power = _text(raw, "power_source") or "grid"
    if power not in POWER_SOURCES:
        raise CarbonError(
            "plan.power_source",
            f"{where} : source d'énergie « {power} » inconnue ({', '.join(POWER_SOURCES)}).",
        )
    return PlanLocation(
        id=_text(raw, "id") or str(index),
        name=_text(raw, "name") or where,
        point=_point(raw, _text(raw, "city"), country, where),
        country=country,
        power_source=power,
        energy_kwh_per_day=_number(raw, "energy_kwh_per_day", where),
        fuel_l_per_day=_number(raw, "fuel_l_per_day", where),
    )


def _days(raw: Any, index: int) -> list[PlanDay]:
    where = f"Jour n°{index}"
    raw = _dict(raw, where)
    location = _text(raw, "location")
    if not location:
        raise CarbonError("plan.day", f"{where} : le lieu est obligatoire.")
    try:
        day = date.fromisoformat(_text(raw, "date")) if raw.get("date") else None
    except ValueError:
        raise CarbonError("plan.day", f"{where} : date illisible (AAAA-MM-JJ).") from None
    people = raw.get("people")
    if people is not None and not isinstance(people, list):
        raise CarbonError("plan.day", f"{where} : « people » doit être une liste d'identifiants.")
    count = int(_number(raw, "count", where) or 1)
    if count > 1000:
        raise CarbonError("plan.day", f"{where} : nombre de jours démesuré.")
    moves = _moves(raw.get("moves"), where)
    if moves is not None and count > 1:
        raise CarbonError("plan.day", f"{where} : « moves » vaut pour un seul jour, pas « count ».")
    called = None if people is None else tuple(str(p) for p in people)
    return [PlanDay(location, day if n == 0 else None, called, moves) for n in range(count)]


def _moves(raw: Any, where: str) -> tuple[tuple[str, str], ...] | None:
    if raw is None:
        return None
    if not isinstance(raw, list) or not all(
        isinstance(m, dict) and _text(m, "from") and _text(m, "to") for m in raw
    ):
        raise CarbonError(
            "plan.day", f"{where} : « moves » doit être une liste de {{from, to}} (lieux)."
        )
    return tuple((_text(m, "from"), _text(m, "to")) for m in raw)


def _vehicle(raw: Any, index: int) -> Vehicle:
    raw = _dict(raw, f"Véhicule n°{index}")
    count = _number(raw, "count", f"Véhicule n°{index}") or Decimal(1)
    return Vehicle(factor=_text(raw, "factor"), count=int(count), label=_text(raw, "label"))


def _numbers(raw: Any, keys: tuple[str, ...], where: str) -> dict[str, Decimal]:
    raw = _dict(raw, where)
    values = {key: _number(raw, key, where) for key in keys}
    return {key: value for key, value in values.items() if value is not None}


def _options(raw: Any) -> Options:
    raw = _dict(raw, "« options »")
    contrails = raw.get("flights_with_contrails")
    return Options(
        values=_numbers(raw, OPTION_KEYS, "« options »"),
        flights_with_contrails=None if contrails is None else bool(contrails),
    )


def parse_plan(document: Any) -> ProductionPlan:
    """A plan document (see docs/carbon.md) -> ProductionPlan; clear errors, no traceback."""
    document = _dict(document, "Le plan")
    production = _dict(document.get("production"), "« production »")
    country = (_text(production, "country") or "FR").upper()
    catering = _dict(document.get("catering"), "« catering »")
    menu = _numbers(catering.get("menu"), tuple(_dict(catering.get("menu"), "menu")), "menu")
    purchases = _list(document, "purchases")
    overrides = _dict(document.get("overrides"), "« overrides »")
    return ProductionPlan(
        title=_text(production, "title"),
        format=_text(production, "format"),
        duration_minutes=_number(production, "duration_minutes", "production"),
        country=country,
        people=tuple(_person(raw, i) for i, raw in enumerate(_list(document, "people"), 1)),
        locations=tuple(
            _location(raw, i, country) for i, raw in enumerate(_list(document, "locations"), 1)
        ),
        days=tuple(d for i, raw in enumerate(_list(document, "days"), 1) for d in _days(raw, i)),
        vehicles=tuple(_vehicle(raw, i) for i, raw in enumerate(_list(document, "vehicles"), 1)),
        menu=menu or None,
        extra_meals_per_day=_number(catering, "extra_meals_per_day", "catering") or Decimal(0),
        purchases=tuple(parse_activity(raw, f"Achat n°{i}") for i, raw in enumerate(purchases, 1)),
        post_production=_numbers(document.get("post_production"), POST_KEYS, "post_production"),
        distribution=_numbers(document.get("distribution"), DISTRIBUTION_KEYS, "distribution"),
        options=_options(document.get("options")),
        overrides={str(k): _dict(v, f"override {k}") for k, v in overrides.items()},
    )
