"""A certain target with an uncertain tolerance: fail beyond the widest limit, warn in between."""

from __future__ import annotations

import pytest
from delivery_helpers import tone

from tournage.common.findings import Severity
from tournage.delivery.checks import _range_severity, verdict
from tournage.delivery.profiles import get_profile
from tournage.delivery.qc import run_qc

PAD_LOUDNESS = get_profile("pad-hd-fr").rule("integrated_loudness") or {}


@pytest.mark.parametrize(
    ("lufs", "expected"),
    [
        (-23.0, None),
        (-23.2, None),
        (-23.5, Severity.WARN),
        (-22.1, Severity.WARN),
        (-24.1, Severity.FAIL),
        (-14.0, Severity.FAIL),  # 9 LU too loud: a warning before this rule
    ],
)
def test_pad_integrated_loudness_bands(lufs: float, expected: Severity | None) -> None:
    assert _range_severity(lufs, PAD_LOUDNESS) is expected


def test_pad_true_peak_fails_above_r128_and_warns_below_it() -> None:
    rule = get_profile("pad-hd-fr").rule("true_peak") or {}
    assert _range_severity(-3.5, rule) is None
    assert _range_severity(-2.0, rule) is Severity.WARN
    assert _range_severity(-0.5, rule) is Severity.FAIL


def test_an_uncertain_rule_without_a_wide_limit_only_warns() -> None:
    rule = get_profile("pad-hd-fr").rule("loudness_range") or {}
    assert _range_severity(25.0, rule) is Severity.WARN


def test_a_pad_master_nine_lu_too_loud_is_not_compliant(media) -> None:
    path = media("loud.wav", [tone(4.0, dbfs=-14.0)], codec=None)
    report = run_qc(path, "pad-hd-fr")
    loudness = next(c for c in report["checks"] if c["id"] == "integrated_loudness")
    assert loudness["status"] == "fail" and report["verdict"] == "fail"
    assert loudness["expected"]["tolerance_wide"] == 1.0


def test_half_a_lu_off_on_the_pad_is_to_review(media) -> None:
    path = media("near.wav", [tone(4.0, dbfs=-23.5)], codec=None)
    loudness = next(
        c for c in run_qc(path, "pad-hd-fr")["checks"] if c["id"] == "integrated_loudness"
    )
    assert loudness["status"] == "warn" and "à vérifier" in loudness["message"]


def test_information_never_makes_a_verdict_worse_than_pass() -> None:
    from tournage.delivery.checks import CheckResult

    info = CheckResult("start_timecode", Severity.INFO, None, None, "inconnu")
    passed = CheckResult("container", None, "mxf", ["mxf"], "conforme")
    assert verdict([info, passed]) == "pass"
    assert verdict([info, passed, CheckResult("x", Severity.WARN, 1, 0, "")]) == "warn"
