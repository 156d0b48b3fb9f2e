from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    """Not a domain: middleware, the 413 and lockout pages, and deployment checks."""

    name = "tournage.web.security"
    label = "security"
    verbose_name = _("Security")
