from django.utils.translation import gettext_lazy as _

from tournage.web import plugins
from tournage.web.plugins import Archive, Demo, Legacy, Panel


class RightsConfig(plugins.DomainAppConfig):
    name = "tournage.web.rights"
    label = "rights"
    verbose_name = _("Rights and permits")
    segment = "rights"
    area = "planning"
    nav_order = 55
    panels = (
        Panel(
            phase="prepare",
            title=_("Rights and permits"),
            order=55,
            template="rights/panel.html",
            context="tournage.web.rights.panel.context",
            url_name="rights:index",
        ),
    )
    archive = Archive(
        models=(
            "ReleasePlan",
            "Clearance",
            "AuthorContract",
            "AuthorRight",
            "Permit",
            "ReleaseStep",
            "ChannelRating",
            "DestinationDocument",
            "EditImport",
            "Cue",
        ),
        legacy=(
            Legacy(
                "development.channelplan",
                "tournage.web.rights.legacy.age_categories",
                fields=("age_category",),
            ),
            Legacy("rights.channelrating", "tournage.web.rights.legacy.slots", fields=("slot",)),
        ),
    )
    demo = Demo("tournage.web.rights.demo.load_demo_rights", order=55)
