from django.utils.translation import gettext_lazy as _

from tournage.web import plugins
from tournage.web.plugins import Archive, Demo, Panel


class DeliveryConfig(plugins.DomainAppConfig):
    name = "tournage.web.delivery"
    label = "delivery"
    verbose_name = _("Delivery")
    segment = "delivery"
    area = "planning"
    nav_order = 60
    panels = (
        Panel(
            phase="post",
            title=_("Deliverables"),
            order=60,
            template="delivery/panel.html",
            context="tournage.web.delivery.panel.panel_context",
            url_name="delivery:index",
        ),
    )
    archive = Archive(models=("Deliverable", "QCRun", "Finding"))
    demo = Demo("tournage.web.delivery.demo.load_demo_delivery", order=60)
    hooks = ("tournage.web.delivery.flow.connect",)
