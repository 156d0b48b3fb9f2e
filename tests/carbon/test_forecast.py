"""The forecast derived from the plan, checked line by line against hand arithmetic.

Points on one meridian make great-circle distances easy to compute by hand:
one degree of latitude = 6371.0088 km x π / 180 = 111.195 km (mean Earth radius).
"""

import math
from decimal import Decimal
from typing import Any

import pytest

from tournage.carbon.errors import CarbonError
from tournage.carbon.forecast import forecast
from tournage.carbon.plan import parse_plan

DEGREE_KM = 6371.0088 * math.pi / 180  # 111.19508...


def plan(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "production": {"title": "Essai", "format": "short", "duration_minutes": 20},
        "people": [
            {
                "id": "far",
                "name": "Lou Loin",
                "lat": 44.0,
                "lon": 2.0,
            },  # 2° = 222.390 km from the set
            {"id": "near", "name": "Pat Près", "lat": 45.9, "lon": 2.0},  # 0.1° = 11.120 km
        ],
        "locations": [
            {
                "id": "set",
                "name": "Ferme",
                "lat": 46.0,
                "lon": 2.0,
                "power_source": "generator",
                "fuel_l_per_day": 50,
            },
        ],
        "days": [{"location": "set", "count": 3}],
        "catering": {"menu": {"meal_vegetarian_ngc": 1}},
    }
    document.update(changes)
    return document


def lines(document: dict[str, Any]) -> dict[str, Any]:
    return {line["key"]: line for line in forecast(parse_plan(document)).to_dict()["lines"]}


def test_travel_accommodation_meals_and_generator_by_hand() -> None:
    found = lines(plan())
    far_km = round(2 * DEGREE_KM, 3)  # 222.390 one way, by train (50 < d <= 800)
    assert found["travel:far:train_tgv"]["quantity"] == pytest.approx(2 * far_km)
    assert found["travel:far:train_tgv"]["kgco2e"] == pytest.approx(round(2 * far_km * 0.00293, 3))
    near_km = round(0.1 * DEGREE_KM, 3)  # 11.120, local: car, 2 trips a day x 3 days
    assert found["travel:near:car_ice_vehicle_km_ademe"]["quantity"] == pytest.approx(6 * near_km)
    # only Lou sleeps at the hotel: 3 nights x 9.91
    assert found["hotel:set"]["quantity"] == 3
    assert found["hotel:set"]["kgco2e"] == pytest.approx(29.73)
    # 2 people x 3 days x 1 lunch = 6 vegetarian meals x 0.85
    assert found["meals:meal_vegetarian_ngc"]["kgco2e"] == pytest.approx(5.1)
    # 3 days x 50 L x 3.1 kg/L
    assert found["energy:set:diesel_b7_l_ademe"]["kgco2e"] == pytest.approx(465.0)


def test_every_line_says_how_it_was_derived() -> None:
    result = forecast(parse_plan(plan()))
    assert all(a.derivation and a.key for a in result.activities)
    travel = next(a for a in result.activities if a.key == "travel:far:train_tgv")
    assert "Ferme" in travel.derivation and "km" in travel.derivation


def test_far_trips_fly_with_the_distance_band_and_contrail_choice() -> None:
    people = [{"id": "x", "name": "X", "lat": 36.0, "lon": 2.0}]  # 10° = 1,111.95 km: medium haul
    found = lines(plan(people=people))
    assert "travel:x:plane_medium_haul_contrails_ademe" in found
    no_contrails = lines(plan(people=people, options={"flights_with_contrails": False}))
    assert "travel:x:plane_medium_haul_no_contrails_ademe" in no_contrails


def test_a_persons_mode_and_the_detour_option_win() -> None:
    people = [{"id": "far", "name": "Lou", "lat": 44.0, "lon": 2.0, "mode": "car"}]
    found = lines(plan(people=people, options={"detour_road": 1.3}))
    line = found["travel:far:car_ice_vehicle_km_ademe"]
    assert line["quantity"] == pytest.approx(2 * round(round(2 * DEGREE_KM, 3) * 1.3, 3))


def test_grid_location_uses_the_country_electricity_factor() -> None:
    locations = [
        {
            "id": "set",
            "name": "Studio",
            "lat": 46.0,
            "lon": 2.0,
            "power_source": "grid",
            "energy_kwh_per_day": 200,
        }
    ]
    found = lines(plan(locations=locations))
    assert found["energy:set"]["factor"] == "electricity_fr_2025"
    assert found["energy:set"]["kgco2e"] == pytest.approx(3 * 200 * 0.0461)


def test_generator_from_kwh_uses_the_specific_consumption() -> None:
    locations = [
        {
            "id": "set",
            "name": "Ferme",
            "lat": 46.0,
            "lon": 2.0,
            "power_source": "generator",
            "energy_kwh_per_day": 100,
        }
    ]
    found = lines(plan(locations=locations))
    # 3 days x 100 kWh x 0.39 L/kWh = 117 L x 3.1
    assert found["energy:set:diesel_b7_l_ademe"]["quantity"] == pytest.approx(117)


def test_company_moves_follow_the_schedule() -> None:
    locations = [
        {"id": "a", "name": "A", "lat": 46.0, "lon": 2.0},
        {"id": "b", "name": "B", "lat": 46.5, "lon": 2.0},
    ]
    days = [{"location": "a"}, {"location": "b"}, {"location": "a"}]
    found = lines(
        plan(
            locations=locations,
            days=days,
            vehicles=[{"factor": "van_class3_diesel_km_desnz", "count": 2}],
        )
    )
    half = round(0.5 * DEGREE_KM, 3)
    assert found["moves:van_class3_diesel_km_desnz"]["quantity"] == pytest.approx(2 * 2 * half)


def test_a_plan_de_travail_s_own_moves_count_those_within_a_day() -> None:
    locations = [
        {"id": "a", "name": "A", "lat": 46.0, "lon": 2.0},
        {"id": "b", "name": "B", "lat": 46.5, "lon": 2.0},
    ]
    within = [{"from": "a", "to": "b"}]  # both days start at A and move on to B
    days = [{"location": "a", "moves": within}, {"location": "a", "moves": within}]
    found = lines(
        plan(locations=locations, days=days, vehicles=[{"factor": "van_class3_diesel_km_desnz"}])
    )
    line = found["moves:van_class3_diesel_km_desnz"]
    assert line["quantity"] == pytest.approx(2 * round(0.5 * DEGREE_KM, 3))
    assert line["derivation"].startswith("2 changements de décor : A → B")


@pytest.mark.parametrize(
    "moves", [[{"from": "a"}], "a→b", [["a", "b"]], [{"from": "a", "to": "nowhere"}]]
)
def test_malformed_moves_get_a_clear_error(moves: Any) -> None:
    document = plan(
        locations=[{"id": "a", "name": "A", "lat": 46.0, "lon": 2.0}],
        days=[{"location": "a", "moves": moves}],
        vehicles=[{"factor": "van_class3_diesel_km_desnz"}],
    )
    with pytest.raises(CarbonError):
        forecast(parse_plan(document))


def test_moves_belong_to_one_day_not_to_a_count() -> None:
    with pytest.raises(CarbonError, match="un seul jour"):
        parse_plan(plan(days=[{"location": "set", "count": 2, "moves": []}]))


def test_overrides_replace_a_derived_line_and_keep_the_trace() -> None:
    found = lines(plan(overrides={"hotel:set": {"quantity": 10}, "nothing": {"quantity": 1}}))
    assert found["hotel:set"]["quantity"] == 10
    assert "valeur dérivée : 3" in found["hotel:set"]["derivation"]
    warnings = forecast(parse_plan(plan(overrides={"nothing": {"quantity": 1}}))).warnings
    assert any(w["code"] == "override.unused" for w in warnings)


def test_missing_inputs_are_reported_not_invented() -> None:
    locations = [
        {"id": "set", "name": "Ferme", "lat": 46.0, "lon": 2.0, "power_source": "generator"}
    ]
    result = forecast(
        parse_plan(plan(locations=locations, people=[{"id": "z", "name": "Sans adresse"}]))
    )
    codes = {w["code"] for w in result.warnings}
    assert {"energy.missing", "person.no_home"} <= codes
    assert not any(a.key.startswith("energy") for a in result.activities)


def test_cities_are_found_without_coordinates() -> None:
    people = [{"id": "p", "name": "P", "home_city": "saint-etienne"}]
    locations = [{"id": "l", "name": "Quai", "city": "Lyon", "power_source": "none"}]
    found = lines(plan(people=people, locations=locations, days=[{"location": "l"}]))
    assert 45 < found["travel:p:car_ice_vehicle_km_ademe"]["quantity"] / 2 < 60  # about 50 km


@pytest.mark.parametrize(
    "bad",
    [
        {"people": "nobody"},
        {"locations": [{"id": "x", "power_source": "nuclear"}]},
        {"days": [{"date": "2027-13-45", "location": "set"}]},
        {"days": [{"people": ["far"]}]},
        {"people": [{"id": "q", "mode": "teleport", "lat": 44, "lon": 2}]},
        {"locations": [{"id": "set", "lat": 95, "lon": 2}]},
    ],
)
def test_malformed_plans_get_a_clear_error(bad: dict[str, Any]) -> None:
    with pytest.raises(CarbonError):
        forecast(parse_plan(plan(**bad)))


def test_total_is_the_sum_of_the_explained_lines() -> None:
    result = forecast(parse_plan(plan()))
    assert result.footprint.total_kgco2e == sum(
        (line.kgco2e or Decimal(0) for line in result.footprint.lines), Decimal(0)
    )


def test_derivation_counts_each_trip_once_when_commutes_and_moves_mix() -> None:
    locations = [
        {"id": "a", "name": "A", "lat": 44.0, "lon": 2.0},  # 222 km from home: hotel
        {"id": "b", "name": "B", "lat": 46.1, "lon": 2.0},  # 11 km from home: commute
    ]
    people = [{"id": "p", "name": "P", "lat": 46.0, "lon": 2.0, "mode": "car"}]
    days = [{"location": "a"}, {"location": "b"}]
    line = lines(plan(people=people, locations=locations, days=days))[
        "travel:p:car_ice_vehicle_km_ademe"
    ]
    assert line["derivation"].count("× 2") == 1  # only the commute is a return trip
    one_way, commute = round(2 * DEGREE_KM, 3), round(0.1 * DEGREE_KM, 3)
    assert line["quantity"] == pytest.approx(2 * one_way + 2 * commute)


def test_unknown_people_and_places_without_coordinates_are_reported() -> None:
    locations = [{"id": "set", "name": "Nulle part", "power_source": "none"}]
    days = [{"location": "set", "people": ["far", "ghost"]}]
    result = forecast(parse_plan(plan(locations=locations, days=days)))
    codes = {w["code"] for w in result.warnings}
    assert {"location.no_coordinates", "plan.unknown_person"} <= codes
    with pytest.raises(CarbonError):
        forecast(parse_plan(plan(days=[{"location": "elsewhere"}])))


def test_vehicles_of_the_same_type_are_counted_together() -> None:
    locations = [
        {"id": "a", "name": "A", "lat": 46.0, "lon": 2.0},
        {"id": "b", "name": "B", "lat": 46.5, "lon": 2.0},
    ]
    vehicles = [
        {"factor": "van_avg_diesel_km_desnz", "count": 1},
        {"factor": "van_avg_diesel_km_desnz", "count": 2},
    ]
    found = lines(
        plan(locations=locations, days=[{"location": "a"}, {"location": "b"}], vehicles=vehicles)
    )
    assert found["moves:van_avg_diesel_km_desnz"]["quantity"] == pytest.approx(
        3 * round(0.5 * DEGREE_KM, 3)
    )


def test_a_stored_occupancy_of_zero_is_a_clear_error() -> None:
    with pytest.raises(CarbonError, match="au moins 1"):
        forecast(parse_plan(plan(options={"car_occupancy": 0})))
