"""What a producer enters: a devis version with its lines, globals and percentages."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from tournage.budget.money import ONE


@dataclass
class BudgetGlobal:
    """A named quantity lines refer to (shooting days, prep days, episodes...)."""

    code: str
    label: str
    value: Decimal
    unit: str = ""


@dataclass
class BudgetLine:
    """quantity × rate × number, e.g. 30 days × 350 € × 2 electricians.

    ``quantity_ref`` / ``number_ref`` name a global whose value replaces quantity / number,
    so a change of the schedule updates the line. ``category`` names the person category
    whose employer charges apply (fringes.yaml); None for non-payroll lines.
    """

    account: str
    label: str
    quantity: Decimal = ONE
    unit: str = ""
    rate: Decimal = Decimal("0")
    number: Decimal = ONE
    category: str | None = None
    quantity_ref: str | None = None
    number_ref: str | None = None
    spent_in_france: bool = True
    tax_credit_eligible: bool | None = None
    note: str = ""


@dataclass
class Budget:
    """One version of the devis (v1, v2, devis définitif, coût définitif...)."""

    title: str
    version: str = "v1"
    variant: str = "cinema"
    currency: str = "EUR"
    lines: list[BudgetLine] = field(default_factory=list)
    globals: dict[str, BudgetGlobal] = field(default_factory=dict)
    # frais_generaux / imprevus -> percent chosen by the producer (None = not set)
    overhead_percents: dict[str, Decimal | None] = field(default_factory=dict)
    # "<category>.<component>" -> rate set by the user where the data has none
    fringe_overrides: dict[str, Decimal] = field(default_factory=dict)
