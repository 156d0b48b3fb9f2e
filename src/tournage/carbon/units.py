"""Activity units and their exact conversions, read from ``data/carbon/units.yaml``.

A quantity is accepted for a factor only if its unit measures the same thing as the
factor's denominator (litres are never turned into kWh, km never into kg).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from tournage.carbon.errors import CarbonError
from tournage.carbon.tables import UNITS


@dataclass(frozen=True)
class Unit:
    name: str
    dimension: str
    to_base: Decimal
    divisor: Decimal


@dataclass(frozen=True)
class UnitTable:
    units: dict[str, Unit]
    accepts: dict[str, frozenset[str]]
    dimension_labels: dict[str, str]

    def get(self, name: str) -> Unit:
        unit = self.units.get(name.strip()) or self.units.get(name.strip().lower())
        if unit is None:
            raise CarbonError("unit.unknown", f"Unité inconnue : « {name} ».")
        return unit

    def convert(self, quantity: Decimal, from_unit: str, to_unit: str) -> Decimal:
        """``quantity`` expressed in ``to_unit``; refuses units of another dimension."""
        source, target = self.get(from_unit), self.get(to_unit)
        if source.dimension != target.dimension and source.dimension not in self.accepts.get(
            target.dimension, frozenset()
        ):
            raise CarbonError(
                "unit.mismatch",
                f"Unité « {from_unit} » incompatible avec « {to_unit} » : "
                f"une quantité en {self.dimension_labels[source.dimension]} ne peut pas servir "
                f"pour un facteur "
                f"exprimé par {target.name}.",
            )
        return quantity * source.to_base * target.divisor / (source.divisor * target.to_base)


@cache
def unit_table() -> UnitTable:
    data = UNITS.load()
    units: dict[str, Unit] = {}
    for name, spec in data.units.items():
        unit = Unit(name, spec.dimension, to_base=spec.to_base, divisor=spec.divisor)
        for alias in [name, *spec.aliases]:
            units[alias] = unit
    accepts = {dim: frozenset(others) for dim, others in data.accepts.items()}
    labels = {dim: spec.label_fr for dim, spec in data.dimensions.items()}
    return UnitTable(units=units, accepts=accepts, dimension_labels=labels)
