"""Web adapter for tournage.budget."""

from django.utils.translation import gettext_lazy as _

from tournage.web import plugins
from tournage.web.plugins import Archive, Demo, Panel


class BudgetConfig(plugins.DomainAppConfig):
    name = "tournage.web.budget"
    label = "budget"
    verbose_name = _("Budget")
    segment = "budget"
    area = "budget"
    nav_order = 30
    panels = (
        Panel(
            phase="prepare",
            title=_("Budget and cost report"),
            order=30,
            template="budget/panel.html",
            context="tournage.web.budget.panel.panel_context",
            url_name="budget:index",
        ),
    )
    archive = Archive(
        models=(
            "BudgetVersion",
            "BudgetGlobal",
            "BudgetLine",
            "FringeOverride",
            "Commitment",
            "Expense",
            "EstimateToComplete",
            "ReportedCost",
            "FinancingSource",
            "FundingProfile",
            "CostStatement",
        )
    )
    demo = Demo("tournage.web.budget.demo.load_demo_budget", order=30)
