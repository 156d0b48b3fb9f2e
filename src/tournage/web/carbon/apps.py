from django.utils.translation import gettext_lazy as _

from tournage.web import plugins
from tournage.web.plugins import Archive, Demo, Panel


class CarbonConfig(plugins.DomainAppConfig):
    name = "tournage.web.carbon"
    label = "carbon"
    verbose_name = _("Carbon")
    segment = "carbon"
    area = "carbon"
    nav_order = 40
    panels = (
        Panel(
            phase="prepare",
            title=_("Carbon footprint"),
            order=40,
            template="carbon/panel.html",
            context="tournage.web.carbon.panel.panel_context",
            url_name="carbon:index",
        ),
    )
    archive = Archive(
        models=("CarbonProfile", "LocationEnergy", "PersonTravel", "CarbonActivity", "Scenario")
    )
    demo = Demo("tournage.web.carbon.demo.load_demo_carbon", order=40)
