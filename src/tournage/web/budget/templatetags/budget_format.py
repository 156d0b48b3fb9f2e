"""Money in the budget pages: always two decimals, grouped thousands, localised."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.defaultfilters import floatformat

register = template.Library()


@register.filter
def money(value: Any) -> str:
    return "" if value is None or value == "" else floatformat(value, "2g")
