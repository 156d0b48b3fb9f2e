"""Unit conversions: exact definitions, round trips, and refusal across dimensions."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.carbon.errors import CarbonError
from tournage.carbon.units import unit_table

quantities = st.decimals(min_value=0, max_value=Decimal("1e9"), allow_nan=False, places=3)
SAME_DIMENSION = [
    ("km", "mi"),
    ("L", "gal_us"),
    ("L", "gal_uk"),
    ("kWh", "MJ"),
    ("t", "lb"),
    ("TB.year", "TB.month"),
    ("kWh", "MWh"),
    ("hour", "min"),
]


def test_exact_definitions() -> None:
    convert = unit_table().convert
    assert convert(Decimal(1), "mi", "km") == Decimal("1.609344")
    assert convert(Decimal(1), "gal_us", "L") == Decimal("3.785411784")
    assert convert(Decimal(3600), "MJ", "kWh") == Decimal(1000)
    assert convert(Decimal(800), "kg", "t") == Decimal("0.8")
    assert convert(Decimal(12), "TB.month", "TB.year") == Decimal(1)


@settings(max_examples=60)
@given(quantities, st.sampled_from(SAME_DIMENSION))
def test_round_trip_returns_the_quantity(quantity: Decimal, pair: tuple[str, str]) -> None:
    convert = unit_table().convert
    back = convert(convert(quantity, pair[0], pair[1]), pair[1], pair[0])
    assert abs(back - quantity) <= Decimal("1e-15") * max(quantity, Decimal(1))


@settings(max_examples=40)
@given(quantities)
def test_miles_are_always_longer_than_kilometres(quantity: Decimal) -> None:
    assert unit_table().convert(quantity, "mi", "km") >= quantity


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("L", "kWh"),
        ("km", "t"),
        ("kWh", "L"),
        ("meal", "night"),
        ("km", "tonne.km"),
        ("EUR", "kWh"),
    ],
)
def test_other_dimensions_are_refused(source: str, target: str) -> None:
    with pytest.raises(CarbonError) as error:
        unit_table().convert(Decimal(1), source, target)
    assert error.value.code == "unit.mismatch"


def test_a_plain_distance_is_one_passenger_or_one_vehicle() -> None:
    assert unit_table().convert(Decimal(10), "km", "passenger.km") == Decimal(10)
    assert unit_table().convert(Decimal(10), "mi", "vehicle.km") == Decimal("16.09344")


def test_unknown_unit() -> None:
    with pytest.raises(CarbonError) as error:
        unit_table().get("furlong")
    assert error.value.code == "unit.unknown"
