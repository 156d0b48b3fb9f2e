from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LaborConfig(AppConfig):
    name = "tournage.web.labor"
    label = "labor"
    verbose_name = _("Labor")
