"""Load the demo production, idempotently, then let each app add its part."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from tournage.demo import DEMO_KEY, DEMO_PASSWORD, production_data

from .models import Location, Membership, Person, Production


@dataclass(frozen=True)
class DemoStep:
    name: str
    load: Callable[[Production], None]
    order: int


_steps: list[DemoStep] = []


def register_demo_step(name: str, load: Callable[[Production], None], order: int = 100) -> None:
    _steps.append(DemoStep(name, load, order))


PRODUCTION_FIELDS = (
    "title",
    "format",
    "genre",
    "logline",
    "target_duration_minutes",
    "country",
    "budget_envelope",
    "currency",
    "phase",
    "shoot_start",
    "pace_pages_per_day",
    "channels",
)
PERSON_FIELDS = (
    "first_name",
    "last_name",
    "kind",
    "character",
    "birth_date",
    "email",
    "phone",
    "home_city",
    "home_latitude",
    "home_longitude",
    "daily_rate",
)
LOCATION_FIELDS = (
    "name",
    "sets",
    "address",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "kind",
    "power_source",
    "available_from",
    "available_to",
    "notes",
)


def _pick(source: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    values = {name: source[name] for name in names if source.get(name) is not None}
    for money in ("budget_envelope", "daily_rate", "pace_pages_per_day"):
        if money in values:
            values[money] = Decimal(str(values[money]))
    for day in ("shoot_start", "birth_date", "available_from", "available_to"):
        if isinstance(values.get(day), str):
            values[day] = date.fromisoformat(values[day])
    return values


def load_demo() -> tuple[Production, list[dict[str, str]]]:
    """Create or update the demo production; return it and the demo logins."""
    data = production_data()
    with transaction.atomic():
        production, _ = Production.objects.update_or_create(
            demo_key=DEMO_KEY, defaults=_pick(data["production"], PRODUCTION_FIELDS)
        )
        for person in data["people"]:
            values = _pick(person, PERSON_FIELDS)
            values["functions"] = ", ".join(person.get("functions", []))
            Person.objects.update_or_create(
                production=production, key=person["key"], defaults=values
            )
        for place in data["locations"]:
            Location.objects.update_or_create(
                production=production, key=place["key"], defaults=_pick(place, LOCATION_FIELDS)
            )
        logins = [_demo_user(production, user) for user in data["users"]]
    for step in sorted(_steps, key=lambda s: s.order):
        with transaction.atomic():
            step.load(production)
    return production, logins


def _demo_user(production: Production, spec: dict[str, str]) -> dict[str, str]:
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=spec["username"],
        defaults={"first_name": spec.get("first_name", ""), "last_name": spec.get("last_name", "")},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    Membership.objects.update_or_create(
        production=production, user=user, defaults={"role": spec["role"]}
    )
    return {"username": spec["username"], "password": DEMO_PASSWORD, "role": spec["role"]}
