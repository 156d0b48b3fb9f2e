"""The shipped factor table: ids kept, every row sourced, superseded rows chained."""

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from tournage.carbon.errors import CarbonError
from tournage.carbon.factors import factor_table
from tournage.carbon.units import unit_table

SHARED = Path("/work/shared/data/carbon/emission_factors.csv")


def test_every_row_has_a_source_a_vintage_and_a_family() -> None:
    for factor in factor_table().factors.values():
        assert factor.source.strip(), factor.id
        assert factor.source_year.strip(), factor.id
        assert factor.family in {
            "ademe",
            "desnz",
            "electricity_maps",
            "ccf",
            "albert_derived",
            "monetary",
            "other",
        }


@pytest.mark.skipif(not SHARED.exists(), reason="shared research table not on this machine")
def test_every_shared_row_keeps_its_id_and_value() -> None:
    table = factor_table()
    with SHARED.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            assert table.get(row["id"]).value == Decimal(row["value"]), row["id"]


def test_superseded_rows_point_to_an_existing_newer_row() -> None:
    table = factor_table()
    old = table.get("electricity_fr_2022")
    assert old.superseded_by == "electricity_fr_2025"
    assert (
        table.current("plane_short_haul_contrails_ademe_prev").id
        == "plane_short_haul_contrails_ademe"
    )
    for factor in table.factors.values():
        assert table.current(factor.id).superseded_by == ""  # every chain ends


def test_every_emission_factor_unit_is_a_known_activity_unit() -> None:
    units = unit_table()
    for factor in factor_table().factors.values():
        if factor.is_emission_factor:
            units.get(factor.activity_unit)


def test_unknown_values_are_none_and_never_zero() -> None:
    dcp = factor_table().get("dcp_delivery_unknown")
    assert dcp.value is None
    assert dcp.to_dict()["value"] is None


def test_unknown_id_is_refused_with_a_code() -> None:
    with pytest.raises(CarbonError) as error:
        factor_table().get("plane_to_the_moon")
    assert error.value.code == "factor.unknown"
