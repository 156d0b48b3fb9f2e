"""The production sub-navigation: the foundation's pages, then each domain app's index."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import NoReverseMatch, resolve, reverse
from django.utils.translation import gettext_lazy as _

from tournage.web.plugins import domain_configs
from tournage.web.productions.access import allowed_readers

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
    role = context["membership"].role
    links = []
    for name, label in (*FOUNDATION_LINKS, *_domain_links(), *ADMIN_LINKS):
        try:
            url = reverse(name, kwargs={"production_id": production_id})
        except NoReverseMatch:
            continue  # a domain app without pages yet
        if role in allowed_readers(resolve(url).func):  # no link to a page that says 403
            links.append({"url": url, "label": label, "current": request.path == url})
    return links


@register.filter
def opens_for(url: str, membership: Any) -> bool:
    """``{% url … as target %}{% if target|opens_for:membership %}``: show a link or a
    button only to the members whose role may open its page."""
    return bool(membership.role in allowed_readers(resolve(url).func))
