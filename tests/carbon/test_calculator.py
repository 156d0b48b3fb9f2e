"""The calculator: a hand-computed footprint to the gram, totals = Σ lines, refusals."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.carbon.activities import Activity, parse_activities
from tournage.carbon.calculator import compute
from tournage.carbon.errors import CarbonError


def test_small_production_matches_the_hand_computation_to_the_gram() -> None:
    footprint = compute(
        parse_activities(
            {
                "activities": [
                    # 6 people Paris-Lyon return by TGV: 6 x 2 x 392 km = 4,704 p.km
                    # x 0.00293 = 13.78272 kg
                    {"factor": "train_tgv", "quantity": 4704, "unit": "passenger.km"},
                    # generator: 3 days x 60 L = 180 L x 3.1 kg/L = 558 kg
                    {"factor": "diesel_b7_l_ademe", "quantity": 180, "unit": "L"},
                    # 18 hotel nights x 9.91 = 178.38 kg
                    {"factor": "hotel_night_fr_avg_ademe", "quantity": 18, "unit": "night"},
                    # 40 vegetarian meals x 0.85 = 34 kg ; 40 white-meat meals x 1.65 = 66 kg
                    {"factor": "meal_vegetarian_ngc", "quantity": 40, "unit": "meal"},
                    {"factor": "meal_white_meat_ngc", "quantity": 40, "unit": "meal"},
                    # 250 kg of timber = 0.25 t x 269.50416 = 67.37604 kg -> 67.376 kg
                    {"factor": "wood_primary_desnz", "quantity": 250, "unit": "kg"},
                    # a van driven 100 miles = 160.9344 km x 0.27878 = 44.86489 kg -> 44.865 kg
                    {"factor": "van_class3_diesel_km_desnz", "quantity": 100, "unit": "mi"},
                ]
            }
        )
    )
    kg = [line.kgco2e for line in footprint.lines]
    assert kg == [
        Decimal("13.783"),
        Decimal("558.000"),
        Decimal("178.380"),
        Decimal("34.000"),
        Decimal("66.000"),
        Decimal("67.376"),
        Decimal("44.865"),
    ]
    # 13.783 + 558 + 178.38 + 34 + 66 + 67.376 + 44.865 = 962.404 kg
    assert footprint.total_kgco2e == Decimal("962.404")
    assert footprint.by_section()["regie"] == Decimal("278.380")
    assert footprint.to_dict()["factor_vintage"] == "tournage-factors-2026.11"


activity = st.builds(
    lambda factor, q: Activity(factor=factor[0], quantity=q, unit=factor[1]),
    st.sampled_from(
        [
            ("train_tgv", "km"),
            ("diesel_b7_l_ademe", "L"),
            ("meal_beef_impactco2", "meal"),
            ("electricity_fr_2025", "MWh"),
            ("clothing_new_desnz", "kg"),
        ]
    ),
    st.decimals(min_value=0, max_value=Decimal("1e6"), allow_nan=False, places=2),
)


@settings(max_examples=50)
@given(st.lists(activity, max_size=20))
def test_totals_are_the_sum_of_lines(activities: list[Activity]) -> None:
    footprint = compute(activities)
    document = footprint.to_dict()
    assert footprint.total_kgco2e == sum((line.kgco2e or 0 for line in footprint.lines), Decimal(0))
    assert sum(footprint.by_category().values(), Decimal(0)) == footprint.total_kgco2e
    assert sum(footprint.by_section().values(), Decimal(0)) == footprint.total_kgco2e
    assert document["total_kgco2e"] == pytest.approx(
        sum(line["kgco2e"] for line in document["lines"])
    )


def test_wrong_unit_for_the_factor_is_refused_with_a_message() -> None:
    with pytest.raises(CarbonError) as error:
        compute([Activity("diesel_b7_l_ademe", Decimal(100), "kWh", label="Groupe")])
    assert error.value.code == "unit.mismatch"
    assert "Groupe" in str(error.value)


def test_energy_coefficient_cannot_price_an_activity() -> None:
    with pytest.raises(CarbonError) as error:
        compute([Activity("generator_sfc_100kw_25pct_load", Decimal(1), "kWh")])
    assert error.value.code == "factor.not_emission"


def test_unknown_factor_value_is_reported_not_guessed() -> None:
    footprint = compute(
        [
            Activity("dcp_delivery_unknown", Decimal(3), "item"),
            Activity("train_tgv", Decimal(10), "km"),
        ]
    )
    assert [line.factor.id for line in footprint.unknown] == ["dcp_delivery_unknown"]
    assert footprint.total_kgco2e == Decimal("0.029")


def test_superseded_and_monetary_factors_carry_warnings() -> None:
    footprint = compute(
        [
            Activity("electricity_fr_2022", Decimal(1000), "kWh"),
            Activity("monetary_services_eur_unknown", Decimal(500), "EUR"),
        ]
    )
    assert footprint.lines[0].kgco2e == Decimal("52.000")
    assert footprint.lines[0].warnings[0].startswith("factor.superseded")
    assert any(w.startswith("factor.monetary") for w in footprint.lines[1].warnings)


def test_mixing_ademe_and_desnz_in_one_category_is_noted() -> None:
    footprint = compute(
        [
            Activity("train_tgv", Decimal(10), "km"),
            Activity("taxi_regular_pkm_desnz", Decimal(10), "km"),
        ]
    )
    assert footprint.notes and footprint.notes[0].startswith("families.mixed")


@pytest.mark.parametrize(
    "bad",
    [
        None,
        [],
        {"activities": "x"},
        {"activities": [1]},
        {"activities": [{"factor": "train_tgv"}]},
        {"activities": [{"factor": "train_tgv", "quantity": -1, "unit": "km"}]},
        {"activities": [{"factor": "train_tgv", "quantity": "NaN", "unit": "km"}]},
        {"activities": [{"factor": "train_tgv", "quantity": True, "unit": "km"}]},
        {"activities": [{"factor": "train_tgv", "quantity": 1e300, "unit": "km"}]},
        {"activities": [{"factor": "train_tgv", "quantity": 1, "unit": "km", "phase": "later"}]},
    ],
)
def test_malformed_activity_lists_get_a_clear_error(bad: object) -> None:
    with pytest.raises(CarbonError):
        parse_activities(bad)
