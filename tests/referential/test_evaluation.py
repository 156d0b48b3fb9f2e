"""The core evaluation: every check once, not-evaluated checks named, rows rolled up."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tournage.referential import registry
from tournage.referential.document import evaluation_document
from tournage.referential.evaluation import evaluate, not_evaluated, roll_up
from tournage.referential.framework import CHECK_DOMAINS, FRAMEWORK, CheckDomains, CheckSpec
from tournage.referential.registry import CheckResult, Status


@pytest.fixture
def empty_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    evaluators: dict[str, Any] = {}
    monkeypatch.setattr(registry, "_evaluators", evaluators)
    yield evaluators


def test_every_check_id_of_the_framework_appears_exactly_once(empty_registry: Any) -> None:
    document = evaluation_document(evaluate(object()))
    ids = [c["id"] for b in document["blocks"] for r in b["criteria"] for c in r["checks"]]
    expected = [spec.id for _, spec in FRAMEWORK.load().checks()]
    assert sorted(ids) == sorted(expected)
    assert len(ids) == len(set(ids)) == 151
    assert document["summary"]["not_evaluated"] == 151


def test_a_check_without_evaluator_names_its_domain(empty_registry: Any) -> None:
    outcome = evaluate(object()).check("permit_status")
    assert outcome is not None
    assert outcome.status is Status.NOT_EVALUATED
    assert outcome.domain == "rights"
    assert "droits et autorisations" in outcome.result.message


def test_every_check_has_an_owner_domain() -> None:
    domains = CHECK_DOMAINS.load()
    assert [s.id for _, s in FRAMEWORK.load().checks() if domains.owner(s.id) is None] == []


def test_a_registered_evaluator_answers_and_a_broken_one_is_unknown(empty_registry: Any) -> None:
    registry.register_check("eco_referent")(lambda p: CheckResult(Status.MET, "ok"))

    def broken(production: Any) -> CheckResult:
        raise RuntimeError("bug")

    registry.register_check("c2_2.all_scenes_scheduled")(broken)
    evaluation = evaluate(object())
    assert evaluation.check("eco_referent").status is Status.MET  # type: ignore[union-attr]
    failed = evaluation.check("all_scenes_scheduled")
    assert failed is not None
    assert failed.status is Status.UNKNOWN
    assert evaluation.decided == 1


def test_a_row_is_met_when_its_blocking_checks_pass_and_shows_its_warnings(
    empty_registry: Any,
) -> None:
    # crit_b1_ecoproduction: forecast_footprint (fail), reduction_measures (warn), ...
    results = {
        "forecast_footprint": Status.MET,
        "reduction_measures": Status.NOT_MET,
        "eco_referent": Status.MET,
        "ecoprod_score": Status.MET,
    }
    for check_id, status in results.items():
        registry.register_check(check_id)(lambda p, s=status: CheckResult(s, "x"))
    row = next(r for r in evaluate(object()).rows if r.id == "crit_b1_ecoproduction")
    assert row.status is Status.MET
    assert [c.id for c in row.warnings] == ["reduction_measures"]


def test_an_uncertain_failing_rule_only_warns(empty_registry: Any) -> None:
    registry.register_check("forecast_footprint")(
        lambda p: CheckResult(Status.NOT_MET, "x", uncertain=True)
    )
    outcome = evaluate(object()).check("forecast_footprint")
    assert outcome is not None
    assert outcome.severity.value == "warn"
    assert not outcome.blocking


def test_roll_up_takes_the_worst_status() -> None:
    assert roll_up([Status.MET, Status.UNKNOWN, Status.PARTLY]) is Status.PARTLY
    assert roll_up([Status.MET, Status.NOT_EVALUATED]) is Status.NOT_EVALUATED
    assert roll_up([Status.MET]) is Status.MET


def test_an_unowned_check_says_so(empty_registry: Any) -> None:
    domains = CheckDomains(source="test", domains={})
    spec = FRAMEWORK.load().rows[0].checks[0]
    result = not_evaluated(spec.id, domains)
    assert result.status is Status.NOT_EVALUATED
    assert "aucun domaine" in result.message


def test_check_spec_refs() -> None:
    assert CheckSpec("a", "r", "warn", ref=["x", "y"]).refs == ("x", "y")
    assert CheckSpec("a", "r", "warn").refs == ()


def test_every_check_and_judgement_item_has_its_french_wording() -> None:
    framework = FRAMEWORK.load()
    assert [spec.id for _, spec in framework.checks() if not spec.rule_fr] == []
    assert [
        row.id for row in framework.rows if len(row.human_judgement_fr) != len(row.human_judgement)
    ] == []
