"""Findings: what a check reports, with a stable code, the rule and its source."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]


class LaborError(ValueError):
    """A problem the user can fix (bad input file, unknown function...); French message."""


@dataclass(frozen=True)
class Finding:
    """One result of a rule check.

    ``code`` is stable (tests and the web app key on it); ``message`` is French;
    ``rule`` names the rule applied and ``source`` where it comes from.
    """

    code: str
    severity: Severity
    message: str
    rule: str
    source: str
    person: str = ""
    day: date | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["date"] = self.day.isoformat() if self.day else None
        del data["day"]
        return data


def euros(value: Decimal) -> str:
    """French money display: 1 234,50 € (narrow no-break space between thousands)."""
    return f"{value:,.2f}".replace(",", "\u202f").replace(".", ",") + " €"
