"""Scenarios: each lever changes the plan the way its label says, deltas in kg and %."""

from decimal import Decimal
from typing import Any

import pytest

from tournage.carbon.errors import CarbonError
from tournage.carbon.forecast import forecast
from tournage.carbon.plan import parse_plan
from tournage.carbon.scenarios import rank_levers, run_scenario

PLAN: dict[str, Any] = {
    "people": [
        {"id": "a", "name": "A", "lat": 30.0, "lon": 2.0, "mode": "plane"},  # 16° south: long trip
        {"id": "b", "name": "B", "lat": 45.9, "lon": 2.0, "mode": "car"},
    ],
    "locations": [
        {
            "id": "x",
            "name": "X",
            "lat": 46.0,
            "lon": 2.0,
            "power_source": "generator",
            "fuel_l_per_day": 100,
        },
        {
            "id": "y",
            "name": "Y",
            "lat": 46.2,
            "lon": 2.0,
            "power_source": "grid",
            "energy_kwh_per_day": 50,
        },
    ],
    "days": [{"location": "x"}, {"location": "y"}, {"location": "x"}],
    "vehicles": [{"factor": "hgv_rigid_7_5_17t_km_desnz", "count": 1}],
}


def keys(result: Any) -> set[str]:
    return {a.factor for a in result.forecast.activities}


def test_train_instead_of_plane_removes_flights() -> None:
    result = run_scenario(parse_plan(PLAN), "train", {"train_instead_of_plane": {}})
    assert not any(f.startswith("plane") for f in keys(result))
    assert "train_tgv" in keys(result)
    assert result.delta_kgco2e < 0 and result.delta_pct is not None and result.delta_pct < 0


def test_grid_instead_of_generator_keeps_the_energy() -> None:
    result = run_scenario(parse_plan(PLAN), "grid", {"grid_instead_of_generator": {}})
    energy = [a for a in result.forecast.activities if a.key == "energy:x"]
    # 100 L/day / 0.39 L/kWh = 256.41 kWh a day, 2 days
    assert energy[0].quantity == pytest.approx(Decimal(200) / Decimal("0.39"))


def test_hvo_counts_scope_one_and_upstream() -> None:
    result = run_scenario(parse_plan(PLAN), "hvo", {"hvo_instead_of_diesel": {}})
    assert {"hvo_l_scope1_desnz", "hvo_l_wtt_desnz"} <= keys(result)


def test_vegetarian_share_sets_the_menu() -> None:
    result = run_scenario(parse_plan(PLAN), "veg", {"vegetarian_share": {"share": 0.75}})
    meals = {a.factor: a.quantity for a in result.forecast.activities if a.unit == "meal"}
    assert meals["meal_vegetarian_ngc"] == pytest.approx(
        Decimal("0.75") * sum(meals.values()), rel=Decimal("0.001")
    )


def test_fewer_company_moves_groups_days_by_location() -> None:
    plan = parse_plan(PLAN)
    base = forecast(plan)
    result = run_scenario(plan, "moves", {"fewer_company_moves": {}}, base)
    moved = [a.quantity for a in result.forecast.activities if a.key.startswith("moves")]
    before = [a.quantity for a in base.activities if a.key.startswith("moves")]
    assert moved[0] == pytest.approx(before[0] / 2)


def test_fewer_company_moves_puts_one_location_on_each_planned_day() -> None:
    within = [{"from": "x", "to": "y"}]  # the plan de travail's days start at X, then Y
    plan = parse_plan({**PLAN, "days": [{"location": "x", "moves": within}] * 3})
    result = run_scenario(plan, "moves", {"fewer_company_moves": {}}, forecast(plan))
    assert not [a for a in result.forecast.activities if a.key.startswith("moves")]
    assert result.delta_kgco2e < 0


def test_levers_are_ranked_by_reduction() -> None:
    ranked = rank_levers(parse_plan(PLAN))
    deltas = [r.delta_kgco2e for r in ranked]
    assert deltas == sorted(deltas)
    assert ranked[0].delta_kgco2e < 0


def test_unknown_lever_and_bad_parameter_are_refused() -> None:
    with pytest.raises(CarbonError):
        run_scenario(parse_plan(PLAN), "?", {"teleportation": {}})
    with pytest.raises(CarbonError):
        run_scenario(parse_plan(PLAN), "?", {"vegetarian_share": {"share": 2}})
