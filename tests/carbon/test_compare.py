"""Forecast vs final: deltas by section and the largest gaps explained."""

from decimal import Decimal

import pytest

from tournage.carbon.activities import Activity
from tournage.carbon.calculator import compute
from tournage.carbon.compare import compare


def test_gaps_are_ranked_and_explained() -> None:
    planned = compute(
        [
            Activity("diesel_b7_l_ademe", Decimal(100), "L"),  # 310 kg
            Activity("train_tgv", Decimal(1000), "km"),  # 2.93 kg
        ]
    )
    actual = compute(
        [
            Activity("diesel_b7_l_ademe", Decimal(250), "L", phase="actual"),  # 775 kg
            Activity("hotel_night_fr_avg_ademe", Decimal(10), "night", phase="actual"),  # 99.1
        ]
    )
    result = compare(planned, actual)
    assert result["total"]["delta_kgco2e"] == pytest.approx(775 + 99.1 - 310 - 2.93)
    gaps = result["largest_gaps"]
    assert [g["id"] for g in gaps] == ["diesel_b7_l_ademe", "hotel_night_fr_avg_ademe", "train_tgv"]
    assert "× 2,50" in gaps[0]["explanation"]
    assert "absent de la prévision" in gaps[1]["explanation"]
    assert "absent du définitif" in gaps[2]["explanation"]
    sections = {row["id"]: row for row in result["by_section"]}
    assert sections["locations"]["delta_pct"] == 150.0
    assert sections["regie"]["delta_pct"] is None
