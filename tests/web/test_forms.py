"""The shared form pieces: dates and numbers shown as the browser and the reader need."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django import forms
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

import tournage.web
from tournage.common.formatting import typed_number
from tournage.web import forms as shared


class Sample(forms.Form):
    day = shared.DateField(label="jour")
    amount = shared.DecimalField(label="montant", max_digits=12, decimal_places=2)
    ratio = shared.FloatField(label="ratio", required=False)


@pytest.mark.parametrize("typed", ["1 500,50", "1\u202f500,50", "1500.50", "1500,5", "1 500.50"])
def test_french_and_english_typing_read_the_same_amount(typed: str) -> None:
    form = Sample({"day": "2027-04-19", "amount": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["amount"] == Decimal("1500.50")


def test_a_word_is_refused_with_a_french_example() -> None:
    with translation.override("fr"):
        form = Sample({"day": "2027-04-19", "amount": "mille"})
        assert not form.is_valid()
        assert "1 500,50" in form.errors["amount"][0]


def test_date_input_holds_the_iso_value_in_french() -> None:
    with translation.override("fr"):
        html = str(Sample(initial={"day": date(2027, 4, 19)})["day"])
    assert 'type="date"' in html
    assert 'value="2027-04-19"' in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "1\u202f500,50"), ("en", "1500.50")],
)
def test_amount_is_shown_as_the_reader_types_it(language: str, expected: str) -> None:
    with translation.override(language):
        html = str(Sample(initial={"amount": Decimal("1500.50")})["amount"])
    assert f'value="{expected}"' in html
    assert 'type="text"' in html
    assert 'inputmode="decimal"' in html


@given(
    st.decimals(min_value=-(10**12), max_value=10**12, places=4, allow_nan=False)
    | st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False).filter(
        lambda f: f == 0 or abs(f) > 1e-9  # coordinates and factors, not subnormals
    )
)
def test_what_is_shown_reads_back_to_the_same_value(value: Any) -> None:
    for language in ("fr", "en"):
        shown = typed_number(value, language)
        field = shared.FloatField() if isinstance(value, float) else shared.DecimalField()
        assert field.clean(shown) == value


def _form_classes() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(tournage.web.__path__, "tournage.web."):
        if module.name.endswith(".forms"):
            importlib.import_module(module.name)
    found: list[type[forms.BaseForm]] = []
    pending = list(forms.BaseForm.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("tournage.web."):
            found.append(cls)
    return found


def test_every_form_of_the_app_uses_the_shared_dates_and_numbers() -> None:
    wrong = []
    for form_class in _form_classes():
        for name, field in form_class.base_fields.items():
            if isinstance(field, forms.DateTimeField):
                ok = isinstance(field.widget, shared.DateTimeInput)
            elif isinstance(field, forms.DateField):
                ok = isinstance(field.widget, shared.DateInput)
            elif isinstance(field, forms.DecimalField):
                ok = isinstance(field, shared.DecimalField)
            elif isinstance(field, forms.FloatField):
                ok = isinstance(field, shared.FloatField)
            else:
                ok = True
            if not ok:
                wrong.append(f"{form_class.__module__}.{form_class.__name__}.{name}")
    assert wrong == []
    assert len(_form_classes()) > 20
