"""The QC profiles and the meter's conformance cases are read as typed rule tables:
validated when loaded, every stated limit with its source."""

from __future__ import annotations

from typing import Any

import pytest

from malformed_tables import refusal
from tournage.common.rules import RuleTable
from tournage.delivery import conformance
from tournage.delivery.profiles import QC_PROFILES, get_profile, r103_levels


def test_both_tables_are_declared_rule_tables() -> None:
    declared = {table.path for table in RuleTable.all()}
    assert {"delivery/qc_profiles.yaml", "delivery/loudness_conformance.yaml"} <= declared


def test_the_r103_levels_keep_their_sources() -> None:
    levels = r103_levels()
    assert (levels.tolerated_8bit.min, levels.tolerated_8bit.max) == (5.0, 246.0)
    assert levels.tolerated_10bit.source == "ebu_qc_0051b"
    assert levels.area_allowance_percent.source == "ebu_r103_news_2016"
    assert (levels.matrix_bt709.kr, levels.matrix_bt709.source) == (0.2126, "itu_bt709")


def test_a_profile_keeps_its_own_rules_and_takes_the_defaults() -> None:
    profile = get_profile("netflix")
    assert profile.rule("integrated_loudness") == {
        "value": -24.0,
        "tolerance": 3.0,
        "source": "netflix_qc_loudness",
        "note": profile.rules["integrated_loudness"]["note"],
    }
    assert profile.rule("clipping") == QC_PROFILES.load().defaults["clipping"]
    assert profile.rule("container") is None


def _unsourced(document: Any) -> None:
    del document["profiles"]["netflix"]["true_peak"]["source"]


def _unsourced_default(document: Any) -> None:
    document["defaults"]["phase"] = {"max": 0.5}


@pytest.mark.parametrize(
    ("damage", "where"),
    [(_unsourced, "netflix.true_peak"), (_unsourced_default, "defaults.phase")],
)
def test_a_limit_without_its_source_is_refused_at_load(
    monkeypatch: pytest.MonkeyPatch, damage: Any, where: str
) -> None:
    message = refusal(monkeypatch, QC_PROFILES, damage)
    assert f"{where} : limite sans source" in message


def test_an_unknown_limit_needs_no_source() -> None:
    assert get_profile("pad-hd-fr").rule("tracks") == {
        "value": None,
        "note": get_profile("pad-hd-fr").rules["tracks"]["note"],
    }


def test_a_malformed_conformance_case_is_refused_at_load(monkeypatch: pytest.MonkeyPatch) -> None:
    def damage(document: Any) -> None:
        document["cases"][0]["expected"][0]["value"] = "moins vingt-trois"

    message = refusal(monkeypatch, conformance.CASES, damage)
    assert "$.cases[0].expected[0].value" in message


def test_the_self_test_measures_the_steady_stereo_cases() -> None:
    steady = [c.id for c in conformance.CASES.load().cases if conformance._steady(c)]
    assert steady == [
        "tech3341-03",
        "tech3341-04",
        "tech3341-05",
        "tech3342-01",
        "tech3342-02",
        "tech3342-03",
        "tech3342-04",
    ]
    first = conformance.CASES.load().cases[0]
    assert first.id == "tech3341-01" and conformance._steady(first) is None  # measures M, S
    assert [e.measures for e in first.expected] == [["M", "S", "I"], ["M", "S", "I"]]
