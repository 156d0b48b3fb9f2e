"""The budget tables refuse a malformed file with a message naming the file and the key."""

import pytest

from malformed_tables import refusal
from tournage.budget.tables import AID_CRITERIA, FRINGES


def test_a_missing_key_is_named_with_its_file(monkeypatch: pytest.MonkeyPatch) -> None:
    message = refusal(
        monkeypatch, FRINGES, lambda doc: doc["categories"]["artiste_interprete"].pop("account")
    )
    assert "budget/fringes.yaml" in message
    assert "account" in message
    assert "$.categories.artiste_interprete" in message


def test_a_value_of_the_wrong_type_is_named_with_its_file(monkeypatch: pytest.MonkeyPatch) -> None:
    message = refusal(
        monkeypatch, FRINGES, lambda doc: doc["components"]["ags"].update(rate="a lot")
    )
    assert "budget/fringes.yaml" in message
    assert "$.components.ags.rate" in message


def test_a_criterion_of_no_known_kind_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def damage(doc: dict) -> None:
        doc["aids"]["cnc_fsa_selectif"]["criteria"][0].pop("flag")

    message = refusal(monkeypatch, AID_CRITERIA, damage)
    assert "budget/aid_criteria.yaml" in message
    assert "$.aids.cnc_fsa_selectif.criteria[0]" in message
