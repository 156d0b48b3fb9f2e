"""The scheduling model: scenes, cast, locations, calendar, constraints, weights.

Framework-free dataclasses. Money is ``Decimal`` (euros); the solver converts it to whole
euros. Dates are ``datetime.date``; a shooting day is a working day of the calendar.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal

from tournage.scheduling.errors import SchedulingError
from tournage.scheduling.tables import DEFAULTS, Weights

__all__ = [
    "Calendar",
    "CastMember",
    "Constraints",
    "Location",
    "Problem",
    "Scene",
    "Unit",
    "WeatherCover",
    "Weights",
]

INT_EXT = ("INT", "EXT")
DAY_NIGHT = ("JOUR", "NUIT")
MAIN_UNIT = "main"


@dataclass(frozen=True)
class Scene:
    """A strip: ``eighths`` of a page, or an explicit ``minutes`` of shooting time."""

    id: str
    location: str
    eighths: int = 0
    minutes: int | None = None
    int_ext: str = "INT"
    day_night: str = "JOUR"
    cast: tuple[str, ...] = ()
    extras: int = 0
    elements: tuple[str, ...] = ()
    requirements: tuple[str, ...] = ()
    weather_cover: bool = False
    label: str = ""
    unit: str = MAIN_UNIT

    @property
    def effect(self) -> str:
        return f"{self.int_ext}/{self.day_night}"

    @property
    def night(self) -> bool:
        return self.day_night == "NUIT"


@dataclass(frozen=True)
class CastMember:
    """An actor: daily cost, dates they cannot work, contractual window, drop/pick-up."""

    id: str
    name: str
    daily_cost: Decimal = Decimal(0)
    unavailable: frozenset[date] = frozenset()
    available_from: date | None = None
    available_until: date | None = None
    drop_min_gap_days: int | None = None
    age: int | None = None

    def available_on(self, day: date) -> bool:
        return (
            day not in self.unavailable
            and (self.available_from is None or day >= self.available_from)
            and (self.available_until is None or day <= self.available_until)
        )


@dataclass(frozen=True)
class Location:
    """A décor: coordinates for distances, windows of dates when it can be used."""

    id: str
    name: str
    latitude: float | None = None
    longitude: float | None = None
    windows: tuple[tuple[date, date], ...] = ()
    unavailable: frozenset[date] = frozenset()

    def available_on(self, day: date) -> bool:
        in_window = not self.windows or any(lo <= day <= hi for lo, hi in self.windows)
        return in_window and day not in self.unavailable


@dataclass(frozen=True)
class Calendar:
    """Working days from ``start``: weekdays (Monday = 0), minus holidays and lost days."""

    start: date
    working_weekdays: frozenset[int] = field(
        default_factory=lambda: frozenset(DEFAULTS.load().working_weekdays)
    )
    holidays: frozenset[date] = frozenset()
    max_days: int = field(default_factory=lambda: DEFAULTS.load().max_days)
    school_holidays: frozenset[date] = frozenset()

    def days(self) -> list[date]:
        if not self.working_weekdays or self.max_days <= 0:
            raise SchedulingError(
                "calendar.empty", "Le calendrier ne contient aucun jour de tournage."
            )
        out: list[date] = []
        day = self.start
        while len(out) < self.max_days:
            if day.weekday() in self.working_weekdays and day not in self.holidays:
                out.append(day)
            day += timedelta(days=1)
        return out


@dataclass(frozen=True)
class Constraints:
    """Scenes locked to a date, order between scenes, scenes shot the same day."""

    fixed: dict[str, date] = field(default_factory=dict)
    precedences: tuple[tuple[str, str], ...] = ()
    same_day: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Unit:
    """A shooting unit (équipe). ``day_cost``: euros per crew day (``None``: the
    ``shooting_day`` weight); ``span``: the crew is engaged from the first calendar day to
    its last shooting day (a main unit), else paid per shooting day (a second unit)."""

    id: str
    name: str
    day_cost: int | None = None
    span: bool = True


def default_units() -> tuple[Unit, ...]:
    return (Unit(MAIN_UNIT, DEFAULTS.load().main_unit_name),)


@dataclass(frozen=True)
class WeatherCover:
    """Keep an interior cover scene (``Scene.weather_cover``) available on each exterior
    day; ``lost_days`` are days lost to the weather: the unit works, exteriors cannot."""

    enabled: bool = False
    lost_days: frozenset[date] = frozenset()


@dataclass(frozen=True)
class Problem:
    """Everything the solver needs. ``previous`` (scene → date) enables re-planning:
    scenes dated before ``replan_from`` stay where they are, moves of the others count."""

    scenes: tuple[Scene, ...]
    cast: tuple[CastMember, ...]
    locations: tuple[Location, ...]
    calendar: Calendar
    constraints: Constraints = field(default_factory=Constraints)
    weights: Weights = field(default_factory=Weights.defaults)
    title: str = ""
    pages_per_day: Decimal = field(default_factory=lambda: DEFAULTS.load().pages_per_day)
    convention: str = field(default_factory=lambda: DEFAULTS.load().convention)
    day_call: time = field(default_factory=lambda: DEFAULTS.load().day_call_time)
    night_call: time = field(default_factory=lambda: DEFAULTS.load().night_call_time)
    max_locations_per_day: int = field(
        default_factory=lambda: DEFAULTS.load().max_locations_per_day
    )
    distances_km: dict[tuple[str, str], float] = field(default_factory=dict)
    convoy: dict[str, int] | None = None
    previous: dict[str, date] = field(default_factory=dict)
    replan_from: date | None = None
    units: tuple[Unit, ...] = field(default_factory=default_units)
    weather_cover: WeatherCover = field(default_factory=WeatherCover)
    split_call: time | None = None  # call of a split day (day then night); None: no split day

    def __post_init__(self) -> None:
        ids = [scene.id for scene in self.scenes]
        if len(set(ids)) != len(ids):
            raise SchedulingError("problem.duplicate_scene", "Deux scènes portent le même numéro.")
        known_cast = {member.id for member in self.cast}
        known_locations = {location.id for location in self.locations}
        known_units = {unit.id for unit in self.units}
        if not self.units or len(known_units) != len(self.units):
            raise SchedulingError("problem.units", "Il faut au moins une équipe, chacune nommée.")
        for scene in self.scenes:
            if scene.unit not in known_units:
                raise SchedulingError(
                    "problem.unknown_unit",
                    f"Scène {scene.id} : équipe inconnue « {scene.unit} ».",
                    scene=scene.id,
                )
            if scene.location not in known_locations:
                raise SchedulingError(
                    "problem.unknown_location",
                    f"Scène {scene.id} : décor inconnu « {scene.location} ».",
                )
            missing = set(scene.cast) - known_cast
            if missing:
                raise SchedulingError(
                    "problem.unknown_cast", f"Scène {scene.id} : rôle inconnu {sorted(missing)}."
                )
            if scene.int_ext not in INT_EXT or scene.day_night not in DAY_NIGHT:
                raise SchedulingError(
                    "problem.effect", f"Scène {scene.id} : effet inconnu « {scene.effect} »."
                )
        if self.pages_per_day <= 0:
            raise SchedulingError("problem.pace", "Le rythme (pages par jour) doit être positif.")

    def scene(self, scene_id: str) -> Scene:
        return next(scene for scene in self.scenes if scene.id == scene_id)

    def member(self, cast_id: str) -> CastMember:
        return next(member for member in self.cast if member.id == cast_id)

    def location(self, location_id: str) -> Location:
        return next(location for location in self.locations if location.id == location_id)

    def unit(self, unit_id: str) -> Unit:
        return next(unit for unit in self.units if unit.id == unit_id)

    def unit_day_cost(self, unit: Unit) -> int:
        return self.weights.shooting_day if unit.day_cost is None else unit.day_cost
