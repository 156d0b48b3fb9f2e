from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeliveryConfig(AppConfig):
    name = "tournage.web.delivery"
    label = "delivery"
    verbose_name = _("Delivery")

    def ready(self) -> None:
        from tournage.web.productions.archive import ModelSection, register_section
        from tournage.web.productions.dashboard import Panel, register_panel
        from tournage.web.productions.demo import register_demo_step

        from .demo import load_demo_delivery
        from .models import Deliverable, Finding, QCRun
        from .panel import panel_context

        register_section(ModelSection("delivery", [Deliverable, QCRun, Finding]))
        register_panel(
            Panel(
                phase="post",
                title=_("Deliverables"),
                order=60,
                template="delivery/panel.html",
                context=panel_context,
                url_name="delivery:index",
            )
        )
        register_demo_step("delivery", load_demo_delivery, order=60)
