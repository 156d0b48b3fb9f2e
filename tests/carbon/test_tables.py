"""The carbon tables refuse a malformed file with a message naming the file and the key."""

import pytest

from malformed_tables import refusal
from tournage.carbon.tables import FORECAST_RULES, UNITS


def test_a_missing_key_is_named_with_its_file(monkeypatch: pytest.MonkeyPatch) -> None:
    message = refusal(
        monkeypatch, FORECAST_RULES, lambda doc: doc["catering"].pop("vegetarian_factor")
    )
    assert "carbon/forecast_rules.yaml" in message
    assert "vegetarian_factor" in message
    assert "$.catering" in message


def test_a_value_of_the_wrong_type_is_named_with_its_file(monkeypatch: pytest.MonkeyPatch) -> None:
    message = refusal(monkeypatch, UNITS, lambda doc: doc["units"]["km"].update(to_base="one"))
    assert "carbon/units.yaml" in message
    assert "$.units.km.to_base" in message
