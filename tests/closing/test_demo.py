"""The demo production decides every closing check, with passing and failing lines."""

from __future__ import annotations

from typing import Any

import pytest

from tournage.referential.registry import Status, evaluator_for
from tournage.web.closing.api import closing_report, delivery_register
from tournage.web.productions.demo import load_demo

pytestmark = pytest.mark.django_db

CLOSING_CHECKS = (
    "qc_pass_all_deliverables",
    "acceptance_stored",
    "marketing_set_complete",
    "closing_financial_checks",
    "certification_needed",
    "contracts_closed",
    "av_same_duration",
    "captions_kind",
    "flashes",
    "qc_international",
    "delivered_by_deadline",
    "delivery_list_complete",
    "closing_sections_present",
    "closing_numbers_reconcile",
    "final_vs_budget",
    "final_footprint_present",
    "forecast_final_delta",
    "spec_vs_cdc",
    "outlet_specs",
    "post_budget",
    "duration_within_tolerance",
    "format_matches_brief",
    "ecoprod_score",
)


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any) -> Any:
    with django_db_blocker.unblock():
        production, _ = load_demo()
        yield production


def _codes(register: dict[str, Any]) -> list[str]:
    return [
        finding["code"]
        for destination in register["destinations"]
        for item in destination["items"]
        for finding in item["findings"]
    ]


def test_the_demo_decides_every_closing_check(demo: Any) -> None:
    statuses = {}
    for check in CLOSING_CHECKS:
        evaluator = evaluator_for(check)
        assert evaluator is not None, check
        statuses[check] = evaluator(demo).status
    assert [c for c, s in statuses.items() if s is Status.UNKNOWN] == []
    assert Status.MET in statuses.values()
    assert {Status.NOT_MET, Status.PARTLY} & set(statuses.values())


def test_the_demo_register_has_one_late_item_and_one_file_changed_after_qc(demo: Any) -> None:
    codes = _codes(delivery_register(demo))
    assert codes.count("item.late") == 1
    assert codes.count("item.modified_after_qc") == 1


def test_the_demo_marketing_set_lacks_one_piece(demo: Any) -> None:
    result = evaluator_for("marketing_set_complete")(demo)  # type: ignore[misc]
    assert result.status is Status.PARTLY
    assert "press_kit" in result.message


def test_the_demo_closing_file_has_passing_and_failing_lines(demo: Any) -> None:
    report = closing_report(demo)
    assert report["reconciled"] is True
    statuses = {c["status"] for c in report["checks"]}
    assert "met" in statuses and ("not_met" in statuses or "partly" in statuses)
    assert {"financial", "legal", "environmental", "accessibility"} <= set(report)
