"""Carbon checks: forecast, measures per category, travel, generators, actuals, factors."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tournage.referential.registry import Status
from tournage.web.carbon.models import CarbonActivity, CarbonProfile, LocationEnergy, Scenario

from .conftest import run

pytestmark = pytest.mark.django_db


def activity(production: Any, factor: str, quantity: str, unit: str, phase: str) -> None:
    CarbonActivity.objects.create(
        production=production, phase=phase, factor=factor, quantity=Decimal(quantity), unit=unit
    )


@pytest.fixture
def travelled(production: Any) -> Any:
    activity(production, "train_tgv", "800", "passenger.km", "forecast")
    activity(production, "car_diesel_avg_desnz", "200", "km", "forecast")
    return production


def test_forecast_checks_fail_on_an_empty_plan(production: Any) -> None:
    assert run("forecast_footprint_exists", production).status is Status.NOT_MET
    assert run("forecast_footprint", production).status is Status.NOT_MET


def test_forecast_checks_pass_with_a_forecast_and_show_the_benchmark(travelled: Any) -> None:
    assert run("forecast_footprint_exists", travelled).status is Status.MET
    result = run("forecast_footprint", travelled)
    assert result.status is Status.MET
    assert "repère Ecoprod" in result.message
    assert result.value["benchmark_tco2e"] == Decimal(8)  # short fiction, benchmarks.yaml


def test_reduction_measures_need_one_per_major_category(production: Any) -> None:
    assert run("reduction_measures", production).status is Status.NOT_MET
    Scenario.objects.create(
        production=production, name="Sobre", levers={"train_instead_of_plane": {}}
    )
    CarbonProfile.objects.create(
        production=production,
        checklist={"grid_power": True, "vegetarian_offer": True, "set_reuse": True},
    )
    partly = run("reduction_measures", production)
    assert partly.status is Status.PARTLY
    assert "déchets" in partly.message
    profile = CarbonProfile.objects.get(production=production)
    profile.checklist["waste_sorting"] = True
    profile.save()
    assert run("reduction_measures", production).status is Status.MET


def test_travel_carbon(production: Any, travelled: Any) -> None:
    assert run("travel_carbon", travelled).status is Status.MET


def test_travel_carbon_is_unknown_without_travel(production: Any) -> None:
    activity(production, "train_tgv", "1", "passenger.km", "actual")
    assert run("travel_carbon", production).status is Status.UNKNOWN


def test_generator_vs_grid(production: Any, make_location: Any) -> None:
    grid = make_location(production, power_source="grid")
    remote = make_location(production, power_source="generator")
    LocationEnergy.objects.create(
        production=production, location=remote, shooting_days=2, power_source="generator"
    )
    assert run("generator_vs_grid", production).status is Status.MET
    LocationEnergy.objects.create(
        production=production, location=grid, shooting_days=1, power_source="generator"
    )
    result = run("generator_vs_grid", production)
    assert result.status is Status.PARTLY
    assert grid.name in result.message


def test_running_footprint(travelled: Any) -> None:
    assert run("running_footprint", travelled).status is Status.UNKNOWN
    activity(travelled, "train_tgv", "900", "passenger.km", "actual")
    result = run("running_footprint", travelled)
    assert result.status is Status.MET
    assert "transport_people" in result.value["by_category"]


def test_low_carbon_mode_share_lists_flights(travelled: Any) -> None:
    result = run("low_carbon_mode_share", travelled)
    assert result.status is Status.MET
    assert result.value["share_percent"] == Decimal("80.0")
    activity(travelled, "plane_short_haul_contrails_ademe", "600", "passenger.km", "forecast")
    flown = run("low_carbon_mode_share", travelled)
    assert flown.status is Status.PARTLY
    assert "vols à justifier" in flown.message


def test_factors_sourced(travelled: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("factors_sourced", travelled).status is Status.MET
    from dataclasses import replace

    from tournage.carbon import factors

    table = factors.factor_table()
    monkeypatch.setitem(table.factors, "train_tgv", replace(table.get("train_tgv"), source_year=""))
    result = run("factors_sourced", travelled)
    assert result.status is Status.PARTLY
    assert "train_tgv" in result.message
