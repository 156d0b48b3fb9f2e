"""The carbon domain's YAML tables (``data/carbon/*.yaml``), typed and validated when read.

Each value keeps what the data says of it: its note and ``kind`` (a tournage assumption,
a methodological choice) or its source. A file that does not match these shapes is
refused with a ``RuleTableError`` naming the file and the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from tournage.common.rules import RuleTable

Number = int | float  # as written in the YAML, so reports show the figure unchanged


@dataclass(frozen=True)
class Assumed:
    """A default the plan's options may replace; ``note`` says where it comes from."""

    value: Decimal
    note: str = ""
    kind: str = ""


@dataclass(frozen=True)
class Detour:
    value: Decimal | None  # None: no sourced figure, the great-circle distance is used
    note: str


@dataclass(frozen=True)
class Choice:
    value: bool
    note: str
    kind: str = ""


@dataclass(frozen=True)
class ModeBand:
    max_km: Decimal | None
    mode: str


@dataclass(frozen=True)
class ModeByDistance:
    bands: tuple[ModeBand, ...]
    note: str = ""
    kind: str = ""


@dataclass(frozen=True)
class FlightBand:
    max_km: Decimal | None
    factor: str
    factor_no_contrails: str


@dataclass(frozen=True)
class Mode:
    network: str
    factor: str = ""
    per_vehicle: bool = False
    bands: tuple[FlightBand, ...] = ()  # distance bands instead of one factor (planes)


@dataclass(frozen=True)
class Accommodation:
    factor_by_country: dict[str, str]
    note: str = ""


@dataclass(frozen=True)
class MenuMix:
    weights: dict[str, Decimal]
    note: str = ""
    kind: str = ""


@dataclass(frozen=True)
class Catering:
    meals_per_person_per_day: Assumed
    default_menu_mix: MenuMix
    vegetarian_factor: str


@dataclass(frozen=True)
class Energy:
    electricity_by_country: dict[str, str]
    diesel_factor: str
    hvo_factors: tuple[str, ...]
    generator_consumption: str
    battery_note: str = ""


@dataclass(frozen=True)
class PostProduction:
    storage_factor: str
    drive_factor: str
    suite_day_factor: str


@dataclass(frozen=True)
class Sourced:
    value: float
    source: str


@dataclass(frozen=True)
class ForecastRules:
    retrieved: str
    local_radius_km: Assumed
    detour: dict[str, Detour]
    mode_by_distance: ModeByDistance
    modes: dict[str, Mode]
    flights_with_contrails: Choice
    car_occupancy: Assumed
    accommodation: Accommodation
    catering: Catering
    energy: Energy
    post_production: PostProduction
    distribution: dict[str, str]  # plan quantity -> factor id
    earth_radius_km: Sourced


@dataclass(frozen=True)
class LeverSpec:
    label_fr: str
    description_fr: str
    reduces: tuple[str, ...] = ()
    params: dict[str, Number] = field(default_factory=dict)  # user-changeable defaults


@dataclass(frozen=True)
class Levers:
    source: str
    levers: dict[str, LeverSpec]


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    label_fr: str
    label_en: str
    reduces: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """The item as the YAML writes it (``reduces`` only where it has some)."""
        item: dict[str, object] = {"id": self.id}
        if self.reduces:
            item["reduces"] = list(self.reduces)
        return {**item, "label_fr": self.label_fr, "label_en": self.label_en}


@dataclass(frozen=True)
class Checklist:
    source: str
    retrieved: str
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class Genre:
    label_fr: str
    mean_tco2e: Number
    tco2e_per_hour: Number


@dataclass(frozen=True)
class Benchmarks:
    source: str
    retrieved: str
    genres: dict[str, Genre]
    format_to_genre: dict[str, str]  # Production.format -> genre


@dataclass(frozen=True)
class AccountFactors:
    source: str
    retrieved: str
    prefixes: dict[str, str]  # account prefix -> monetary factor id


@dataclass(frozen=True)
class FactorTableMeta:
    vintage: str
    compiled: str
    families: dict[str, str]


@dataclass(frozen=True)
class Dimension:
    base: str
    label_fr: str


@dataclass(frozen=True)
class UnitSpec:
    dimension: str
    to_base: Decimal
    divisor: Decimal = Decimal(1)
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Units:
    source: str
    dimensions: dict[str, Dimension]
    units: dict[str, UnitSpec]
    accepts: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Labelled:
    label_fr: str
    label_en: str = ""


@dataclass(frozen=True)
class Section(Labelled):
    out_of_cnc_scope: bool = False


@dataclass(frozen=True)
class CategorySpec:
    label_fr: str
    section: str
    albert_group: str


@dataclass(frozen=True)
class TaxonomyFile:
    source: str
    sections: dict[str, Section]
    albert_groups: dict[str, Labelled]
    categories: dict[str, CategorySpec]


FORECAST_RULES = RuleTable("carbon/forecast_rules.yaml", ForecastRules)
LEVER_TABLE = RuleTable("carbon/levers.yaml", Levers)
CHECKLIST = RuleTable("carbon/checklist.yaml", Checklist)
BENCHMARKS = RuleTable("carbon/benchmarks.yaml", Benchmarks)
ACCOUNT_FACTORS = RuleTable("carbon/account_factors.yaml", AccountFactors)
FACTOR_TABLE = RuleTable("carbon/factor_table.yaml", FactorTableMeta)
UNITS = RuleTable("carbon/units.yaml", Units)
TAXONOMY = RuleTable("carbon/taxonomy.yaml", TaxonomyFile)
