"""Reduction measures per major emission category, and the low-carbon share of travel.

A measure is a lever applied in a scenario (levers.yaml) or a practice ticked in the
eco-production checklist (checklist.yaml); each names the categories it reduces.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from tournage.carbon.calculator import Line
from tournage.carbon.checklist import checklist_items
from tournage.carbon.tables import LEVER_TABLE
from tournage.common.rules import RuleTable


@dataclass(frozen=True)
class Measures:
    source: str
    major_categories: dict[str, str]  # key -> French label
    low_carbon_prefixes: list[str]
    flight_prefixes: list[str]


MEASURES = RuleTable("carbon/measures.yaml", Measures)


def measures_by_category(levers: Iterable[str], ticked: Iterable[str]) -> dict[str, list[str]]:
    """Each major category with the measures (labels) that reduce it."""
    table = LEVER_TABLE.load().levers
    chosen: list[tuple[str, tuple[str, ...]]] = [
        (table[key].label_fr, table[key].reduces) for key in levers if key in table
    ]
    done = set(ticked)
    chosen += [(item.label_fr, item.reduces) for item in checklist_items() if item.id in done]
    return {
        category: [label for label, reduces in chosen if category in reduces]
        for category in MEASURES.load().major_categories
    }


@dataclass(frozen=True)
class ModeShare:
    total_km: Decimal
    low_carbon_km: Decimal
    flights: tuple[str, ...]

    @property
    def share(self) -> Decimal | None:
        if not self.total_km:
            return None
        return (100 * self.low_carbon_km / self.total_km).quantize(Decimal("0.1"))


def mode_share(lines: Iterable[Line]) -> ModeShare:
    """Share of people-travel kilometres by rail or public transport; flights listed."""
    table = MEASURES.load()
    total = low = Decimal(0)
    flights = []
    for line in lines:
        if line.category != "transport_people" or not line.factor.unit.endswith(".km"):
            continue
        total += line.quantity
        factor = line.factor.id
        if factor.startswith(tuple(table.low_carbon_prefixes)):
            low += line.quantity
        if factor.startswith(tuple(table.flight_prefixes)):
            flights.append(line.activity.label or line.factor.label_fr)
    return ModeShare(total, low, tuple(flights))
