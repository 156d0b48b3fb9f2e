"""Employer social charges per person category, from the dated rate table.

A component whose rate is unknown (null in the data) contributes nothing and is reported;
the user may set it per budget through an override keyed ``"<category>.<component>"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from tournage.budget.errors import BudgetError
from tournage.budget.tables import FRINGES, ComponentSpec


@dataclass(frozen=True)
class Component:
    key: str
    label: str
    rate: Decimal | None
    source: str | None
    as_of: str | None
    uncertain: bool
    note: str


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    account: str
    components: tuple[Component, ...]


@dataclass(frozen=True)
class EffectiveRate:
    """The rate applied to a category's gross pay, and what it leaves out."""

    category: Category
    rate: Decimal
    unknown: tuple[Component, ...]
    user_set: tuple[str, ...]


@cache
def fringe_categories() -> dict[str, Category]:
    data = FRINGES.load()
    components = {key: _component(key, spec) for key, spec in data.components.items()}
    return {
        key: Category(key, spec.label, spec.account, tuple(components[c] for c in spec.components))
        for key, spec in data.categories.items()
    }


def _component(key: str, spec: ComponentSpec) -> Component:
    return Component(
        key=key,
        label=spec.label,
        rate=spec.rate,
        source=spec.source,
        as_of=spec.as_of,
        uncertain=spec.rate is None if spec.uncertain is None else spec.uncertain,
        note=spec.note,
    )


def category(key: str) -> Category:
    try:
        return fringe_categories()[key]
    except KeyError:
        known = ", ".join(fringe_categories())
        raise BudgetError(
            "UNKNOWN_CATEGORY", f"Catégorie de personnel « {key} » inconnue (connues : {known})."
        ) from None


def effective_rate(key: str, overrides: Mapping[str, Decimal]) -> EffectiveRate:
    """Sum of the category's known rates, user overrides replacing data (known or not)."""
    cat = category(key)
    total = Decimal("0")
    unknown: list[Component] = []
    user_set: list[str] = []
    for component in cat.components:
        override = overrides.get(f"{key}.{component.key}")
        if override is not None:
            total += override
            user_set.append(component.key)
        elif component.rate is None:
            unknown.append(component)
        else:
            total += component.rate
    return EffectiveRate(cat, total, tuple(unknown), tuple(user_set))
