"""Money and quantities in the budget pages, localised."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import get_language

from tournage.common.formatting import format_number

register = template.Library()


@register.filter
def money(value: Any) -> str:
    return "" if value is None or value == "" else floatformat(value, "2g")


@register.filter
def qty(value: Any) -> str:
    """A quantity with the decimals it has (``4``, ``2,5``): ``Decimal.normalize`` alone
    would print 40 as ``4E+1``."""
    if value is None or value == "":
        return ""
    number = Decimal(str(value))
    exponent = number.normalize().as_tuple().exponent
    decimals = min(-exponent, 4) if isinstance(exponent, int) and exponent < 0 else 0
    return format_number(number, decimals, get_language())
