from django.utils.translation import gettext_lazy as _

from tournage.web import plugins
from tournage.web.plugins import Archive, Demo, Panel


class FollowupConfig(plugins.DomainAppConfig):
    name = "tournage.web.followup"
    label = "followup"
    verbose_name = _("Shoot follow-up")
    segment = "followup"
    area = "planning"
    nav_order = 45
    panels = (
        Panel(
            phase="lead",
            title=_("Shoot follow-up"),
            order=45,
            template="followup/panel.html",
            context="tournage.web.followup.panel.panel_context",
            url_name="followup:index",
        ),
    )
    archive = Archive(
        models=(
            "CallSheet",
            "DailyReport",
            "ReportedScene",
            "DepartmentTime",
            "PersonTime",
            "Take",
            "DroppedScene",
            "MediaCard",
            "BackupCopy",
            "Offload",
            "Milestone",
            "PostVersion",
        )
    )
    demo = Demo("tournage.web.followup.demo.load_demo_followup", order=58)
