"""Overtime and night/Sunday/holiday increases for the cost report.

Hours are counted per civil week; amounts are ``hours x hourly rate x premium`` in Decimal,
rounded to the cent. A premium the data does not know is reported with ``premium=None``
and no amount, never guessed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tournage.common.formatting import round_money
from tournage.labor.agreements import normalise
from tournage.labor.calendar import (
    holiday_dates,
    hours_in_window,
    parse_window,
    week_start,
    weekday_hours,
)
from tournage.labor.rules import Rule, RuleRow, Season, WorkingTimeRules, rules_for
from tournage.labor.timesheet import Shift, Worker

QUARTER = Decimal("0.25")  # payroll counts hours by quarters (the tiers' own rounding aside)


@dataclass(frozen=True)
class PremiumLine:
    person: str
    week: date
    kind: str  # overtime | night | sunday | holiday
    label: str
    hours: Decimal
    premium: Decimal | None  # fraction added to the hourly rate (0.25 = +25 %)
    amount: Decimal | None
    source: str

    @property
    def percent(self) -> Decimal | None:
        """The premium as a percentage (25 for +25 %)."""
        return None if self.premium is None else self.premium * 100

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _hours(value: float) -> Decimal:
    """Hours rounded up to the quarter hour, as payroll counts them."""
    quarters = (Decimal(str(value)) / QUARTER).quantize(Decimal(1), ROUND_HALF_UP)
    return quarters * QUARTER


def _amount(worker: Worker, hours: Decimal, premium: Decimal | None) -> Decimal | None:
    if premium is None or worker.hourly_rate is None:
        return None
    return round_money(hours * worker.hourly_rate * premium)


def _line(
    worker: Worker,
    week: date,
    kind: str,
    label: str,
    hours: float,
    premium: Decimal | None,
    source: str,
) -> PremiumLine:
    rounded = _hours(hours)
    return PremiumLine(
        worker.name, week, kind, label, rounded, premium, _amount(worker, rounded, premium), source
    )


def premiums(worker: Worker, shifts: Iterable[Shift]) -> list[PremiumLine]:
    """Increases due to ``worker`` for ``shifts``, week by week."""
    rules = rules_for(worker.idcc)
    weeks: dict[date, list[Shift]] = defaultdict(list)
    for shift in sorted((s for s in shifts if s.person == worker.name), key=lambda s: s.start):
        weeks[week_start(shift.day)].append(shift)
    lines: list[PremiumLine] = []
    for monday, week in sorted(weeks.items()):
        lines += _overtime(worker, monday, sum(s.work_hours for s in week), rules)
        lines += _night(worker, monday, week, rules)
        lines += _sunday(worker, monday, week, rules)
        lines += _holidays(worker, monday, week, rules)
    return [line for line in lines if line.hours > 0]


def first_overtime_premium(worker: Worker) -> Decimal | None:
    """The premium of the first overtime hour of ``worker``'s agreement and job (what one
    more hour on a day costs at least); ``None`` when the data has no tier for them."""
    tiers = [
        t for t in rules_for(worker.idcc).overtime if _tier_applies(t.only_for, worker.function)
    ]
    return min(tiers, key=lambda t: t.first_hour).premium if tiers else None


def _tier_applies(only_for: str, function: str) -> bool:
    return not only_for or (bool(function) and normalise(function) in only_for)


def _overtime(
    worker: Worker, monday: date, hours: float, rules: WorkingTimeRules
) -> list[PremiumLine]:
    """Split the week's hours into the overtime tiers (each tier names its week hours); a
    later matching tier overrides."""
    by_premium: dict[Decimal, float] = defaultdict(float)
    whole = int(hours)
    for hour in range(1, whole + 2):
        share = 1.0 if hour <= whole else hours - whole
        tiers = [
            t
            for t in rules.overtime
            if t.first_hour <= hour
            and (t.last_hour is None or hour <= t.last_hour)
            and _tier_applies(t.only_for, worker.function)
        ]
        if tiers and share > 0:
            by_premium[tiers[-1].premium] += share
    label = "heures supplémentaires" + (" (règle à confirmer)" if rules.overtime_uncertain else "")
    return [
        _line(
            worker,
            monday,
            "overtime",
            f"{label} +{premium * 100:.0f} %",
            h,
            premium,
            rules.overtime_source,
        )
        for premium, h in sorted(by_premium.items())
    ]


def _in_season(season: Season, day: date) -> bool:
    """Whether ``day`` falls between the season's first and last day (MM-DD), which may
    run over the new year."""
    today, first, last = f"{day:%m-%d}", season.first_day, season.last_day
    return first <= today <= last if first <= last else today >= first or today <= last


def _night_window(worker: Worker, day: date, night: RuleRow) -> tuple[time, time] | None:
    """The agreement's night window for this worker's genre and this day; None if unknown."""
    if worker.genre in night.seasonal_genres:
        season = next((s for s in night.seasonal_windows if _in_season(s, day)), None)
        if season is not None:
            return parse_window(season.window)
    return None if night.default_window is None else parse_window(night.default_window)


def _night_hours(worker: Worker, shift: Shift, night: RuleRow) -> float:
    window = _night_window(worker, shift.day, night)
    return 0.0 if window is None else hours_in_window(shift.start, shift.end, window)


def _night(
    worker: Worker, monday: date, week: list[Shift], rules: WorkingTimeRules
) -> list[PremiumLine]:
    if not rules.night_premium.known:
        return []  # no night window nor rate for this agreement: nothing to count
    listed = any(_tier_applies(t.only_for, worker.function) and t.only_for for t in rules.overtime)
    rule = rules.night_premium_listed if listed else rules.night_premium
    hours = sum(_night_hours(worker, s, rules.night) for s in week)
    return [_line(worker, monday, "night", _label(rule), hours, rule.value, rule.source)]


def _sunday(
    worker: Worker, monday: date, week: list[Shift], rules: WorkingTimeRules
) -> list[PremiumLine]:
    rule = rules.sunday_premium
    hours = sum(weekday_hours(s.start, s.end, rules.rest_day) for s in week)
    return [_line(worker, monday, "sunday", _label(rule), hours, rule.value, rule.source)]


def _label(rule: Rule) -> str:
    return rule.label if rule.known else f"{rule.label} (taux inconnu)"


def _holidays(
    worker: Worker, monday: date, week: list[Shift], rules: WorkingTimeRules
) -> list[PremiumLine]:
    # Holiday dates are the same under every agreement; only the rates may be unknown.
    lines = []
    by_holiday = {worked.holiday: worked for worked in rules.holidays}
    for shift in week:
        holiday = holiday_dates(shift.day.year, by_holiday).get(shift.day)
        if holiday is None:
            continue
        multiplier = by_holiday[holiday].multiplier
        if multiplier is not None and multiplier <= 1:
            continue  # worked without premium (the solidarity day)
        end = min(shift.end, datetime.combine(shift.day, time.max))
        hours = (end - shift.start).total_seconds() / 3600 - shift.break_minutes / 60
        premium = None if multiplier is None else multiplier - 1
        label = f"jour férié : {holiday.label}" + (" (taux inconnu)" if premium is None else "")
        lines.append(_line(worker, monday, "holiday", label, hours, premium, rules.holidays_source))
    return lines
