from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreenplayConfig(AppConfig):
    name = "tournage.web.screenplay"
    label = "screenplay"
    verbose_name = _("Screenplay")
