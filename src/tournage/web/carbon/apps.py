from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CarbonConfig(AppConfig):
    name = "tournage.web.carbon"
    label = "carbon"
    verbose_name = _("Carbon")

    def ready(self) -> None:
        from tournage.web.productions.archive import ModelSection, register_section
        from tournage.web.productions.dashboard import Panel, register_panel
        from tournage.web.productions.demo import register_demo_step

        from .demo import load_demo_carbon
        from .models import CarbonActivity, CarbonProfile, LocationEnergy, PersonTravel, Scenario
        from .panel import panel_context

        register_section(
            ModelSection(
                "carbon", [CarbonProfile, LocationEnergy, PersonTravel, CarbonActivity, Scenario]
            )
        )
        register_panel(
            Panel(
                phase="prepare",
                title=_("Carbon footprint"),
                order=40,
                template="carbon/panel.html",
                context=panel_context,
                url_name="carbon:index",
            )
        )
        register_demo_step("carbon", load_demo_carbon, order=40)
