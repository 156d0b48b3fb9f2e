from django.utils.translation import gettext_lazy as _

from tournage.web import plugins
from tournage.web.plugins import Archive, Demo, Panel


class ReferentialConfig(plugins.DomainAppConfig):
    name = "tournage.web.referential"
    label = "referential"
    verbose_name = _("Responsible production")
    segment = "referential"
    area = "production"
    nav_order = 90
    panels = (
        Panel(
            phase="summary",
            title=_("Responsible production"),
            order=1,
            template="referential/panel.html",
            context="tournage.web.referential.panel.panel_context",
            url_name="referential:index",
        ),
    )
    archive = Archive(models=("Judgement", "Snapshot"))
    demo = Demo("tournage.web.referential.demo.load_demo_referential", order=90)
