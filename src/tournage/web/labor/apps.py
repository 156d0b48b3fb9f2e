from django.utils.translation import gettext_lazy as _

from tournage.web import plugins
from tournage.web.plugins import Archive, Demo, Panel


class LaborConfig(plugins.DomainAppConfig):
    name = "tournage.web.labor"
    label = "labor"
    verbose_name = _("Teams")
    segment = "teams"
    area = "contracts"
    nav_order = 50
    panels = (
        Panel(
            phase="lead",
            title=_("Teams"),
            order=50,
            template="labor/panel.html",
            context="tournage.web.labor.panel.context",
            url_name="labor:index",
        ),
    )
    archive = Archive(
        models=(
            "TeamSettings",
            "Contract",
            "Timesheet",
            "Risk",
            "LocationAccess",
            "AccommodationNeed",
            "InclusionDeclaration",
        )
    )
    demo = Demo("tournage.web.labor.demo.load_demo_team", order=50)
