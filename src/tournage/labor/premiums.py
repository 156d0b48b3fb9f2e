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

from tournage.data import load_yaml
from tournage.labor.agreements import normalise
from tournage.labor.calendar import (
    holiday_dates,
    hours_in_window,
    parse_window,
    sunday_hours,
    week_start,
)
from tournage.labor.rules import Rule, WorkingTimeRules, rules_for
from tournage.labor.timesheet import Shift, Worker

CENT = Decimal("0.01")
QUARTER = Decimal("0.25")


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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _hours(value: float) -> Decimal:
    """Hours rounded up to the quarter hour, as payroll counts them."""
    quarters = (Decimal(str(value)) / QUARTER).quantize(Decimal(1), ROUND_HALF_UP)
    return quarters * QUARTER


def _amount(worker: Worker, hours: Decimal, premium: Decimal | None) -> Decimal | None:
    if premium is None or worker.hourly_rate is None:
        return None
    return (hours * worker.hourly_rate * premium).quantize(CENT, ROUND_HALF_UP)


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
        lines += _sunday(worker, monday, week, rules.sunday_premium)
        lines += _holidays(worker, monday, week, rules)
    return [line for line in lines if line.hours > 0]


def _tier_applies(only_for: str, function: str) -> bool:
    return not only_for or (bool(function) and normalise(function) in only_for)


def _overtime(
    worker: Worker, monday: date, hours: float, rules: WorkingTimeRules
) -> list[PremiumLine]:
    """Split the week's hours beyond 35 into the tiers; a later matching tier overrides."""
    by_premium: dict[Decimal, float] = defaultdict(float)
    whole = int(hours)
    for hour in range(36, whole + 2):
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


def _night_window(worker: Worker, day: date) -> tuple[time, time]:
    night = next(
        r
        for r in load_yaml("labor/working_time.yaml")["idcc_2642"]["rules"]
        if r.get("id") == "night"
    )
    if worker.genre not in ("fiction", "documentaire"):
        return parse_window(night["default_window"])
    seasonal = night["fiction_and_documentary_window"]
    winter = (day.month, day.day) >= (12, 21) or (day.month, day.day) <= (3, 20)
    return parse_window(seasonal["winter_21dec_20mar" if winter else "rest_of_year"])


def _night(
    worker: Worker, monday: date, week: list[Shift], rules: WorkingTimeRules
) -> list[PremiumLine]:
    if not rules.night_premium.known:
        return []  # no night window nor rate for this agreement: nothing to count
    listed = any(_tier_applies(t.only_for, worker.function) and t.only_for for t in rules.overtime)
    rule = rules.night_premium_listed if listed else rules.night_premium
    hours = sum(hours_in_window(s.start, s.end, _night_window(worker, s.day)) for s in week)
    return [_line(worker, monday, "night", _label(rule), hours, rule.value, rule.source)]


def _sunday(worker: Worker, monday: date, week: list[Shift], rule: Rule) -> list[PremiumLine]:
    hours = sum(sunday_hours(s.start, s.end) for s in week)
    return [_line(worker, monday, "sunday", _label(rule), hours, rule.value, rule.source)]


def _label(rule: Rule) -> str:
    return rule.label if rule.known else f"{rule.label} (taux inconnu)"


def _holidays(
    worker: Worker, monday: date, week: list[Shift], rules: WorkingTimeRules
) -> list[PremiumLine]:
    # Holiday dates are the same under every agreement; only the rates may be unknown.
    table = rules.holidays or rules_for(2642).holidays
    lines = []
    for shift in week:
        holiday = holiday_dates(shift.day.year, table).get(shift.day)
        if holiday is None or (rules.holidays and holiday["multiplier"] <= 1):
            continue
        end = min(shift.end, datetime.combine(shift.day, time.max))
        hours = (end - shift.start).total_seconds() / 3600 - shift.break_minutes / 60
        premium = Decimal(str(holiday["multiplier"])) - 1 if rules.holidays else None
        label = f"jour férié : {holiday['label']}" + ("" if rules.holidays else " (taux inconnu)")
        lines.append(_line(worker, monday, "holiday", label, hours, premium, rules.holidays_source))
    return lines
