"""Numbers, money, quantities, durations and dates as a French or English reader expects.

One module for the web app, the PDF and spreadsheet exports and the command line,
on top of Babel's CLDR locale data. Input goes the other way: ``parse_decimal``
accepts what producers type (``1 500``, ``1 500,50``, ``1500.50``, ``1.234,56``).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel import dates as babel_dates
from babel import numbers as babel_numbers

from tournage.common.errors import DomainError

CENT = Decimal("0.01")
DEFAULT_LANGUAGE = "fr"
MAX_DIGITS = 18  # more than a trillion is a typo, not an amount
_SPACES = ("\u00a0", "\u202f", "\u2009", " ", "'")


class NumberError(DomainError):
    """A typed value is not a number tournage can use."""


def round_money(value: Decimal) -> Decimal:
    """Round to the cent, half away from zero (the accounting convention)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def parse_decimal(value: object, field: str = "valeur") -> Decimal:
    """``value`` (text in French or English notation, int, float or Decimal) as a Decimal.

    Floats go through their shortest text form, so 0.1 stays 0.1; booleans, NaN,
    infinities and absurdly long numbers are refused with a sentence naming ``field``.
    """
    if isinstance(value, bool) or value is None:
        raise NumberError("INVALID_NUMBER", f"{field} : valeur manquante ou non numérique.")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int | float):
        result = _decimal(repr(value), field)
    elif isinstance(value, str):
        result = _decimal(_canonical(value), field)
    else:
        raise NumberError("INVALID_NUMBER", f"{field} : valeur manquante ou non numérique.")
    if not result.is_finite() or abs(result) >= Decimal(10) ** MAX_DIGITS:
        raise NumberError("INVALID_NUMBER", f"{field} : « {value} » est hors limites.", field=field)
    return result


def _canonical(text: str) -> str:
    cleaned = text.strip()
    for space in _SPACES:
        cleaned = cleaned.replace(space, "")
    cleaned = cleaned.removesuffix("€").removesuffix("EUR").removesuffix("%")
    if "," in cleaned and "." in cleaned:
        if cleaned.rfind(",") > cleaned.rfind("."):
            return cleaned.replace(".", "").replace(",", ".")  # 1.234,56
        return cleaned.replace(",", "")  # 1,234.56
    return cleaned.replace(",", ".")


def _decimal(text: str, field: str) -> Decimal:
    if not text or len(text) > MAX_DIGITS + 12:
        raise NumberError(
            "INVALID_NUMBER", f"{field} : « {text[:40]} » n'est pas un nombre.", field=field
        )
    try:
        return Decimal(text)
    except InvalidOperation:
        raise NumberError(
            "INVALID_NUMBER", f"{field} : « {text} » n'est pas un nombre.", field=field
        ) from None


def _locale(language: str | None) -> str:
    return (language or DEFAULT_LANGUAGE).split("-")[0].split("_")[0]


def _pattern(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def format_number(
    value: Decimal | float | int | None, decimals: int = 0, language: str | None = None
) -> str:
    """``18 459,00`` (French) or ``18,459.00`` (English); empty for None."""
    if value is None:
        return ""
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return babel_numbers.format_decimal(
        rounded,
        format=_pattern(decimals),
        locale=_locale(language),
        decimal_quantization=True,
    )


def format_exact(
    value: Decimal | float | int | None, language: str | None = None, max_decimals: int = 4
) -> str:
    """``4``, ``2,5``, ``1 234,125``: the decimals the value has, trailing zeros dropped (at
    most ``max_decimals``); empty for None. For quantities and shares typed as they are."""
    if value is None:
        return ""
    exponent = Decimal(str(value)).normalize().as_tuple().exponent
    decimals = min(-exponent, max_decimals) if isinstance(exponent, int) and exponent < 0 else 0
    return format_number(value, decimals, language)


def format_money(
    amount: Decimal | float | int | None,
    currency: str = "EUR",
    language: str | None = None,
    decimals: int = 2,
) -> str:
    """``18 459,00 €`` (French) or ``€18,459.00`` (English); empty for None.

    Rounded half away from zero first, as ``round_money`` rounds: Babel alone rounds
    half to even, and would print 0,12 € for an amount the accounts round to 0,13 €."""
    if amount is None:
        return ""
    exact = Decimal(str(amount))
    return babel_numbers.format_currency(
        exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP),
        currency,
        locale=_locale(language),
        format=None if decimals == 2 else "#,##0\u00a0¤" if _locale(language) == "fr" else "¤#,##0",
        currency_digits=decimals == 2,
    )


def typed_number(value: Decimal | float | int, language: str | None = None) -> str:
    """``value`` as a reader types it into a form: French ``1 500,5``, English ``1500.5``.

    English keeps no thousands separator: ``1,500`` would read back as 1.5. No digit is
    rounded away (the form saves back what it shows); trailing zeros go, except that
    cents keep two digits (``1 500,50``)."""
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    exponent = number.normalize().as_tuple().exponent
    decimals = max(-exponent, 0) if isinstance(exponent, int) else 0
    decimals = 2 if decimals == 1 else decimals
    if _locale(language) == "en":
        return format(number, f".{decimals}f")
    return format_number(number, decimals, language)


def format_percent(
    value: Decimal | float | int | None, decimals: int = 1, language: str | None = None
) -> str:
    """``12,5 %`` for 12.5 (the value is already a percentage); empty for None."""
    if value is None:
        return ""
    number = format_number(value, decimals, language)
    return f"{number}\u00a0%" if _locale(language) == "fr" else f"{number}%"


def format_quantity(
    value: Decimal | float | int | None,
    unit: str,
    decimals: int = 1,
    language: str | None = None,
) -> str:
    """``549,7 kgCO2e``: a number with its unit, a no-break space between them."""
    if value is None:
        return ""
    return f"{format_number(value, decimals, language)}\u00a0{unit}"


def format_duration(seconds: Decimal | float | int | None, language: str | None = None) -> str:
    """``1 h 05 min``, ``12 min 30 s`` or ``45 s``; empty for None."""
    if seconds is None:
        return ""
    total = round(seconds)
    sign, total = ("-", -total) if total < 0 else ("", total)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}\u00a0h\u00a0{minutes:02d}\u00a0min"
    if minutes:
        return f"{sign}{minutes}\u00a0min" + (f"\u00a0{secs:02d}\u00a0s" if secs else "")
    return f"{sign}{secs}\u00a0s"


DATE_STYLES = {
    "short": "dd/MM/yyyy",  # 19/04/2027 (English: 19/04/2027, the European order)
    "medium": "d MMM yyyy",  # 19 avr. 2027
    "long": "d MMMM yyyy",  # 19 avril 2027
    "weekday": "EEE d MMM",  # lun. 19 avr.
    "full": "EEEE d MMMM yyyy",  # lundi 19 avril 2027
}


def format_date(
    value: date | datetime | None, style: str = "long", language: str | None = None
) -> str:
    """A date in one of ``DATE_STYLES``; empty for None."""
    if value is None:
        return ""
    return babel_dates.format_date(value, DATE_STYLES[style], locale=_locale(language))
