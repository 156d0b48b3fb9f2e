"""Working-time parameters of an agreement, read from ``data/labor/working_time.yaml``.

IDCC 2642 states its own limits; IDCC 3097 is partial, so its missing limits fall back to the
Code du travail baseline and its unknown premiums stay ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from tournage.data import load_yaml
from tournage.labor.agreements import agreement_label, normalise


@dataclass(frozen=True)
class Rule:
    """A limit or rate with where it comes from."""

    value: Decimal | None
    label: str
    source: str
    uncertain: bool = False

    @property
    def known(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class OvertimeTier:
    first_hour: int  # week hour (36 = first overtime hour)
    last_hour: int | None
    premium: Decimal
    only_for: str = ""  # normalised list of the jobs it is limited to


@dataclass(frozen=True)
class WorkingTimeRules:
    idcc: int
    max_daily: Rule
    daily_rest: Rule
    reduced_daily_rest: Rule
    max_reductions_per_week: int
    max_weekly: Rule
    weekly_rest: Rule
    max_consecutive_days: Rule
    pause_after_hours: Rule
    pause_minutes: Rule
    overtime: tuple[OvertimeTier, ...]
    overtime_source: str
    overtime_uncertain: bool
    night_premium: Rule
    night_premium_listed: Rule
    sunday_premium: Rule
    holidays: tuple[dict[str, Any], ...]
    holidays_source: str
    derogation_hours: tuple[int, ...]

    @property
    def agreement(self) -> str:
        return agreement_label(self.idcc)


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _by_id(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in rows if "id" in row}


def _source(row: dict[str, Any]) -> str:
    article = f", art. {row['article']}" if "article" in row else ""
    return f"{row['source']}{article}"


def _rule(row: dict[str, Any], key: str, label: str) -> Rule:
    return Rule(_dec(row.get(key)), label, _source(row), bool(row.get("uncertain", False)))


def _unknown(label: str, row: dict[str, Any]) -> Rule:
    return Rule(None, label, f"{row['source']} ({row.get('note', '')})", True)


@cache
def rules_for(idcc: int) -> WorkingTimeRules:
    data = load_yaml("labor/working_time.yaml")
    base = _by_id(data["code_du_travail_baseline"])
    if idcc == 2642:
        return _rules_2642(_by_id(data["idcc_2642"]["rules"]), base)
    agreement_label(idcc)  # rejects unknown agreements
    return _rules_3097(_by_id(data["idcc_3097"]), base)


def _common(pav: dict[str, dict[str, Any]], base: dict[str, dict[str, Any]]) -> dict[str, Any]:
    rest = pav.get("daily_rest", base["daily_rest"])
    weekly = pav.get("weekly_rest", base["weekly_rest"])
    week_hours = Decimal(str(weekly["value_hours"])) + Decimal(str(weekly["plus_daily_rest_hours"]))
    return {
        "daily_rest": _rule(rest, "value_hours", "repos quotidien"),
        "weekly_rest": Rule(
            week_hours, "repos hebdomadaire (24 h + repos quotidien)", _source(weekly)
        ),
        "max_weekly": _rule(
            pav.get("max_weekly", base["max_weekly_absolute"]),
            "value_hours",
            "durée hebdomadaire maximale",
        ),
    }


Table = dict[str, dict[str, Any]]


def _rules_2642(pav: Table, base: Table) -> WorkingTimeRules:
    overtime = pav["overtime_premiums"]
    night = pav["night"]
    normal_week = int(pav["weekly_normal"]["value_hours"])  # overtime counts from there
    return WorkingTimeRules(
        idcc=2642,
        max_daily=_rule(pav["max_daily_effective"], "value_hours", "durée quotidienne maximale"),
        reduced_daily_rest=_rule(pav["daily_rest"], "reduced_min_hours", "repos quotidien réduit"),
        max_reductions_per_week=int(pav["daily_rest"]["max_reductions_per_week"]),
        max_consecutive_days=_rule(
            pav["weekly_rest"], "max_consecutive_days", "jours consécutifs travaillés"
        ),
        pause_after_hours=_rule(pav["pause"], "after_hours", "pause"),
        pause_minutes=_rule(pav["pause"], "minutes", "pause"),
        overtime=tuple(
            OvertimeTier(
                normal_week + t["from_overtime_hour"],
                normal_week + t["to_overtime_hour"] if "to_overtime_hour" in t else None,
                Decimal(str(t.get("cddu_premium", t["premium"]))),
                normalise(t.get("only_for", "")),
            )
            for t in overtime["tiers"]
        ),
        overtime_source=_source(overtime),
        overtime_uncertain=False,
        night_premium=_rule(night, "premium", "majoration de nuit"),
        night_premium_listed=_rule(
            night,
            "premium_listed_decor_electric_grip_jobs",
            "majoration de nuit (décor, électricité, machinerie)",
        ),
        sunday_premium=_rule(pav["sunday"], "premium", "majoration du dimanche"),
        holidays=tuple(pav["public_holidays_worked"]["holidays"]),
        holidays_source=_source(pav["public_holidays_worked"]),
        derogation_hours=(
            int(pav["max_weekly_derogation_54h"]["value_hours"]),
            int(pav["max_weekly_derogation_60h"]["value_hours"]),
        ),
        **_common(pav, base),
    )


def _rules_3097(cinema: Table, base: Table) -> WorkingTimeRules:
    overtime = cinema["overtime_premiums_technicians"]
    unknown = cinema["night_sunday_holiday_premiums_3097"]
    pause = base["pause"]
    return WorkingTimeRules(
        idcc=3097,
        max_daily=_rule(base["max_daily_effective"], "value_hours", "durée quotidienne maximale"),
        reduced_daily_rest=Rule(None, "repos quotidien réduit", "non prévu dans les données"),
        max_reductions_per_week=0,
        max_consecutive_days=Rule(
            None, "jours consécutifs travaillés", "non trouvé pour l'IDCC 3097"
        ),
        pause_after_hours=_rule(pause, "after_hours", "pause"),
        pause_minutes=_rule(pause, "minutes", "pause"),
        overtime=tuple(
            OvertimeTier(t["from_week_hour"], t.get("to_week_hour"), Decimal(str(t["premium"])))
            for t in overtime["tiers"]
        ),
        overtime_source=_source(overtime),
        overtime_uncertain=bool(overtime.get("uncertain")),
        night_premium=_unknown("majoration de nuit", unknown),
        night_premium_listed=_unknown("majoration de nuit", unknown),
        sunday_premium=_unknown("majoration du dimanche", unknown),
        holidays=(),
        holidays_source=_unknown("jours fériés", unknown).source,
        derogation_hours=(),
        **_common({}, base),
    )
