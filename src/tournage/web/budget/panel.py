"""The budget's dashboard panel: devis total, cost report and financing at a glance."""

from __future__ import annotations

from typing import Any

from tournage.budget.errors import BudgetError
from tournage.budget.report import analyse

from .adapters import production_budget


def panel_context(production: Any) -> dict[str, Any]:
    document = production_budget(production)
    if document is None:
        return {}
    try:
        totals, report, financing = analyse(document)
    except BudgetError:
        return {}
    envelope = production.budget_envelope
    return {
        "version": document.budget.version,
        "total": totals.total,
        "actual": report.total.actual,
        "efc": report.total.efc,
        "alerts": len(report.alerts),
        "envelope_gap": None if envelope is None else envelope - totals.total,
        "public_share": financing.public_share,
        "ceiling": financing.ceiling.percent if financing.ceiling else None,
    }
