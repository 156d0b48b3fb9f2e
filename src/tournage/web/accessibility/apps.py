"""Web adapter for tournage.accessibility."""

from django.utils.translation import gettext_lazy as _

from tournage.web import plugins
from tournage.web.plugins import Archive, Demo, Panel


class AccessibilityConfig(plugins.DomainAppConfig):
    name = "tournage.web.accessibility"
    label = "accessibility"
    verbose_name = _("Accessibility")
    segment = "accessibility"
    area = "planning"
    nav_order = 70
    panels = (
        Panel(
            phase="post",
            title=_("Accessibility"),
            order=70,
            template="accessibility/panel.html",
            context="tournage.web.accessibility.status.panel_context",
            url_name="accessibility:index",
        ),
    )
    archive = Archive(models=("SubtitleFile", "SubtitleFinding", "RgaaAnswer"))
    demo = Demo("tournage.web.accessibility.demo.load_demo_accessibility", order=70)
