"""Demo step: the demo production's carbon inputs, so its forecast derives from its own
people and locations (idempotent: running it twice duplicates nothing)."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

import yaml

from tournage.web.productions.models import Location, Person, Production

from .models import CarbonActivity, CarbonProfile, LocationEnergy, PersonTravel, Scenario


def demo_inputs() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(
        files(__package__).joinpath("demo_carbon.yaml").read_text("utf-8")
    )
    return data


def load_demo_carbon(production: Production) -> None:
    data = demo_inputs()
    for key, values in data["locations"].items():
        location = Location.objects.filter(production=production, key=key).first()
        if location is not None:
            LocationEnergy.objects.update_or_create(
                production=production, location=location, defaults=values
            )
    for key, mode in data["travel"].items():
        person = Person.objects.filter(production=production, key=key).first()
        if person is not None:
            PersonTravel.objects.update_or_create(
                production=production, person=person, defaults={"mode": mode}
            )
    CarbonProfile.objects.update_or_create(production=production, defaults=data["profile"])
    for purchase in data["purchases"]:
        CarbonActivity.objects.update_or_create(
            production=production,
            phase="forecast",
            factor=purchase["factor"],
            label=purchase["label"],
            defaults={"quantity": purchase["quantity"], "unit": purchase["unit"]},
        )
    for scenario in data["scenarios"]:
        Scenario.objects.update_or_create(
            production=production, name=scenario["name"], defaults={"levers": scenario["levers"]}
        )
