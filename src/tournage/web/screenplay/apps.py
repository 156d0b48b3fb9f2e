from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreenplayConfig(AppConfig):
    name = "tournage.web.screenplay"
    label = "screenplay"
    verbose_name = _("Screenplay")

    def ready(self) -> None:
        from tournage.web.productions.archive import ModelSection, register_section
        from tournage.web.productions.dashboard import Panel, register_panel
        from tournage.web.productions.demo import register_demo_step

        from .demo import load_demo_script
        from .models import BreakdownTag, Character, Scene, ScriptVersion
        from .panel import panel_context

        register_panel(
            Panel(
                phase="prepare",
                title=_("Script breakdown"),
                order=10,
                template="screenplay/panel.html",
                context=panel_context,
                url_name="screenplay:index",
            )
        )
        register_section(
            ModelSection("screenplay", [ScriptVersion, Scene, Character, BreakdownTag])
        )
        register_demo_step("screenplay", load_demo_script, order=10)
