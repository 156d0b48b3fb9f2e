from django.utils.translation import gettext_lazy as _

from tournage.web import plugins
from tournage.web.plugins import Archive


class ProductionsConfig(plugins.DomainAppConfig):
    name = "tournage.web.productions"
    label = "productions"
    verbose_name = _("Productions")
    area = "production"
    archive = Archive(section="tournage.web.productions.archive.production_section")
    hooks = (
        "tournage.web.runtime.configure_limits",
        "tournage.web.productions.storage_cleanup.connect",
        "tournage.web.productions.revision.connect",
    )
