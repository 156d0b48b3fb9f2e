"""Labor's contract and inclusion tables refuse a malformed file, naming the file and key."""

import pytest

from malformed_tables import refusal
from tournage.common.rules import RuleTableError
from tournage.labor.tables import CDDU_MENTIONS, INCLUSION, RISK_MEASURES
from tournage.safety.rules import INCLUSION as SAFETY_INCLUSION


def test_a_missing_key_is_named_with_its_file(monkeypatch: pytest.MonkeyPatch) -> None:
    message = refusal(monkeypatch, RISK_MEASURES, lambda doc: doc["risks"]["water"].pop("owner"))
    assert "labor/risk_measures.yaml" in message
    assert "owner" in message
    assert "$.risks.water" in message


def test_a_value_of_the_wrong_type_is_named_with_its_file(monkeypatch: pytest.MonkeyPatch) -> None:
    message = refusal(monkeypatch, INCLUSION, lambda doc: doc.update(min_count="five"))
    assert "labor/inclusion.yaml" in message
    assert "$.min_count" in message


def test_an_item_the_checks_need_is_required_by_name() -> None:
    with pytest.raises(RuleTableError) as error:
        CDDU_MENTIONS.load().item("form_rules", "no_such_rule")
    assert "labor/cddu_mentions.yaml" in error.value.message
    assert "form_rules > no_such_rule" in error.value.message


def test_labor_and_safety_name_the_same_disability_rule() -> None:
    # the OETH row of labor/safety.yaml is read once, through the safety domain's table
    assert INCLUSION.load().oeth_rule_id == SAFETY_INCLUSION.load().oeth_rule_id
