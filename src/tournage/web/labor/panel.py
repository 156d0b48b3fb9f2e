"""Dashboard panel: contracts by status, open risks, compliance errors (no pay shown)."""

from __future__ import annotations

from typing import Any

from tournage.common.findings import Severity
from tournage.labor.errors import LaborError
from tournage.web.productions.models import Production

from . import services


def context(production: Production) -> dict[str, Any]:
    contracts = production.labor_contracts.all()
    try:
        findings, _ = services.compliance(production)
    except LaborError:
        findings = []
    return {
        "contracts": contracts.count(),
        "signed": contracts.filter(status="signed").count(),
        "open_risks": production.labor_risks.exclude(status="closed").count(),
        "errors": sum(f.severity is Severity.FAIL for f in findings),
        "warnings": sum(f.severity is Severity.WARN for f in findings),
    }
