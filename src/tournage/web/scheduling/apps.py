from django.utils.translation import gettext_lazy as _

from tournage.web import plugins
from tournage.web.plugins import Archive, Demo, Panel


class SchedulingConfig(plugins.DomainAppConfig):
    name = "tournage.web.scheduling"
    label = "scheduling"
    verbose_name = _("Scheduling")
    segment = "schedule"
    area = "planning"
    nav_order = 20
    panels = (
        Panel(
            phase="prepare",
            title=_("Shooting schedule"),
            order=20,
            template="scheduling/panel.html",
            context="tournage.web.scheduling.panel.panel_context",
            url_name="scheduling:index",
        ),
    )
    archive = Archive(
        models=(
            "Schedule",
            "ShootingDay",
            "SceneAssignment",
            "Unavailability",
            "AvailabilityConfirmation",
            "PlanSettings",
        )
    )
    demo = Demo("tournage.web.scheduling.demo.load_demo_schedule", order=20)
    hooks = ("tournage.web.scheduling.budget_link.register",)
