from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchedulingConfig(AppConfig):
    name = "tournage.web.scheduling"
    label = "scheduling"
    verbose_name = _("Scheduling")

    def ready(self) -> None:
        from tournage.web.budget.schedule_link import register_global_provider
        from tournage.web.productions.archive import ModelSection, register_section
        from tournage.web.productions.dashboard import Panel, register_panel
        from tournage.web.productions.demo import register_demo_step

        from .budget_link import budget_globals
        from .demo import load_demo_schedule
        from .models import SceneAssignment, Schedule, ShootingDay, Unavailability
        from .panel import panel_context

        register_panel(
            Panel(
                phase="prepare",
                title=_("Shooting schedule"),
                order=20,
                template="scheduling/panel.html",
                context=panel_context,
                url_name="scheduling:index",
            )
        )
        register_section(
            ModelSection("scheduling", [Schedule, ShootingDay, SceneAssignment, Unavailability])
        )
        register_demo_step("scheduling", load_demo_schedule, order=20)
        register_global_provider(budget_globals)
