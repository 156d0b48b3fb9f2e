from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.budget.errors import BudgetError
from tournage.budget.money import money, percent_of, share_percent, to_decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 234,56", "1234.56"),
        ("1.234,56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("412.5 €", "412.5"),
        ("\u00a07\u202f000", "7000"),
        ("-12,5", "-12.5"),
        (3, "3"),
        (0.1, "0.1"),
    ],
)
def test_to_decimal_reads_french_and_english_notation(text, expected):
    assert to_decimal(text) == Decimal(expected)


@pytest.mark.parametrize(
    "bad", ["", "abc", "1,2,3.4.5", "NaN", "Infinity", None, True, "9" * 30, [1]]
)
def test_to_decimal_rejects_garbage_with_a_code(bad):
    with pytest.raises(BudgetError) as error:
        to_decimal(bad, "taux")
    assert error.value.code == "INVALID_NUMBER"
    assert "taux" in error.value.message


def test_money_rounds_half_away_from_zero():
    assert money(Decimal("0.125")) == Decimal("0.13")
    assert money(Decimal("-0.125")) == Decimal("-0.13")
    assert money(Decimal("2.675")) == Decimal("2.68")  # the float trap: 2.675 -> 2.67


def test_percentages():
    assert percent_of(Decimal("1000.10"), Decimal("7")) == Decimal("70.01")
    assert share_percent(Decimal("1"), Decimal("3")) == Decimal("33.33")
    assert share_percent(Decimal("1"), Decimal("0")) is None


def test_the_budget_pdf_and_findings_show_money_as_tournage_common_does():
    from tournage.budget import cost_report, pdf
    from tournage.common import formatting

    assert cost_report.format_money is pdf.format_money is formatting.format_money


@settings(max_examples=200)
@given(st.text(max_size=60))
def test_to_decimal_never_raises_anything_but_budget_error(text):
    try:
        result = to_decimal(text)
    except BudgetError:
        return
    assert result.is_finite()
