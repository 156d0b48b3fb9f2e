"""Lead times counted back from a shoot day: working days skip weekends and the French
public holidays of the labour data (Code du travail L.3133-1)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from tournage.labor.calendar import holiday_dates
from tournage.labor.rules import WORKING_TIME
from tournage.rights.errors import RightsError
from tournage.rights.rules import LeadTime


@cache
def public_holidays(year: int) -> frozenset[date]:
    rows = WORKING_TIME.load().code_du_travail_baseline
    listed = next(row.holidays for row in rows if row.id == "public_holidays")
    return frozenset(holiday_dates(year, listed))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def working_days_before(day: date, count: int) -> date:
    """The date ``count`` working days before ``day`` (``day`` itself not counted)."""
    current = day
    left = count
    while left > 0:
        current -= timedelta(days=1)
        if is_working_day(current):
            left -= 1
    return current


def months_before(day: date, months: int) -> date:
    """Same day of the month ``months`` earlier (the month's last day when it is shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def deadline(shoot_day: date, lead_time: LeadTime) -> date:
    """The last day a request can be filed for ``shoot_day``."""
    if lead_time.unit == "working_days":
        return working_days_before(shoot_day, lead_time.min)
    if lead_time.unit == "calendar_days":
        return shoot_day - timedelta(days=lead_time.min)
    if lead_time.unit == "weeks":
        return shoot_day - timedelta(weeks=lead_time.min)
    if lead_time.unit == "months":
        return months_before(shoot_day, lead_time.min)
    raise RightsError("rights.lead_time_unit", f"Unité de délai inconnue : « {lead_time.unit} ».")
