"""The production sub-navigation: the foundation's pages, then each domain app's index."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from tournage.web.plugins import domain_configs

register = template.Library()

FOUNDATION_LINKS = (
    ("productions:dashboard", _("Dashboard")),
    ("productions:people", _("People")),
    ("productions:locations", _("Locations")),
)
ADMIN_LINKS = (
    ("productions:members", _("Members")),
    ("productions:history", _("Audit trail")),
    ("productions:exports", _("Export")),
    ("productions:edit", _("Settings")),
)


def _domain_links() -> list[tuple[str, Any]]:
    return [(f"{config.label}:index", config.verbose_name) for config in domain_configs()]


@register.simple_tag(takes_context=True)
def production_links(context: dict[str, Any]) -> list[dict[str, Any]]:
    request = context["request"]
    production_id = context["production"].pk
    links = []
    for name, label in (*FOUNDATION_LINKS, *_domain_links(), *ADMIN_LINKS):
        try:
            url = reverse(name, kwargs={"production_id": production_id})
        except NoReverseMatch:
            continue  # a domain app without pages yet
        links.append({"url": url, "label": label, "current": request.path == url})
    return links
