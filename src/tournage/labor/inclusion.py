"""Aggregate, opt-in, anonymous inclusion indicators with small-count suppression."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from tournage.labor.tables import INCLUSION
from tournage.safety.rules import OETH


@dataclass(frozen=True)
class Declaration:
    """What one person chose to declare (``None`` = not declared)."""

    department: str
    opted_in: bool
    gender: str | None = None  # "f", "m", "x"
    first_job: bool | None = None
    disability: bool | None = None


def _suppress(count: int, minimum: int) -> int | None:
    return count if count >= minimum else None


def indicators(declarations: Iterable[Declaration]) -> dict[str, Any]:
    """Counts per department; any group under ``min_count`` people is ``None`` (hidden)."""
    data = INCLUSION.load()
    minimum = data.min_count
    rows = [d for d in declarations if d.opted_in]
    departments: dict[str, dict[str, int | None]] = {}
    for department in sorted({d.department for d in rows}):
        members = [d for d in rows if d.department == department]
        genders = Counter(d.gender for d in members if d.gender)
        departments[department] = {
            "people": _suppress(len(members), minimum),
            **{f"gender_{g}": _suppress(n, minimum) for g, n in sorted(genders.items())},
        }
    oeth = OETH.load()  # the row of labor/safety.yaml named by oeth_rule_id
    rate = OETH.require(oeth.rate, "rate")
    disabled = sum(1 for d in rows if d.disability)
    return {
        "opted_in": _suppress(len(rows), minimum),
        "departments": departments,
        "first_jobs": _suppress(sum(1 for d in rows if d.first_job), minimum),
        "disability": {
            "declared": _suppress(disabled, minimum),
            "oeth_rate": rate,
            "oeth_percent": rate * 100,
            "oeth_threshold_employees": oeth.threshold_employees,
            "source": oeth.source,
        },
        "cnc_parity_bonus": asdict(data.cnc_parity_bonus),
        "min_count": minimum,
    }
