"""The plan's forms: scenarios, location energy, checklist, plan inputs, overrides."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tournage.web.carbon.models import LocationEnergy, Scenario

from .web_helpers import url

pytestmark = pytest.mark.django_db


def test_scenario_location_energy_and_checklist_forms(planned: Any, member_client: Any) -> None:
    client = member_client("producer")
    response = client.post(
        url("scenario_create", planned),
        {
            "name": "Réseau",
            "levers": ["grid_instead_of_generator", "vegetarian_share"],
            "vegetarian_share": "0.7",
        },
    )
    assert response.status_code == 302
    assert Scenario.objects.get().levers == {
        "grid_instead_of_generator": {},
        "vegetarian_share": {"share": 0.7},
    }
    location = LocationEnergy.objects.get().location
    response = client.post(
        url("location_energy", planned, location_id=location.pk),
        {"shooting_days": 5, "power_source": "grid", "energy_kwh_per_day": "80"},
    )
    assert response.status_code == 302 and LocationEnergy.objects.get().shooting_days == 5
    client.post(url("checklist", planned), {"waste_sorting": "on"})
    body = client.get(url("index", planned)).content.decode()
    assert "Réseau" in body and "1/12" in body


def test_plan_inputs_feed_the_forecast(planned: Any, member_client: Any) -> None:
    from tournage.web.carbon.adapters import production_footprints

    client = member_client("eco_referent")
    response = client.post(
        url("plan", planned),
        {
            "vehicle_0": "van_class3_diesel_km_desnz",
            "vehicle_0_count": "2",
            "meal_vegan_ngc": "1",
            "storage_tb": "4",
            "detour_road": "1.25",
            "flights_with_contrails": "no",
        },
    )
    assert response.status_code == 302
    result = production_footprints(planned)
    assert result.derived is not None
    factors = {a.factor for a in result.derived.activities}
    assert {"meal_vegan_ngc", "data_storage_tb_year_impactco2"} <= factors
    assert result.derived.plan.options.get("detour_road") == Decimal("1.25")
    assert result.derived.plan.options.flights_with_contrails is False


def test_override_and_travel_mode(planned: Any, member_client: Any) -> None:
    from tournage.web.carbon.adapters import production_footprints

    client = member_client("producer")
    key = f"energy:{LocationEnergy.objects.get().location_id}:diesel_b7_l_ademe"
    client.post(url("override", planned) + f"?key={key}", {"quantity": "12"})
    line = next(a for a in production_footprints(planned).forecast.lines if a.activity.key == key)
    assert line.quantity == Decimal(12) and "valeur dérivée : 60" in line.activity.derivation
    client.post(url("override", planned) + f"?key={key}", {"remove": "on"})
    line = next(a for a in production_footprints(planned).forecast.lines if a.activity.key == key)
    assert line.quantity == Decimal(60)
    paris = planned.people.get(home_city="Paris")
    client.post(url("travel", planned), {f"person_{paris.pk}": "plane"})
    keys = {line.activity.key for line in production_footprints(planned).forecast.lines}
    assert f"travel:{paris.pk}:plane_short_haul_contrails_ademe" in keys


@pytest.mark.parametrize("field", ["car_occupancy", "detour_road", "detour_rail"])
def test_a_factor_below_one_is_refused(planned: Any, member_client: Any, field: str) -> None:
    """Occupancy 0 used to be stored, then every carbon page divided by zero (issue 14)."""
    response = member_client("eco_referent").post(url("plan", planned), {field: "0"})
    assert response.status_code == 200
    assert "supérieure ou égale à 1" in response.content.decode()
