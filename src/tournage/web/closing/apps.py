from django.utils.translation import gettext_lazy as _

from tournage.web import plugins
from tournage.web.plugins import Archive, Demo, Panel


class ClosingConfig(plugins.DomainAppConfig):
    name = "tournage.web.closing"
    label = "closing"
    verbose_name = _("Delivery register and closing")
    segment = "closing"
    area = "production"
    nav_order = 90
    panels = (
        Panel(
            phase="post",
            title=_("Delivery register and closing"),
            order=90,
            template="closing/panel.html",
            context="tournage.web.closing.panel.panel_context",
            url_name="closing:index",
        ),
    )
    archive = Archive(
        models=("Destination", "RegisterItem", "MarketingPiece", "ClosingFile", "ContractClosure")
    )
    demo = Demo("tournage.web.closing.demo.load_demo_closing", order=90)
    hooks = ("tournage.web.closing.lock.register",)
