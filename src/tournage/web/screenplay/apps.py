from django.utils.translation import gettext_lazy as _

from tournage.web import plugins
from tournage.web.plugins import Archive, Demo, Panel


class ScreenplayConfig(plugins.DomainAppConfig):
    name = "tournage.web.screenplay"
    label = "screenplay"
    verbose_name = _("Screenplay")
    segment = "script"
    area = "planning"
    nav_order = 10
    panels = (
        Panel(
            phase="prepare",
            title=_("Script breakdown"),
            order=10,
            template="screenplay/panel.html",
            context="tournage.web.screenplay.panel.panel_context",
            url_name="screenplay:index",
        ),
    )
    archive = Archive(models=("ScriptVersion", "Scene", "Character", "BreakdownTag"))
    demo = Demo("tournage.web.screenplay.demo.load_demo_script", order=10)
