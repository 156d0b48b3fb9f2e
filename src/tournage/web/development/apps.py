"""Web adapter for tournage.development (block 1: from the brief to the dossier)."""

from django.utils.translation import gettext_lazy as _

from tournage.web import plugins
from tournage.web.plugins import Archive, Demo, Panel


class DevelopmentConfig(plugins.DomainAppConfig):
    name = "tournage.web.development"
    label = "development"
    verbose_name = _("Development")
    segment = "development"
    area = "production"
    nav_order = 5
    panels = (
        Panel(
            phase="develop",
            title=_("Development"),
            order=5,
            template="development/panel.html",
            context="tournage.web.development.panel.panel_context",
            url_name="development:index",
        ),
    )
    archive = Archive(
        models=(
            "Brief",
            "Objective",
            "ObjectiveTrace",
            "Approval",
            "BenchmarkRow",
            "Note",
            "NoteReference",
            "ChannelPlan",
            "Specification",
            "CdcVersion",
            "Dossier",
            "AttachedPiece",
        )
    )
    demo = Demo("tournage.web.development.demo.load_demo_development", order=75)  # reads the script
