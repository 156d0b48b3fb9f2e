"""Web adapter for tournage.accessibility."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessibilityConfig(AppConfig):
    name = "tournage.web.accessibility"
    label = "accessibility"
    verbose_name = _("Accessibility")

    def ready(self) -> None:
        from tournage.web.productions.archive import ModelSection, register_section
        from tournage.web.productions.dashboard import Panel, register_panel
        from tournage.web.productions.demo import register_demo_step

        from .demo import load_demo_accessibility
        from .models import RgaaAnswer, SubtitleFile, SubtitleFinding
        from .status import panel_context

        register_section(ModelSection("accessibility", [SubtitleFile, SubtitleFinding, RgaaAnswer]))
        register_panel(
            Panel(
                phase="post",
                title=_("Accessibility"),
                order=70,
                template="accessibility/panel.html",
                context=panel_context,
                url_name="accessibility:index",
            )
        )
        register_demo_step("accessibility", load_demo_accessibility, order=70)
