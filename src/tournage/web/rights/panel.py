"""Dashboard panel: clearances to decide, permits not granted, release steps late."""

from __future__ import annotations

from typing import Any

from tournage.common.findings import Severity
from tournage.web.productions.models import Production

from . import services


def context(production: Production) -> dict[str, Any]:
    clearances = services.clearance_findings(production)
    permits = services.permit_reports(production)
    steps = services.step_rows(production)
    return {
        "clearances": len(clearances),
        "clearances_open": sum(
            not facts.decided for _, facts in services.clearance_rows(production)
        ),
        "clearance_errors": sum(
            f.severity is Severity.FAIL for _, found in clearances for f in found
        ),
        "permits": len(permits),
        "permit_errors": sum(
            f.severity is Severity.FAIL for _, report in permits for f in report.findings
        ),
        "days_without_permit": len(services.uncovered_days(production)),
        "steps": len(steps),
        "steps_failing": sum(bool(r.findings) for r in steps),
    }
