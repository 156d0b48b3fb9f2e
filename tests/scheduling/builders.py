"""Builders of small hand-made scheduling problems for the tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from tournage.scheduling.model import Calendar, CastMember, Location, Problem, Scene, Weights

MONDAY = date(2027, 3, 1)


def weights(**changes: int) -> Weights:
    base = {
        "shooting_day": 1000,
        "holding": 1,
        "company_move": 200,
        "km": 1,
        "kgco2e": 0,
        "overtime_hour": 100,
        "night_to_day": 500,
        "change": 300,
        "minor_excess_hour": 5000,
        "split_day": 300,
    }
    return Weights(**{**base, **changes})


def make_problem(
    scenes: list[Scene],
    cast: list[CastMember] | None = None,
    locations: list[Location] | None = None,
    max_days: int = 5,
    **settings: Any,
) -> Problem:
    places = locations or [
        Location("studio", "Studio", 48.85, 2.35),
        Location("gare", "Gare", 48.88, 2.36),
    ]
    members = cast or [
        CastMember("ana", "Ana", Decimal(400)),
        CastMember("bob", "Bob", Decimal(300)),
    ]
    settings.setdefault("weights", weights())
    return Problem(
        scenes=tuple(scenes),
        cast=tuple(members),
        locations=tuple(places),
        calendar=settings.pop("calendar", Calendar(start=MONDAY, max_days=max_days)),
        **settings,
    )
