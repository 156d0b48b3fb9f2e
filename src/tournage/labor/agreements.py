"""Collective agreements as data: functions and their minimum pay.

``data/labor/agreements.yaml`` lists the agreements and where their minima live; every
minimum comes from the agreement's file with its grid, source and date. A minimum that is
unknown stays ``None``; one computed by tournage (an official grid raised by dated
percentage steps) is marked ``computed`` and ``uncertain``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache
from typing import Any

from tournage.common.formatting import round_money
from tournage.common.rules import RuleTable
from tournage.labor.errors import LaborError

BASES: dict[str, str] = {
    "weekly_35h": "semaine de 35 h",
    "weekly_39h": "semaine de 39 h",
    "daily_7h": "journée de 7 h",
    "daily_8h": "journée de 8 h",
    "monthly_35h": "mois (35 h/semaine)",
    "monthly_39h": "mois (39 h/semaine)",
    "cachet": "cachet (journée)",
    "week_5d": "semaine de 5 jours",
    "week_6d": "semaine de 6 jours",
}
GENRES = ("fiction", "flux", "documentaire", "captation")


# --- the registry ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Agreement:
    idcc: int
    label: str
    source: str
    minima: str  # its minima file under data/, one of MINIMA


@dataclass(frozen=True)
class Registry:
    source: str
    default: int
    agreements: tuple[Agreement, ...]
    by_format: dict[str, int] = field(default_factory=dict)
    daily_basis: dict[str, str] = field(default_factory=dict)


REGISTRY = RuleTable("labor/agreements.yaml", Registry)


def agreements() -> dict[int, str]:
    """IDCC number → the agreement's title."""
    return {a.idcc: a.label for a in REGISTRY.load().agreements}


def default_agreement() -> int:
    return REGISTRY.load().default


def agreement_for_format(production_format: str) -> int:
    """The agreement a new contract of a production of this format starts with."""
    registry = REGISTRY.load()
    return registry.by_format.get(production_format, registry.default)


def daily_basis(kind: str) -> str | None:
    """The pay basis a person's daily rate is written on (cast: cachet, crew: a day)."""
    return REGISTRY.load().daily_basis.get(kind)


def _agreement(idcc: int) -> Agreement:
    for agreement in REGISTRY.load().agreements:
        if agreement.idcc == idcc:
            return agreement
    raise LaborError(
        "labor.agreement_unknown",
        f"Convention IDCC {idcc} non prise en charge (disponibles : "
        f"{', '.join(str(i) for i in agreements())}).",
        idcc=idcc,
    )


def agreement_label(idcc: int) -> str:
    return _agreement(idcc).label


# --- what the readers produce -----------------------------------------------------------------
@dataclass(frozen=True)
class MinimumRate:
    """A minimum for one function and pay basis, as one grid states it."""

    basis: str
    amount: Decimal | None
    grid: str
    source: str
    as_of: str | None
    uncertain: bool = False
    computed: bool = False
    note: str = ""
    genres: tuple[str, ...] = ()  # the programme genres it is limited to (none: all)


@dataclass(frozen=True)
class JobFunction:
    idcc: int
    id: str
    label: str
    level: str | None = None
    category: str = "technician"  # technician | artist | extra
    note: str = ""
    minima: tuple[MinimumRate, ...] = field(default=(), compare=False)

    def rates(self, basis: str, genre: str | None = None) -> list[MinimumRate]:
        """Minima for ``basis``; a grid limited to some genres only applies to them."""
        return [
            r
            for r in self.minima
            if r.basis == basis and (not r.genres or (genre is not None and genre in r.genres))
        ]


def normalise(text: str) -> str:
    """Lower case, no accents, single spaces: for matching function names."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", plain.lower()).strip()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-")


def _money(value: Decimal | None) -> Decimal | None:
    return None if value is None else round_money(value)


# --- one grid row, whatever the file ------------------------------------------------------------
@dataclass(frozen=True)
class GridRow:
    """A function's row: its amounts by column (a column present with null is unknown)."""

    function: str
    source: str = ""
    as_of: str | None = None
    uncertain: bool = False
    note: str = ""
    level: str | None = None
    amounts: dict[str, Decimal | None] = field(default_factory=dict)


_NOT_AMOUNTS = frozenset({"function", "source", "as_of", "uncertain", "note", "level"})


def _with_amounts(document: Any) -> Any:
    """Every ``entries`` row of the file with its numeric columns gathered in ``amounts``."""
    if isinstance(document, list):
        return [_with_amounts(item) for item in document]
    if not isinstance(document, dict):
        return document
    if "function" in document:
        amounts = {
            key: value
            for key, value in document.items()
            if key not in _NOT_AMOUNTS and (value is None or isinstance(value, int | float))
        }
        return {**document, "amounts": amounts}
    return {key: _with_amounts(value) for key, value in document.items()}


def _rates(
    row: GridRow, columns: Iterable[str], grid: str, genres: tuple[str, ...] = ()
) -> list[MinimumRate]:
    return [
        MinimumRate(
            basis=column,
            amount=_money(row.amounts[column]),
            grid=grid,
            source=row.source,
            as_of=row.as_of,
            uncertain=row.uncertain,
            note=row.note,
            genres=genres,
        )
        for column in columns
        if column in row.amounts
    ]


# --- layout "revalued_grid": an official grid raised by dated percentage steps -----------------
@dataclass(frozen=True)
class StepTier:
    factor: Decimal
    up_to_weekly_35h: Decimal | None = None


@dataclass(frozen=True)
class Step:
    id: str
    source: str
    as_of: str | None = None
    factor: Decimal | None = None
    tiers: tuple[StepTier, ...] = ()


@dataclass(frozen=True)
class ComputedGrid:
    label: str
    steps: tuple[str, ...]
    as_of: str
    note: str


@dataclass(frozen=True)
class DailyFromWeekly:
    divisor: Decimal
    daily_7h: str
    daily_8h: str


@dataclass(frozen=True)
class OfficialGrid:
    label: str
    cddu_columns: tuple[str, ...]
    daily_from_weekly: DailyFromWeekly
    computed_grids: tuple[ComputedGrid, ...]
    entries: tuple[GridRow, ...]


@dataclass(frozen=True)
class Grid:
    label: str
    entries: tuple[GridRow, ...]
    columns: tuple[str, ...] = ()
    genres: tuple[str, ...] = ()


@dataclass(frozen=True)
class RevaluedGridFile:
    revaluations: tuple[Step, ...]
    grid_2012_07_01: OfficialGrid
    grid_uspa_recent: Grid
    category_c_2012: Grid
    performers: Grid


def _step_factor(step: Step, weekly_35h: Decimal | None) -> Decimal | None:
    """The step's factor for a row; a tiered step needs the row's weekly 35 h minimum."""
    if step.factor is not None:
        return step.factor
    if weekly_35h is None:
        return None
    for tier in step.tiers:
        if tier.up_to_weekly_35h is None or weekly_35h <= tier.up_to_weekly_35h:
            return tier.factor
    raise LaborError("labor.step_tier", f"Palier introuvable dans {step.id}.", step=step.id)


def _computed(
    official: list[MinimumRate], row: GridRow, data: RevaluedGridFile, grid: ComputedGrid
) -> list[MinimumRate]:
    """Official rates times the grid's steps, rounded once to the cent (as the published
    grids do); daily rates are the computed weekly ones divided by the grid's divisor."""
    steps = {step.id: step for step in data.revaluations}
    factor, weekly_35h = Decimal(1), row.amounts.get("weekly_35h")
    for step_id in grid.steps:
        step = steps[step_id]
        step_factor = _step_factor(step, None if weekly_35h is None else weekly_35h * factor)
        if step_factor is None:
            return []  # a tiered step without the row's weekly minimum: no computed grid
        factor *= step_factor
    amounts = {r.basis: round_money(r.amount * factor) for r in official if r.amount is not None}
    daily = data.grid_2012_07_01.daily_from_weekly
    for day_basis, week_basis in (("daily_7h", daily.daily_7h), ("daily_8h", daily.daily_8h)):
        if day_basis in amounts and week_basis in amounts:
            amounts[day_basis] = round_money(amounts[week_basis] / daily.divisor)
    sources = ", ".join(grid.steps)
    return [
        MinimumRate(
            basis,
            amount,
            grid.label,
            f"{official[0].source} ; revalorisations {sources}",
            grid.as_of,
            uncertain=True,
            computed=True,
            note=grid.note,
        )
        for basis, amount in amounts.items()
    ]


def _base_and_tier(label: str, siblings: set[str]) -> tuple[str, str]:
    """'Cadreur spécialisé' -> ('cadreur', 'specialise'); a row with a specialised sibling is
    the non-specialised one."""
    base = normalise(re.sub(r"\(\d+\)", "", label)).replace(" specialise", "").strip()
    if "specialise" in normalise(label):
        return base, "specialise"
    return base, "non_specialise" if base in siblings else "unique"


def _tiers(labels: Iterable[str]) -> dict[str, tuple[str, str]]:
    labels = list(labels)
    specialised = {_base_and_tier(x, set())[0] for x in labels if "specialise" in normalise(x)}
    return {x: _base_and_tier(x, specialised) for x in labels}


def _revalued_grid(idcc: int, data: RevaluedGridFile) -> Iterator[JobFunction]:
    grid, recent = data.grid_2012_07_01, data.grid_uspa_recent
    recent_tiers = _tiers(e.function for e in recent.entries)
    recent_by_tier = {recent_tiers[e.function]: e for e in recent.entries}
    tiers_2012 = _tiers(e.function for e in grid.entries)
    for row in grid.entries:
        official = _rates(row, grid.cddu_columns, grid.label)
        rates = list(official)
        for computed in grid.computed_grids:
            rates += _computed(official, row, data, computed)
        newer = recent_by_tier.get(tiers_2012[row.function])
        if newer:
            rates += _rates(newer, recent.columns, recent.label, recent.genres)
        yield JobFunction(
            idcc, slug(row.function), row.function, row.level, note=row.note, minima=tuple(rates)
        )
    extras = data.category_c_2012
    for row in extras.entries:
        cachet = _rates(row, ["daily_cachet"], extras.label)
        rates = [replace(rate, basis="cachet") for rate in cachet]
        yield JobFunction(
            idcc, slug(row.function), row.function, row.level, "extra", row.note, tuple(rates)
        )
    performers = data.performers
    for row in performers.entries:
        rates = _rates(row, ["cachet"], performers.label)
        yield JobFunction(
            idcc, slug(row.function), row.function, None, "artist", row.note, tuple(rates)
        )


# --- layout "dated_columns": one column per avenant, the newest known one applies -------------
@dataclass(frozen=True)
class DatedAnnexe:
    basis: str
    columns_newest_first: tuple[str, ...]
    entries: tuple[GridRow, ...]


@dataclass(frozen=True)
class UnknownMinima:
    functions: tuple[str, ...]


@dataclass(frozen=True)
class ActorRate:
    function: str = ""
    basis: str | None = None
    amount: Decimal | None = None
    source: str = ""
    as_of: str | None = None
    uncertain: bool = False
    note: str = ""


@dataclass(frozen=True)
class DatedColumnsFile:
    technicians_annexe_I_weekly_39h: DatedAnnexe
    technicians_without_known_minimum: UnknownMinima
    actors_grid: str
    actors: tuple[ActorRate, ...]


def _dated_columns(idcc: int, data: DatedColumnsFile) -> Iterator[JobFunction]:
    annexe = data.technicians_annexe_I_weekly_39h
    for row in annexe.entries:
        column = next(c for c in annexe.columns_newest_first if row.amounts.get(c) is not None)
        grid = f"annexe I, avenant du {column.removeprefix('avenant_').replace('_', '-')}"
        rate = MinimumRate(
            annexe.basis,
            _money(row.amounts[column]),
            grid,
            row.source,
            row.as_of,
            row.uncertain,
            note=row.note,
        )
        yield JobFunction(idcc, slug(row.function), row.function, minima=(rate,))
    for label in data.technicians_without_known_minimum.functions:
        yield JobFunction(idcc, slug(label), label, note="minimum actuel non trouvé")
    actors = [row for row in data.actors if row.basis is not None]
    rates = tuple(
        MinimumRate(
            row.basis or "",
            _money(row.amount),
            data.actors_grid,
            row.source,
            row.as_of,
            row.uncertain,
            note=row.note,
        )
        for row in actors
    )
    yield JobFunction(
        idcc, slug(actors[0].function), actors[0].function, None, "artist", minima=rates
    )


# Each minima file, read into the shape of its layout, and the reader of that layout. A new
# agreement whose file follows a known layout adds one line here and one in agreements.yaml.
MINIMA: dict[str, tuple[RuleTable[Any], Callable[[int, Any], Iterator[JobFunction]]]] = {
    "labor/minima_idcc2642.yaml": (
        RuleTable("labor/minima_idcc2642.yaml", RevaluedGridFile, select=_with_amounts),
        _revalued_grid,
    ),
    "labor/minima_idcc3097.yaml": (
        RuleTable("labor/minima_idcc3097.yaml", DatedColumnsFile, select=_with_amounts),
        _dated_columns,
    ),
}


@cache
def functions(idcc: int) -> tuple[JobFunction, ...]:
    """The functions an agreement names, with their minima."""
    table, reader = MINIMA[_agreement(idcc).minima]
    return tuple(reader(idcc, table.load()))


def find_function(idcc: int, name: str) -> JobFunction:
    """The function named ``name`` (its id or its label, accents and case ignored)."""
    wanted = normalise(name)
    for job in functions(idcc):
        if wanted in (job.id, normalise(job.label)):
            return job
    close = [j.label for j in functions(idcc) if wanted and wanted in normalise(j.label)][:5]
    hint = f" Fonctions proches : {', '.join(close)}." if close else ""
    raise LaborError(
        "labor.function_unknown",
        f"Fonction « {name} » absente de la convention IDCC {idcc}.{hint}",
        idcc=idcc,
        function=name,
    )


@dataclass(frozen=True)
class Aliases:
    source: str
    by_agreement: dict[str, dict[str, str]]


ALIASES = RuleTable(
    "labor/function_aliases.yaml",
    Aliases,
    select=lambda doc: {
        "source": doc["source"],
        "by_agreement": {k: v for k, v in doc.items() if k not in ("source", "as_of")},
    },
)


def suggest_function(idcc: int, name: str) -> str | None:
    """The agreement's function label for an everyday name ('chef opérateur'), if known."""
    aliases = ALIASES.load().by_agreement.get(str(idcc), {})
    wanted = normalise(name)
    for alias, label in aliases.items():
        if normalise(alias) == wanted:
            return label
    try:
        return find_function(idcc, name).label
    except LaborError:
        return None
