"""Web adapter for tournage.budget."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetConfig(AppConfig):
    name = "tournage.web.budget"
    label = "budget"
    verbose_name = _("Budget")

    def ready(self) -> None:
        from tournage.web.productions.archive import ModelSection, register_section
        from tournage.web.productions.dashboard import Panel, register_panel
        from tournage.web.productions.demo import register_demo_step

        from . import models
        from .demo import load_demo_budget

        register_panel(
            Panel(
                phase="prepare",
                title=_("Budget and cost report"),
                order=30,
                template="budget/panel.html",
                context=panel_context,
                url_name="budget:index",
            )
        )
        register_section(
            ModelSection(
                "budget",
                [
                    models.BudgetVersion,
                    models.BudgetGlobal,
                    models.BudgetLine,
                    models.FringeOverride,
                    models.Commitment,
                    models.Expense,
                    models.EstimateToComplete,
                    models.FinancingSource,
                    models.FundingProfile,
                    models.CostStatement,
                ],
            )
        )
        register_demo_step("budget", load_demo_budget, order=30)


def panel_context(production: Any) -> dict[str, Any]:
    from tournage.budget.errors import BudgetError
    from tournage.budget.report import analyse

    from .adapters import production_budget
    from .charts import variance_chart

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
        "variance": variance_chart(report.chapters),
    }
