"""Decimal model fields with the precisions every app shares: money, quantities, percents.

Functions rather than field subclasses, so migrations keep Django's ``DecimalField``;
typed with overloads so that ``null=True`` reads back as ``Decimal | None``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, overload

from django.db import models
from django.db.models.expressions import Combinable

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

_In: TypeAlias = str | float | Decimal | Combinable
DecimalColumn: TypeAlias = "models.DecimalField[_In, Decimal]"
NullableDecimalColumn: TypeAlias = "models.DecimalField[_In | None, Decimal | None]"

MONEY = (14, 2)  # up to a trillion euros, to the cent
QUANTITY = (14, 4)  # units, days, kilometres: four decimals for rates per unit
PERCENT = (6, 3)  # 100.000 %


@overload
def decimal_field(
    verbose_name: StrOrPromise,
    precision: tuple[int, int],
    *,
    null: Literal[False] = False,
    **options: Any,
) -> DecimalColumn: ...
@overload
def decimal_field(
    verbose_name: StrOrPromise, precision: tuple[int, int], *, null: Literal[True], **options: Any
) -> NullableDecimalColumn: ...
def decimal_field(
    verbose_name: StrOrPromise, precision: tuple[int, int], *, null: bool = False, **options: Any
) -> DecimalColumn | NullableDecimalColumn:
    """A ``DecimalField`` of ``precision`` (max digits, decimal places)."""
    max_digits, decimal_places = precision
    return models.DecimalField(
        verbose_name, max_digits=max_digits, decimal_places=decimal_places, null=null, **options
    )


@overload
def money_field(
    verbose_name: StrOrPromise, *, null: Literal[False] = False, **options: Any
) -> DecimalColumn: ...
@overload
def money_field(
    verbose_name: StrOrPromise, *, null: Literal[True], **options: Any
) -> NullableDecimalColumn: ...
def money_field(
    verbose_name: StrOrPromise, *, null: bool = False, **options: Any
) -> DecimalColumn | NullableDecimalColumn:
    """An amount in euros, to the cent (``Decimal``, never float)."""
    if null:
        return decimal_field(verbose_name, MONEY, null=True, **options)
    return decimal_field(verbose_name, MONEY, **options)
