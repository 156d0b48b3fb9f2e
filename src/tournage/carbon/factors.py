"""The emission-factor table shipped in ``data/carbon/emission_factors.csv``.

Ids are public identifiers (users' files and the CLI name them): rows are never renamed
or edited; a newer value gets a new row and the old one names it in ``superseded_by``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from tournage.carbon.errors import CarbonError
from tournage.carbon.tables import FACTOR_TABLE
from tournage.data import load_csv

EMISSION_PREFIX = "kgCO2e/"


@dataclass(frozen=True)
class EmissionFactor:
    id: str
    category: str
    label_fr: str
    label_en: str
    unit: str
    value: Decimal | None  # None: no trustworthy figure found, reported as unknown
    source: str
    source_year: str
    notes: str
    family: str
    superseded_by: str

    @property
    def is_emission_factor(self) -> bool:
        """False for energy coefficients (L/kWh, W/vCPU...) that cannot price an activity."""
        return self.unit.startswith(EMISSION_PREFIX)

    @property
    def activity_unit(self) -> str:
        """The denominator: ``kgCO2e/passenger.km`` -> ``passenger.km``."""
        return self.unit.removeprefix(EMISSION_PREFIX)

    @property
    def low_quality(self) -> bool:
        return self.family == "monetary"

    def to_dict(self) -> dict[str, Any]:
        document = asdict(self)
        document["value"] = None if self.value is None else float(self.value)
        return document


@dataclass(frozen=True)
class FactorTable:
    vintage: str
    factors: dict[str, EmissionFactor]

    def get(self, factor_id: str) -> EmissionFactor:
        try:
            return self.factors[factor_id]
        except KeyError:
            raise CarbonError(
                "factor.unknown",
                f"Facteur d'émission inconnu : « {factor_id} » "
                "(voir « tournage carbon factors » pour la liste).",
            ) from None

    def current(self, factor_id: str) -> EmissionFactor:
        """The newest row in the chain of ``superseded_by`` starting at ``factor_id``."""
        factor = self.get(factor_id)
        while factor.superseded_by:
            factor = self.get(factor.superseded_by)
        return factor


def _value(raw: str, factor_id: str) -> Decimal | None:
    if not raw.strip():
        return None
    try:
        return Decimal(raw)
    except InvalidOperation:
        raise CarbonError("factor.bad_value", f"Valeur illisible pour {factor_id}.") from None


def _factor(row: dict[str, str]) -> EmissionFactor:
    return EmissionFactor(
        id=row["id"],
        category=row["category"],
        label_fr=row["label_fr"],
        label_en=row["label_en"],
        unit=row["unit"],
        value=_value(row["value"], row["id"]),
        source=row["source"],
        source_year=row["source_year"],
        notes=row["notes"],
        family=row["family"],
        superseded_by=row["superseded_by"],
    )


@cache
def factor_table() -> FactorTable:
    rows = load_csv("carbon/emission_factors.csv")
    return FactorTable(
        vintage=FACTOR_TABLE.load().vintage, factors={row["id"]: _factor(row) for row in rows}
    )
