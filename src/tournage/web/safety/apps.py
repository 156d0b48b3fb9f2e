from django.utils.translation import gettext_lazy as _

from tournage.web import plugins
from tournage.web.plugins import Archive, Demo, Legacy, Panel


class SafetyConfig(plugins.DomainAppConfig):
    name = "tournage.web.safety"
    label = "safety"
    verbose_name = _("Health, safety and inclusion")
    segment = "safety"
    area = "planning"
    nav_order = 52
    panels = (
        Panel(
            phase="lead",
            title=_("Health, safety and inclusion"),
            order=52,
            template="safety/panel.html",
            context="tournage.web.safety.panel.context",
            url_name="safety:index",
        ),
    )
    archive = Archive(
        models=(
            "SafetyFile",
            "Hazard",
            "Briefing",
            "LocationCheck",
            "Incident",
            "HeadOfDepartment",
        ),
        legacy=(
            Legacy("labor.incident", "tournage.web.safety.legacy.incidents"),
            Legacy("development.headofdepartment", "tournage.web.safety.legacy.heads"),
        ),
    )
    demo = Demo("tournage.web.safety.demo.load_demo_safety", order=52)
