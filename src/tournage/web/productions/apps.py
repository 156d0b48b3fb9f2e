from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProductionsConfig(AppConfig):
    name = "tournage.web.productions"
    label = "productions"
    verbose_name = _("Productions")

    def ready(self) -> None:
        from .archive import ProductionSection, register_section
        from .models import Location, Membership, Person

        register_section(ProductionSection("productions", [Membership, Person, Location]))
