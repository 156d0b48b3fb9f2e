"""Money and quantities in the budget pages, localised."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.translation import get_language

from tournage.common.formatting import format_exact, format_number

register = template.Library()


@register.filter
def money(value: Any) -> str:
    """An amount without its currency (the column names it), to the cent."""
    if value is None or value == "":
        return ""
    return format_number(Decimal(str(value)), 2, get_language())


@register.filter
def qty(value: Any) -> str:
    """A quantity with the decimals it has (``4``, ``2,5``)."""
    if value is None or value == "":
        return ""
    return format_exact(Decimal(str(value)), get_language())
