"""Delivery checks read the latest finished QC run of each deliverable."""

from __future__ import annotations

import os
from typing import Any

import pytest
from django.core.cache import cache

from tournage.referential.registry import Status
from tournage.web.delivery.models import Deliverable, QCRun

from .conftest import run

pytestmark = pytest.mark.django_db

PASSING = {
    "integrated_loudness": "pass",
    "true_peak": "pass",
    "video_levels": "pass",
    "audio_layout": "pass",
}


def qc(production: Any, statuses: dict[str, str], profile: str = "pad-hd-fr", **extra: Any) -> Any:
    deliverable = Deliverable.objects.create(
        production=production, name=f"Master {profile}", kind="broadcast", profile=profile
    )
    verdict = "fail" if "fail" in statuses.values() else "pass"
    report = {
        "verdict": verdict,
        "media": {"video": extra.get("video", [{"codec": "xdcam"}])},
        "checks": [
            {"id": check, "status": status, "message": f"{check} {status}"}
            for check, status in statuses.items()
        ],
    }
    return QCRun.objects.create(
        deliverable=deliverable,
        source_name="master.mxf",
        status="done",
        verdict=verdict,
        report=report,
    )


QC_CHECKS = (
    "loudness_per_version",
    "loudness_target",
    "video_levels",
    "legal_levels",
    "pad_has_picture_and_mix",
    "qc_fr_pad",
)


def test_qc_checks_are_unknown_without_a_finished_run(production: Any) -> None:
    for check in QC_CHECKS:
        assert run(check, production).status is Status.UNKNOWN, check


def test_qc_checks_pass_on_a_clean_master(production: Any) -> None:
    qc(production, PASSING)
    for check in QC_CHECKS:
        result = run(check, production)
        assert result.status is Status.MET, check
        assert result.evidence[0].url.endswith("/")


@pytest.mark.parametrize(
    ("failing", "checks"),
    [
        ("true_peak", ("loudness_per_version", "loudness_target", "qc_fr_pad")),
        ("video_levels", ("video_levels", "legal_levels", "qc_fr_pad")),
        ("audio_layout", ("pad_has_picture_and_mix", "qc_fr_pad")),
    ],
)
def test_qc_checks_fail_on_the_failing_measure(
    production: Any, failing: str, checks: tuple[str, ...]
) -> None:
    qc(production, {**PASSING, failing: "fail"})
    for check in checks:
        assert run(check, production).status is Status.NOT_MET, check


def test_a_pad_without_picture_fails(production: Any) -> None:
    qc(production, PASSING, video=[])
    assert run("pad_has_picture_and_mix", production).status is Status.NOT_MET


def test_a_loudness_warning_only_warns(production: Any) -> None:
    qc(production, {**PASSING, "integrated_loudness": "warn"})
    result = run("loudness_per_version", production)
    assert result.status is Status.NOT_MET
    assert result.uncertain


def test_loudness_meter_conformance_runs_the_ebu_cases(production: Any) -> None:
    result = run("loudness_meter_conformance", production)
    assert result.status is Status.MET
    assert "tech3342-01" in result.value["passed"]


def test_loudness_meter_conformance_fails_when_a_case_fails(
    production: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tournage.delivery import conformance
    from tournage.web.delivery import checks

    broken = conformance.Conformance(("tech3341-03",), ("tech3342-01",), "EBU")
    monkeypatch.setattr(checks, "self_test", lambda: broken)
    monkeypatch.setattr(checks, "fingerprint", lambda: "broken-meter")
    cache.delete("loudness-self-test-broken-meter")
    assert run("loudness_meter_conformance", production).status is Status.NOT_MET


def test_the_self_test_runs_once_per_version_of_the_meter_across_processes(
    production: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tournage.delivery import conformance
    from tournage.web.delivery import checks

    calls: list[int] = []

    def counted() -> conformance.Conformance:
        calls.append(1)
        return conformance.Conformance(("tech3341-01",), (), "EBU")

    monkeypatch.setattr(checks, "self_test", counted)
    monkeypatch.setattr(checks, "fingerprint", lambda: f"meter-{os.getpid()}")
    cache.delete(f"loudness-self-test-meter-{os.getpid()}")
    for _ in range(2):
        assert run("loudness_meter_conformance", production).status is Status.MET
    assert len(calls) == 1


def test_the_fingerprint_changes_with_the_cases(monkeypatch: pytest.MonkeyPatch) -> None:
    from tournage.delivery import conformance

    shipped = conformance.fingerprint()
    conformance.fingerprint.cache_clear()
    monkeypatch.setattr(conformance, "data_text", lambda path: "cases: []")
    try:
        assert conformance.fingerprint() != shipped
    finally:
        conformance.fingerprint.cache_clear()
