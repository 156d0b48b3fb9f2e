"""Form pieces every app uses, so that what a form shows is what it saves back.

A browser's ``<input type=date>`` only takes an ISO value (``2027-04-19``): a date
rendered in the French order arrives empty and erases the stored date on save.
Amounts are typed the French way (``1 500``, ``1 500,50``) or the English way
(``1500.50``): one field reads them all with ``parse_decimal`` and shows the stored
value back in the reader's notation, so resubmitting a form unchanged changes nothing.

``ModelForm`` gives every model date, decimal and float field these widgets and
fields; plain forms declare ``DateField``, ``DecimalField`` or ``FloatField`` from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, ClassVar, TypeVar

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import QuerySet
from django.forms.models import ModelFormMetaclass
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from tournage.common.formatting import NumberError, parse_decimal, typed_number

ISO_DATE = "%Y-%m-%d"
ISO_DATETIME = "%Y-%m-%dT%H:%M"
_NUMBER_ATTRS = {"inputmode": "decimal", "autocomplete": "off"}

_M = TypeVar("_M", bound=models.Model)
Bound = int | float | None


class DateInput(forms.DateInput):
    """``<input type=date>`` with the ISO value the browser needs, whatever the language."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None, format: str | None = None) -> None:
        super().__init__(attrs, format=ISO_DATE)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None, format: str | None = None) -> None:
        super().__init__(attrs, format=ISO_DATETIME)


class DateField(forms.DateField):
    widget = DateInput


class NumberInput(forms.TextInput):
    """A text input for numbers: ``type=number`` would refuse ``1 500,50``."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({**_NUMBER_ATTRS, **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, str) and value.strip():
            try:  # a number kept as text (JSON settings), or what the user typed
                value = parse_decimal(value)
            except NumberError:
                return str(value)
        if isinstance(value, Decimal | float | int) and not isinstance(value, bool):
            return typed_number(value, translation.get_language())
        shown: str | None = super().format_value(value)
        return shown


def _read_number(field: forms.Field, value: Any) -> Decimal | None:
    if value in field.empty_values:
        return None
    try:
        return parse_decimal(str(value), str(field.label or ""))
    except NumberError:
        raise forms.ValidationError(
            _("Enter a number, e.g. 1 500 or 1 500,50."), code="invalid"
        ) from None


class DecimalField(forms.DecimalField):
    """A decimal typed as ``1 500``, ``1 500,50`` or ``1500.50``."""

    widget = NumberInput

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]  # as the stubs
        return _read_number(self, value)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        return {}  # no HTML step/min/max: they belong to type=number


class FloatField(forms.FloatField):
    """A float typed the same ways (coordinates, factors)."""

    widget = NumberInput

    def to_python(self, value: Any) -> float | None:  # type: ignore[override]  # as the stubs
        number = _read_number(self, value)
        return None if number is None else float(number)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        return {}


def scope_choices(form: forms.BaseForm, name: str, queryset: QuerySet[Any]) -> None:
    """Offer only ``queryset`` in the model choice field ``name`` (e.g. the production's
    own people); a field of another kind is a programming error, refused loudly."""
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{name} is not a model choice field")
    field.queryset = queryset


def set_choices(form: forms.BaseForm, name: str, choices: Sequence[tuple[str, Any]]) -> None:
    """The choices of the choice field ``name``, known only when the form is built."""
    field = form.fields[name]
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(f"{name} is not a choice field")
    field.choices = choices


def formfield(db_field: models.Field[Any, Any], **kwargs: Any) -> forms.Field | None:
    """The form field of a model field, with this module's widgets and number fields."""
    if isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
        kwargs["widget"] = DateInput(attrs=_attrs(kwargs.get("widget")))
    elif isinstance(db_field, models.DateTimeField):
        kwargs["widget"] = DateTimeInput(attrs=_attrs(kwargs.get("widget")))
    elif isinstance(db_field, models.DecimalField) and not db_field.choices:
        kwargs.setdefault("form_class", DecimalField)
    elif isinstance(db_field, models.FloatField) and not db_field.choices:
        kwargs.setdefault("form_class", FloatField)
    return db_field.formfield(**kwargs)


def _attrs(widget: Any) -> dict[str, Any]:
    attrs = dict(getattr(widget, "attrs", None) or {})
    attrs.pop("type", None)
    return attrs


class _Metaclass(ModelFormMetaclass):
    """Gives each ModelForm's Meta the ``formfield`` callback unless it names its own."""

    def __new__(mcs, name: str, bases: tuple[type, ...], attrs: dict[str, Any]) -> Any:
        meta = attrs.get("Meta")
        if meta is not None and not hasattr(meta, "formfield_callback"):
            meta.formfield_callback = formfield
        return super().__new__(mcs, name, bases, attrs)


class ModelForm(forms.ModelForm[_M], metaclass=_Metaclass):
    """Base of the project's model forms: dates and numbers round-trip exactly.

    ``bounds`` gives numeric fields their domain, ``{"latitude": (-90, 90)}`` (``None``:
    open side), so that a value outside it is a form error, never a stored absurdity."""

    bounds: ClassVar[dict[str, tuple[Bound, Bound]]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, (low, high) in self.bounds.items():
            validators = self.fields[name].validators
            if low is not None:
                validators.append(MinValueValidator(low))
            if high is not None:
                validators.append(MaxValueValidator(high))
