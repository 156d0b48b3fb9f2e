"""Labor findings: the shared ``Finding``, about a person and a day, naming the rule applied.

The rule's label and the day go in the finding's evidence (``rule``, ``date``); its subject
is the person. A rule resting on an uncertain value only warns (``Severity.for_rule``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tournage.common.findings import Finding, Severity


def labor_finding(
    code: str,
    level: Severity | str,
    message: str,
    *,
    rule: str,
    source: str,
    person: str = "",
    day: date | None = None,
    uncertain: bool = False,
    **evidence: Any,
) -> Finding:
    return Finding(
        code,
        Severity.for_rule(level, uncertain=uncertain),
        message,
        source=source,
        subject=person,
        evidence={"rule": rule, "date": day, **evidence},
    )


def finding_day(finding: Finding) -> date | None:
    day: date | None = finding.evidence.get("date")
    return day


def unreadable_shift(code: str, message: str, person: str, day: date) -> Finding:
    """A timesheet the rules cannot read (wrap before call, break longer than the shift):
    reported as a failure of its own instead of stopping every other check."""
    return Finding(
        code,
        Severity.FAIL,
        message,
        source="feuille d'heures",
        subject=person,
        evidence={"rule": "saisie", "date": day},
    )
