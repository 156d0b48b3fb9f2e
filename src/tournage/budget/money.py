"""Decimal money, never floats: the budget's names for ``tournage.common.formatting``'s
parsing and rounding, and its percentages."""

from __future__ import annotations

from decimal import Decimal

from tournage.budget.errors import BudgetError
from tournage.common.formatting import NumberError, parse_decimal, round_money

ZERO = Decimal("0")
HUNDRED = Decimal("100")
ONE = Decimal("1")


money = round_money  # to the cent, half away from zero: one definition, in tournage.common


def to_decimal(value: object, field: str = "valeur") -> Decimal:
    """``value`` (text in French or English notation, int, float, Decimal) as a Decimal:
    ``parse_decimal``, its refusal raised as the budget's error."""
    try:
        return parse_decimal(value, field)
    except NumberError as error:
        raise BudgetError(error.code, error.message, **error.context) from None


def percent_of(amount: Decimal, percent: Decimal) -> Decimal:
    """``percent`` % of ``amount``, rounded to the cent."""
    return money(amount * percent / HUNDRED)


def share_percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """``part`` as a percentage of ``whole`` with two decimals; None when whole is zero."""
    if whole == ZERO:
        return None
    return money(part * HUNDRED / whole)
