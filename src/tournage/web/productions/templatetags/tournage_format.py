"""Template filters over tournage.common.formatting, in the page's language.

``{% load tournage_format %}`` then ``{{ amount|money }}``, ``{{ value|number:2 }}``,
``{{ share|percent }}``, ``{{ kg|quantity:"kgCO2e" }}``, ``{{ seconds|duration }}``,
``{{ day|day:"weekday" }}``. None and "" render as an empty string. Findings:
``{{ finding.severity|severity }}`` (« bloquant », « à vérifier », « info ») and
``{{ finding.severity|severity_badge }}`` (the CSS class of its badge). Data text kept in
two languages: ``{{ rule|localised:"rule" }}`` (``rule_fr`` on French pages when the data has it).
A distribution channel's code as its name: ``{{ code|channel }}``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tournage.common import formatting
from tournage.common.findings import Severity

register = template.Library()


def _number(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))


@register.filter
def localised(record: Any, field: str) -> str:
    english = (get_language() or "fr").startswith("en")
    french = "" if english else getattr(record, f"{field}_fr", "")
    return str(french or getattr(record, field))


@register.filter
def money(value: Any, currency: str = "EUR") -> str:
    return formatting.format_money(_number(value), currency, get_language())


@register.filter
def number(value: Any, decimals: int = 0) -> str:
    return formatting.format_number(_number(value), int(decimals), get_language())


@register.filter
def percent(value: Any, decimals: int = 1) -> str:
    return formatting.format_percent(_number(value), int(decimals), get_language())


@register.filter
def quantity(value: Any, unit: str) -> str:
    return formatting.format_quantity(_number(value), unit, language=get_language())


@register.filter
def duration(seconds: Any) -> str:
    return formatting.format_duration(_number(seconds), get_language())


@register.filter
def day(value: date | None, style: str = "long") -> str:
    return formatting.format_date(value, style, get_language())


_BADGES = {Severity.FAIL: "badge-fail", Severity.WARN: "badge-warn", Severity.INFO: "badge"}


@register.filter
def channel(code: str) -> str:
    from tournage.web.productions.models import Channel

    return str(dict(Channel.choices).get(code, code))


@register.filter
def severity(value: str) -> str:
    return Severity(value).label(get_language())


@register.filter
def severity_badge(value: str) -> str:
    return _BADGES[Severity(value)]


@register.filter
def plain(value: Any) -> str:
    """A measured or expected value as words, never a Python repr: ``['mxf']`` -> ``mxf``,
    ``{'n': 12, 'm': 3}`` -> ``n = 12 ; m = 3``, None -> ``—``, numbers localised."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, int | float | Decimal):
        text = format(Decimal(str(value)).normalize(), "f")
        decimals = len(text.partition(".")[2])
        return formatting.format_number(Decimal(text), min(decimals, 3), get_language())
    if isinstance(value, dict):
        return " ; ".join(f"{key} = {plain(item)}" for key, item in value.items())
    if isinstance(value, list | tuple | set):
        return ", ".join(plain(item) for item in value)
    return str(value)
