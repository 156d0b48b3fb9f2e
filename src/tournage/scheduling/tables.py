"""The scheduling rule tables, read once into typed, validated dataclasses.

``defaults.yaml`` holds tournage's product defaults (weights, call times, pace, horizon):
the ``Problem`` dataclass, the JSON reader and the web app all take them from here, so
each default is written once. ``labour_limits.yaml`` holds the working-time rules with
their sources; ``company_moves.yaml`` the convoy factors; ``strip_colours.yaml`` the
stripboard colours.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from decimal import Decimal

from tournage.common.rules import RuleTable


@dataclass(frozen=True)
class Weights:
    """Euros per unit of each objective term (editable per production)."""

    shooting_day: int
    holding: int
    company_move: int
    km: int
    kgco2e: int
    overtime_hour: int
    night_to_day: int
    change: int
    minor_excess_hour: int
    split_day: int

    @classmethod
    def defaults(cls) -> Weights:
        return DEFAULTS.load().weights_eur


@dataclass(frozen=True)
class Defaults:
    source: str
    convention: str
    weights_eur: Weights
    day_call: str
    night_call: str
    max_locations_per_day: int
    pages_per_day: Decimal
    max_days: int
    working_weekdays: list[int]
    solve_seconds: float
    meal_break_minutes: int
    main_unit_name: str

    @property
    def day_call_time(self) -> time:
        return time.fromisoformat(self.day_call)

    @property
    def night_call_time(self) -> time:
        return time.fromisoformat(self.night_call)


@dataclass(frozen=True)
class Sourced:
    """One value with its source; ``None`` when unknown (the code says so)."""

    value: float | None
    source: str = ""
    as_of: str | None = None
    uncertain: bool = False
    note: str = ""


@dataclass(frozen=True)
class Convention:
    label: str
    max_daily_effective_hours: Sourced
    daily_rest_hours: Sourced
    max_consecutive_working_days: Sourced
    legal_weekly_hours: Sourced


@dataclass(frozen=True)
class AgeBand:
    max_age: int
    hours: float


@dataclass(frozen=True)
class AgeCaps:
    by_age: list[AgeBand]
    source: str
    as_of: str | None = None
    uncertain: bool = False


@dataclass(frozen=True)
class AgeRule:
    value: int
    source: str
    as_of: str | None = None
    uncertain: bool = False
    rule: str = ""


@dataclass(frozen=True)
class Minors:
    daily_max_school_period: AgeCaps
    daily_max_school_holidays: AgeCaps
    no_night_work_under_age: AgeRule
    no_sunday_work_under_age: AgeRule


@dataclass(frozen=True)
class BreakRule:
    after_hours: float
    minutes: int
    source: str
    as_of: str | None = None
    uncertain: bool = False


@dataclass(frozen=True)
class LabourLimits:
    conventions: dict[str, Convention]
    normal_day_hours: Sourced
    minors: Minors
    break_rule: BreakRule


@dataclass(frozen=True)
class VehicleFactor:
    value: float
    label_fr: str
    source: str
    as_of: str


@dataclass(frozen=True)
class DefaultConvoy:
    vehicles: dict[str, int]
    source: str
    uncertain: bool = False
    note: str = ""


@dataclass(frozen=True)
class CompanyMoves:
    vehicle_factors_kgco2e_per_km: dict[str, VehicleFactor]
    default_convoy: DefaultConvoy


@dataclass(frozen=True)
class StripColour:
    background: str
    label_fr: str


@dataclass(frozen=True)
class StripColours:
    source: str
    colours: dict[str, StripColour] = field(default_factory=dict)


DEFAULTS = RuleTable("scheduling/defaults.yaml", Defaults)
LABOUR_LIMITS = RuleTable("scheduling/labour_limits.yaml", LabourLimits)
COMPANY_MOVES = RuleTable("scheduling/company_moves.yaml", CompanyMoves)
STRIP_COLOURS = RuleTable("scheduling/strip_colours.yaml", StripColours)
