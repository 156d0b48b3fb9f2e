from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tournage.common.errors import DomainError
from tournage.common.formatting import (
    format_date,
    format_duration,
    format_exact,
    format_money,
    format_number,
    format_percent,
    format_quantity,
    parse_decimal,
    round_money,
    typed_number,
)

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1 500", "1500"),
        ("1\u202f500,50", "1500.50"),
        ("1500.50", "1500.50"),
        ("1.234,56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("12 €", "12"),
        (" 7,5 % ", "7.5"),
        (0.1, "0.1"),
        (3, "3"),
    ],
)
def test_parse_decimal_accepts_what_producers_type(typed: object, expected: str) -> None:
    assert parse_decimal(typed) == Decimal(expected)


@pytest.mark.parametrize("typed", ["", "abc", "1e999999", "NaN", "inf", True, None, [1], "9" * 40])
def test_parse_decimal_refuses_with_a_domain_error(typed: object) -> None:
    with pytest.raises(DomainError) as error:
        parse_decimal(typed, "montant")
    assert error.value.code == "INVALID_NUMBER"
    assert "montant" in error.value.message


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2))
def test_french_display_parses_back_to_the_same_amount(amount: Decimal) -> None:
    assert parse_decimal(format_number(amount, 2, "fr")) == amount
    assert parse_decimal(format_number(amount, 2, "en")) == amount


def test_money_number_and_units_in_french_and_english() -> None:
    assert format_money(Decimal("18459"), language="fr") == f"18{NNBSP}459,00{NBSP}€"
    assert format_money(Decimal("18459"), language="en") == "€18,459.00"
    assert format_number(Decimal("2790"), 2) == f"2{NNBSP}790,00"
    assert format_quantity(Decimal("549.66"), "kgCO2e") == f"549,7{NBSP}kgCO2e"
    assert format_percent(Decimal("12.5")) == f"12,5{NBSP}%"
    assert format_percent(Decimal("12.5"), language="en") == "12.5%"
    assert format_money(None) == format_number(None) == format_date(None) == ""


def test_dates_with_weekday_and_durations() -> None:
    assert format_date(date(2027, 4, 19), "full") == "lundi 19 avril 2027"
    assert format_date(date(2027, 4, 19), "weekday", "en") == "Mon 19 Apr"
    assert format_date(date(2027, 4, 19), "short") == "19/04/2027"
    assert format_duration(3900) == f"1{NBSP}h{NBSP}05{NBSP}min"
    assert format_duration(750) == f"12{NBSP}min{NBSP}30{NBSP}s"
    assert format_duration(45) == f"45{NBSP}s"


def test_round_money_half_away_from_zero() -> None:
    assert round_money(Decimal("2.005")) == Decimal("2.01")
    assert round_money(Decimal("-2.005")) == Decimal("-2.01")


def test_exact_keeps_the_decimals_a_value_has() -> None:
    assert format_exact(Decimal("40")) == "40"  # not 4E+1
    assert format_exact(Decimal("2.50")) == "2,5"
    assert format_exact(Decimal("1234.125"), "en") == "1,234.125"
    assert format_exact(Decimal("0.123456")) == "0,1235"  # at most four decimals
    assert format_exact(None) == ""


def test_money_is_shown_rounded_as_the_accounts_round_it() -> None:
    """Babel alone rounds half to even (0,12 €); the books round 0.125 to 0.13."""
    assert format_money(Decimal("0.125")) == f"0,13{NBSP}€"
    assert format_money(Decimal("-0.125")) == f"-0,13{NBSP}€"
    assert format_money(Decimal("18458.5"), decimals=0) == f"18{NNBSP}459{NBSP}€"


@pytest.mark.parametrize(
    ("value", "french", "english"),
    [
        (Decimal("1500.5"), f"1{NNBSP}500,50", "1500.50"),
        (1500, f"1{NNBSP}500", "1500"),
        (Decimal("-1234567.125"), f"-1{NNBSP}234{NNBSP}567,125", "-1234567.125"),
        (0.1, "0,10", "0.10"),
        (Decimal("1E+3"), f"1{NNBSP}000", "1000"),
    ],
)
def test_typed_number_keeps_every_digit_in_the_readers_notation(
    value: Decimal | float | int, french: str, english: str
) -> None:
    assert typed_number(value, "fr") == french
    assert typed_number(value, "en") == english


def test_no_module_formats_numbers_by_hand() -> None:
    """French decimals and grouping come from this module only: a hand-made
    ``.replace(".", ",")`` or ``f"{x:,.2f}"`` drifts from it (a plain space where a
    no-break one belongs, a float rounding an amount)."""
    import re
    from pathlib import Path

    import tournage

    by_hand = re.compile(r'replace\("\.", ","\)|\{[^{}]*:,\.?\d*f?\}|"\\u202f"\.join')
    root = Path(tournage.__file__).parent
    found = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(root.rglob("*.py"))
        if path.name != "formatting.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if by_hand.search(line)
    ]
    assert found == []
    assert by_hand.search('f"{money(amount):,.2f}".replace(",", " ").replace(".", ",")')


def test_template_filters_follow_the_page_language() -> None:
    from django.template import Context, Template
    from django.utils import translation

    page = Template(
        "{% load tournage_format %}"
        "{{ a|money }}|{{ n|number:1 }}|{{ d|day:'weekday' }}|{{ z|money }}"
    )
    context = Context({"a": Decimal("1500.5"), "n": 2.25, "d": date(2027, 4, 19), "z": None})
    with translation.override("fr"):
        assert page.render(context) == f"1{NNBSP}500,50{NBSP}€|2,3|lun. 19 avr.|"
    with translation.override("en"):
        assert page.render(context) == "€1,500.50|2.3|Mon 19 Apr|"
