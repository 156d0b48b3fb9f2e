"""Working-time parameters of an agreement, read from ``data/labor/working_time.yaml``.

Every agreement lists its rules in one schema; a rule id it does not list falls back to the
Code du travail baseline's rule of the same id, and a value neither knows stays ``None``
(reported as unknown, never guessed).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from tournage.common.rules import RuleTable, RuleTableError
from tournage.labor.agreements import agreement_label, normalise


@dataclass(frozen=True)
class Tier:
    """An overtime tier in overtime hours beyond the normal week (1 = the first one)."""

    premium: Decimal
    from_overtime_hour: int | None = None
    to_overtime_hour: int | None = None
    cddu_premium: Decimal | None = None
    only_for: str = ""


@dataclass(frozen=True)
class Season:
    first_day: str  # MM-DD
    last_day: str
    window: str  # HH:MM-HH:MM


@dataclass(frozen=True)
class Holiday:
    id: str
    label: str
    day: str | None = None  # MM-DD
    easter_offset: int | None = None  # days from Easter Sunday


@dataclass(frozen=True)
class RuleRow:
    """One rule of the file; each rule uses the fields it needs."""

    id: str = ""
    source: str = ""
    article: str | None = None
    note: str = ""
    uncertain: bool = False
    value_hours: Decimal | None = None
    reduced_min_hours: Decimal | None = None
    max_reductions_per_week: int = 0
    compensation_premium: Decimal | None = None
    plus_daily_rest_hours: Decimal | None = None
    max_consecutive_days: int | None = None
    after_hours: Decimal | None = None
    minutes: Decimal | None = None
    derogation_of: str = ""
    tiers: tuple[Tier, ...] = ()
    premium: Decimal | None = None
    premium_listed: Decimal | None = None
    default_window: str | None = None
    seasonal_genres: tuple[str, ...] = ()
    seasonal_windows: tuple[Season, ...] = ()
    window: str | None = None
    under_age: int | None = None
    minors_under_age: int | None = None
    isoweekday: int | None = None
    holidays: tuple[Holiday, ...] = ()
    multipliers: dict[str, Decimal] | None = None

    @property
    def cited(self) -> str:
        return f"{self.source}, art. {self.article}" if self.article else self.source


@dataclass(frozen=True)
class AgreementRows:
    source: str
    rules: tuple[RuleRow, ...]


@dataclass(frozen=True)
class WorkingTimeTable:
    code_du_travail_baseline: tuple[RuleRow, ...]
    agreements: dict[int, AgreementRows]


WORKING_TIME = RuleTable("labor/working_time.yaml", WorkingTimeTable)


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
    first_hour: int  # week hour (36 = first overtime hour of a 35 h week)
    last_hour: int | None
    premium: Decimal
    only_for: str = ""  # normalised list of the jobs it is limited to


@dataclass(frozen=True)
class WorkedHoliday:
    holiday: Holiday
    multiplier: Decimal | None  # None: the agreement's rate is unknown


@dataclass(frozen=True)
class WorkingTimeRules:
    idcc: int
    max_daily: Rule
    daily_rest: Rule
    reduced_daily_rest: Rule
    max_reductions_per_week: int
    reduced_rest_compensation: Rule
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
    night: RuleRow  # windows: default, per season for the genres it names
    rest_day: int  # ISO weekday of the weekly rest (Sunday)
    sunday_premium: Rule
    minors_sunday: Rule  # age below which Sunday work is refused by the agreement
    holidays: tuple[WorkedHoliday, ...]
    holidays_source: str
    holidays_uncertain: bool
    derogation_hours: tuple[int, ...]
    minors_night: RuleRow

    @property
    def agreement(self) -> str:
        return agreement_label(self.idcc)


class _Rows:
    """The agreement's rules by id, falling back to the baseline's."""

    def __init__(self, baseline: tuple[RuleRow, ...], own: tuple[RuleRow, ...]) -> None:
        self.own = own
        self.by_id = {row.id: row for row in baseline} | {row.id: row for row in own}

    def __getitem__(self, rule_id: str) -> RuleRow:
        return self.by_id.get(rule_id, RuleRow(id=rule_id, source="non trouvé", uncertain=True))

    def rule(self, rule_id: str, value: Decimal | int | None, label: str) -> Rule:
        row = self[rule_id]
        number = None if value is None else Decimal(value)
        source = row.cited if number is not None or not row.note else f"{row.cited} ({row.note})"
        return Rule(number, label, source, row.uncertain)


def _hour(base: int, offset: int | None) -> int | None:
    return None if offset is None else base + offset


def _required(value: Decimal | int | None, where: str) -> int:
    if value is None:
        raise RuleTableError(
            "rules.missing", f"Table labor/working_time.yaml : {where} manquant.", path=where
        )
    return int(value)


@cache
def rules_for(idcc: int) -> WorkingTimeRules:
    agreement_label(idcc)  # rejects unknown agreements
    table = WORKING_TIME.load()
    rows = _Rows(table.code_du_travail_baseline, table.agreements[idcc].rules)
    rest, weekly, overtime = rows["daily_rest"], rows["weekly_rest"], rows["overtime_premiums"]
    normal = _required(rows["weekly_normal"].value_hours, "weekly_normal.value_hours")
    sunday, worked = rows["sunday"], rows["public_holidays_worked"]
    multipliers = worked.multipliers
    return WorkingTimeRules(
        idcc=idcc,
        max_daily=rows.rule(
            "max_daily_effective",
            rows["max_daily_effective"].value_hours,
            "durée quotidienne maximale",
        ),
        daily_rest=rows.rule("daily_rest", rest.value_hours, "repos quotidien"),
        reduced_daily_rest=rows.rule(
            "daily_rest", rest.reduced_min_hours, "repos quotidien réduit"
        ),
        max_reductions_per_week=rest.max_reductions_per_week,
        reduced_rest_compensation=rows.rule(
            "daily_rest", rest.compensation_premium, "compensation du repos réduit"
        ),
        max_weekly=rows.rule(
            "max_weekly", rows["max_weekly"].value_hours, "durée hebdomadaire maximale"
        ),
        weekly_rest=rows.rule(
            "weekly_rest",
            None
            if weekly.value_hours is None
            else weekly.value_hours + (weekly.plus_daily_rest_hours or 0),
            "repos hebdomadaire (24 h + repos quotidien)",
        ),
        max_consecutive_days=rows.rule(
            "weekly_rest", weekly.max_consecutive_days, "jours consécutifs travaillés"
        ),
        pause_after_hours=rows.rule("pause", rows["pause"].after_hours, "pause"),
        pause_minutes=rows.rule("pause", rows["pause"].minutes, "pause"),
        overtime=tuple(
            OvertimeTier(
                normal + _required(tier.from_overtime_hour, "overtime_premiums.tiers"),
                _hour(normal, tier.to_overtime_hour),
                tier.premium if tier.cddu_premium is None else tier.cddu_premium,
                normalise(tier.only_for),
            )
            for tier in overtime.tiers
        ),
        overtime_source=overtime.cited,
        overtime_uncertain=overtime.uncertain,
        night_premium=rows.rule("night", rows["night"].premium, "majoration de nuit"),
        night_premium_listed=rows.rule(
            "night",
            rows["night"].premium_listed,
            "majoration de nuit (décor, électricité, machinerie)",
        ),
        night=rows["night"],
        rest_day=_required(sunday.isoweekday, "sunday.isoweekday"),
        sunday_premium=rows.rule("sunday", sunday.premium, "majoration du dimanche"),
        minors_sunday=rows.rule(
            "sunday", sunday.minors_under_age, "travail du dimanche des mineurs"
        ),
        holidays=tuple(
            WorkedHoliday(h, None if multipliers is None else multipliers.get(h.id))
            for h in rows["public_holidays"].holidays
        ),
        holidays_source=worked.cited,
        holidays_uncertain=multipliers is None,
        derogation_hours=tuple(
            _required(row.value_hours, row.id)
            for row in rows.own
            if row.derogation_of == "max_weekly"
        ),
        minors_night=rows["minors_night"],
    )
