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


def _codes(register: dict[str, Any]) -> list[str]:
    return [
        finding["code"]
        for destination in register["destinations"]
        for item in destination["items"]
        for finding in item["findings"]
    ]


def test_the_demo_decides_every_closing_check_with_passing_and_failing_lines() -> None:
    """One test: loading the demo costs a minute on this machine."""
    production, _ = load_demo()
    results = {}
    for check in CLOSING_CHECKS:
        evaluator = evaluator_for(check)
        assert evaluator is not None, check
        results[check] = evaluator(production)
    assert [c for c, r in results.items() if r.status is Status.UNKNOWN] == []
    statuses = {r.status for r in results.values()}
    assert Status.MET in statuses and {Status.NOT_MET, Status.PARTLY} & statuses
    # the register: one late element, one file changed after QC
    codes = _codes(delivery_register(production))
    assert codes.count("item.late") == 1
    assert codes.count("item.modified_after_qc") == 1
    # the web master passes its profile; the accessible one fails on its captions alone
    items = {
        item["label"]: item
        for destination in delivery_register(production)["destinations"]
        for item in destination["items"]
    }
    assert items["Master web"]["qc_verdict"] == "pass" and items["Master web"]["findings"] == []
    # the vertical teaser's master is made to its profile (1080 x 1920, 9:16) and passes
    vertical = items["Teaser vertical 9:16"]
    assert vertical["qc_verdict"] == "pass" and vertical["findings"] == []
    accessible = items["Master web accessible (RGAA)"]["findings"]
    assert [f["evidence"]["failing_checks"] for f in accessible] == [["captions_kind"]]
    assert results["qc_pass_all_deliverables"].status is Status.PARTLY
    # the marketing set lacks one piece (the press kit)
    marketing = results["marketing_set_complete"]
    assert marketing.status is Status.PARTLY and "press_kit" in marketing.message
    # the closing file: reconciled, with passing and failing lines
    report = closing_report(production)
    assert report["reconciled"] is True
    assert {"met", "partly"} <= {c["status"] for c in report["checks"]}
    # the grade and mix versions logged, approved before the PAD file checked: decided
    lineage = evaluator_for("pad_built_from_final_versions")
    assert lineage is not None
    decided = lineage(production)
    assert decided.status is Status.MET, decided.message
    assert "postérieur" in decided.message
