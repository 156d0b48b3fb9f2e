from datetime import date
from decimal import Decimal

import pytest

from tournage.common.errors import DomainError
from tournage.common.findings import Finding, Severity, source_text, worst


def test_an_uncertain_rule_only_warns() -> None:
    assert Severity.for_rule("fail") is Severity.FAIL
    assert Severity.for_rule("fail", uncertain=True) is Severity.WARN
    assert Severity.for_rule("info", uncertain=True) is Severity.INFO
    with pytest.raises(ValueError):
        Severity.for_rule("error")


def test_finding_is_immutable_and_serialises_its_evidence() -> None:
    finding = Finding(
        "working_time.daily_max",
        "fail",  # type: ignore[arg-type]
        "Journée de 13 h pour Ana",
        source="Code du travail L3121-18",
        subject="ana",
        evidence={"day": date(2027, 4, 19), "hours": Decimal("13")},
    )
    assert finding.severity is Severity.FAIL and finding.is_blocking
    with pytest.raises(TypeError):
        finding.evidence["hours"] = 1  # type: ignore[index]
    assert finding.to_dict()["evidence"] == {"day": "2027-04-19", "hours": "13"}
    assert finding.to_dict()["severity"] == "fail"


def test_worst_and_source_text() -> None:
    findings = [Finding("a", Severity.INFO, ""), Finding("b", Severity.WARN, "")]
    assert worst(findings) is Severity.WARN
    assert worst([]) is None
    assert source_text(["CSA 2011", "Netflix"]) == "CSA 2011; Netflix"
    assert source_text(None) == ""


def test_domain_error_carries_code_message_and_context() -> None:
    error = DomainError("script.empty", "Le fichier est vide.", line=3)
    assert isinstance(error, ValueError)
    assert str(error) == "Le fichier est vide."
    assert error.to_dict() == {"code": "script.empty", "message": "Le fichier est vide.", "line": 3}
