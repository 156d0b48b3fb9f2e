from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LaborConfig(AppConfig):
    name = "tournage.web.labor"
    label = "labor"
    verbose_name = _("Teams")

    def ready(self) -> None:
        from tournage.web.productions.archive import ModelSection, register_section
        from tournage.web.productions.dashboard import Panel, register_panel
        from tournage.web.productions.demo import register_demo_step

        from . import demo, panel
        from .models import (
            AccommodationNeed,
            Contract,
            Incident,
            InclusionDeclaration,
            LocationAccess,
            Risk,
            TeamSettings,
            Timesheet,
        )

        register_panel(
            Panel(
                phase="lead",
                title=_("Teams"),
                order=50,
                template="labor/panel.html",
                context=panel.context,
                url_name="labor:index",
            )
        )
        register_section(
            ModelSection(
                "labor",
                [
                    TeamSettings,
                    Contract,
                    Timesheet,
                    Risk,
                    Incident,
                    LocationAccess,
                    AccommodationNeed,
                    InclusionDeclaration,
                ],
            )
        )
        register_demo_step("labor", demo.load_demo_team, order=50)
