"""Collective agreements as data: functions and their minimum pay (IDCC 2642 and 3097).

Every minimum comes from ``data/labor/minima_idcc*.yaml`` with its grid, source and date.
A minimum that is unknown stays ``None``; one computed by tournage (the 2012 grid raised by
the dated percentage steps) is marked ``computed`` and ``uncertain``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

from tournage.data import load_yaml
from tournage.labor.findings import LaborError

AGREEMENTS: dict[int, str] = {
    2642: "Convention collective nationale de la production audiovisuelle (IDCC 2642)",
    3097: "Convention collective nationale de la production cinématographique (IDCC 3097)",
}
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
CENT = Decimal("0.01")


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
        """Minima for ``basis``; the recent fiction grid only applies to fiction."""
        return [
            r
            for r in self.minima
            if r.basis == basis and (genre == "fiction" or RECENT_GRID not in r.grid)
        ]


def normalise(text: str) -> str:
    """Lower case, no accents, single spaces: for matching function names."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", plain.lower()).strip()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-")


def _money(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(CENT)


GRID_2012 = "grille officielle du 1er juillet 2012"
COMPUTED_GRID = "grille 2012 revalorisée (avenants étendus de 2016 et 2017, calcul tournage)"
COMPUTED_GRID_2023 = "grille au 1er janvier 2023 (avenant n° 14, calcul tournage)"
RECENT_GRID = "grille USPA récente (date non établie, fiction présumée)"


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


def _rates_from_row(
    row: dict[str, Any], columns: Iterable[str], grid: str, **extra: Any
) -> list[MinimumRate]:
    return [
        MinimumRate(
            basis=column,
            amount=_money(row[column]),
            grid=grid,
            source=row.get("source", ""),
            as_of=row.get("as_of"),
            uncertain=bool(row.get("uncertain", False)),
            note=row.get("note", ""),
            **extra,
        )
        for column in columns
        if column in row
    ]


def _revaluation_factor(data: dict[str, Any]) -> tuple[Decimal, list[str]]:
    factor, steps = Decimal(1), []
    for step in data["revaluations"]:
        if "factor" in step:
            factor *= Decimal(str(step["factor"]))
            steps.append(step["id"])
    return factor, steps


def _tier_factor(step: dict[str, Any], weekly_35h: Decimal) -> Decimal:
    """The factor of a tiered step for a row, chosen on its (unrounded) weekly 35 h minimum."""
    for tier in step["tiers"]:
        limit = tier.get("up_to_weekly_35h")
        if limit is None or weekly_35h <= Decimal(str(limit)):
            return Decimal(str(tier["factor"]))
    raise LaborError(f"Palier introuvable dans {step['id']}.")


def _computed(
    rates: list[MinimumRate],
    factor: Decimal,
    grid: str,
    source: str,
    as_of: str,
    note: str,
    daily: dict[str, Any],
) -> list[MinimumRate]:
    """Official rates times ``factor``, rounded once to the cent (as the published grids do);
    daily rates are the computed weekly ones divided by the grid's divisor."""
    weekly = {
        r.basis: (r.amount * factor).quantize(CENT, ROUND_HALF_UP)
        for r in rates
        if r.amount is not None
    }
    for day_basis in ("daily_7h", "daily_8h"):
        if day_basis in weekly and daily.get(day_basis) in weekly:
            week = weekly[daily[day_basis]]
            weekly[day_basis] = (week / Decimal(str(daily["divisor"]))).quantize(
                CENT, ROUND_HALF_UP
            )
    return [
        MinimumRate(
            basis,
            amount,
            grid,
            f"{rates[0].source} ; {source}",
            as_of,
            uncertain=True,
            computed=True,
            note=note,
        )
        for basis, amount in weekly.items()
    ]


def _functions_2642() -> Iterator[JobFunction]:
    data = load_yaml("labor/minima_idcc2642.yaml")
    grid = data["grid_2012_07_01"]
    columns = [c for c in grid["columns"] if c != "cdi_monthly_35h"]
    factor, steps = _revaluation_factor(data)
    step_2023 = next(r for r in data["revaluations"] if r["id"] == "avenant_14_2023")
    recent = data["grid_uspa_recent"]
    recent_tiers = _tiers(e["function"] for e in recent["entries"])
    recent_by_tier = {recent_tiers[e["function"]]: e for e in recent["entries"]}
    tiers_2012 = _tiers(e["function"] for e in grid["entries"])
    for row in grid["entries"]:
        official = _rates_from_row(row, columns, GRID_2012)
        rates = official + _computed(
            official,
            factor,
            COMPUTED_GRID,
            f"revalorisations {', '.join(steps)}",
            "2017-08-01",
            "arrondi au centime par tournage ; hausses de 2019-2025 non appliquées",
            grid["daily_from_weekly"],
        )
        if "weekly_35h" in row:
            base = Decimal(str(row["weekly_35h"])) * factor
            rates += _computed(
                official,
                factor * _tier_factor(step_2023, base),
                COMPUTED_GRID_2023,
                f"{step_2023['id']} ({step_2023['source']})",
                step_2023["as_of"],
                f"{step_2023['scope']} ; hausses postérieures non appliquées (inconnues)",
                grid["daily_from_weekly"],
            )
        newer = recent_by_tier.get(tiers_2012[row["function"]])
        if newer:
            rates += _rates_from_row(newer, recent["columns"], RECENT_GRID)
        yield JobFunction(
            2642,
            slug(row["function"]),
            row["function"],
            row.get("level"),
            note=row.get("note", ""),
            minima=tuple(rates),
        )
    extras = data["category_c_2012"]
    for row in extras["entries"]:
        row = {**row, "cachet": row.get("daily_cachet")} if "daily_cachet" in row else row
        yield JobFunction(
            2642,
            slug(row["function"]),
            row["function"],
            row.get("level"),
            "extra",
            row.get("note", ""),
            tuple(_rates_from_row(row, ["cachet"], GRID_2012)),
        )
    for row in data["performers"]["entries"]:
        yield JobFunction(
            2642,
            slug(row["function"]),
            row["function"],
            None,
            "artist",
            row.get("note", ""),
            tuple(_rates_from_row(row, ["cachet"], "cachets des artistes-interprètes TV")),
        )


def _functions_3097() -> Iterator[JobFunction]:
    data = load_yaml("labor/minima_idcc3097.yaml")
    annexe = data["technicians_annexe_I_weekly_39h"]
    for row in annexe["entries"]:
        column = "avenant_2024_01_23" if "avenant_2024_01_23" in row else "avenant_2023_07_24"
        grid = f"annexe I, avenant du {column[8:].replace('_', '-')}"
        rates = _rates_from_row({**row, "weekly_39h": row[column]}, ["weekly_39h"], grid)
        yield JobFunction(3097, slug(row["function"]), row["function"], minima=tuple(rates))
    unknown = data["technicians_without_known_minimum"]
    for label in unknown["functions"]:
        yield JobFunction(3097, slug(label), label, note="minimum actuel non trouvé")
    actors = [row for row in data["actors"] if "basis" in row]
    rates = [
        MinimumRate(
            basis=row["basis"],
            amount=_money(row["amount"]),
            grid="Titre III (2022)",
            source=row["source"],
            as_of=row["as_of"],
            uncertain=bool(row.get("uncertain")),
            note=row.get("note", ""),
        )
        for row in actors
    ]
    yield JobFunction(
        3097,
        slug(actors[0]["function"]),
        actors[0]["function"],
        None,
        "artist",
        minima=tuple(rates),
    )


@cache
def functions(idcc: int) -> tuple[JobFunction, ...]:
    """The functions an agreement names, with their minima."""
    if idcc == 2642:
        return tuple(_functions_2642())
    if idcc == 3097:
        return tuple(_functions_3097())
    raise LaborError(
        f"Convention IDCC {idcc} non prise en charge (disponibles : "
        f"{', '.join(str(i) for i in AGREEMENTS)})."
    )


def find_function(idcc: int, name: str) -> JobFunction:
    """The function named ``name`` (its id or its label, accents and case ignored)."""
    wanted = normalise(name)
    for job in functions(idcc):
        if wanted in (job.id, normalise(job.label)):
            return job
    close = [j.label for j in functions(idcc) if wanted and wanted in normalise(j.label)][:5]
    hint = f" Fonctions proches : {', '.join(close)}." if close else ""
    raise LaborError(f"Fonction « {name} » absente de la convention IDCC {idcc}.{hint}")


def agreement_label(idcc: int) -> str:
    functions(idcc)  # validates the number
    return AGREEMENTS[idcc]


def suggest_function(idcc: int, name: str) -> str | None:
    """The agreement's function label for an everyday name ('chef opérateur'), if known."""
    aliases = load_yaml("labor/function_aliases.yaml").get(str(idcc), {})
    wanted = normalise(name)
    for alias, label in aliases.items():
        if normalise(alias) == wanted:
            return str(label)
    try:
        return find_function(idcc, name).label
    except LaborError:
        return None
