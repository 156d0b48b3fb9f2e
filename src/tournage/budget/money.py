"""Decimal money: parsing user numbers and rounding to the cent, never floats."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from tournage.budget.errors import BudgetError
from tournage.common.formatting import round_money

ZERO = Decimal("0")
HUNDRED = Decimal("100")
ONE = Decimal("1")
_MAX_DIGITS = 18  # more than a trillion euros is a typo, not a budget


money = round_money  # to the cent, half away from zero: one definition, in tournage.common


def to_decimal(value: object, field: str = "valeur") -> Decimal:
    """Parse ``value`` (str in French or English notation, int, Decimal) into a Decimal.

    Floats are converted through their shortest text form, so 0.1 stays 0.1.
    """
    if isinstance(value, bool):
        raise BudgetError("INVALID_NUMBER", f"{field} : « {value} » n'est pas un nombre.")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int | float):
        result = _parse(repr(value), field)
    elif isinstance(value, str):
        result = _parse(_normalise(value), field)
    else:
        raise BudgetError("INVALID_NUMBER", f"{field} : valeur manquante ou non numérique.")
    if not result.is_finite() or len(result.as_tuple().digits) > _MAX_DIGITS + 6:
        raise BudgetError("INVALID_NUMBER", f"{field} : « {value} » n'est pas un montant valable.")
    if abs(result) >= Decimal(10) ** _MAX_DIGITS:
        raise BudgetError("INVALID_NUMBER", f"{field} : « {value} » est hors limites.")
    return result


def _normalise(text: str) -> str:
    cleaned = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    cleaned = cleaned.removesuffix("€").removesuffix("EUR").removesuffix("%")
    if "," in cleaned and "." in cleaned:
        if cleaned.rfind(",") > cleaned.rfind("."):
            return cleaned.replace(".", "").replace(",", ".")  # 1.234,56
        return cleaned.replace(",", "")  # 1,234.56
    return cleaned.replace(",", ".")


def _parse(text: str, field: str) -> Decimal:
    if not text or len(text) > 40:
        raise BudgetError("INVALID_NUMBER", f"{field} : « {text[:40]} » n'est pas un nombre.")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise BudgetError("INVALID_NUMBER", f"{field} : « {text} » n'est pas un nombre.") from None


def percent_of(amount: Decimal, percent: Decimal) -> Decimal:
    """``percent`` % of ``amount``, rounded to the cent."""
    return money(amount * percent / HUNDRED)


def share_percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """``part`` as a percentage of ``whole`` with two decimals; None when whole is zero."""
    if whole == ZERO:
        return None
    return money(part * HUNDRED / whole)


def format_eur(amount: Decimal) -> str:
    """French display: 1 234 567,89 €."""
    text = f"{money(amount):,.2f}".replace(",", "\u202f").replace(".", ",")
    return f"{text} €"
