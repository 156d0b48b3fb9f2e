"""Calendar arithmetic for the working-time rules: civil weeks, holidays, time windows."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol, TypeVar

from tournage.labor.child_actors import CHILD_ACTORS

HOUR = timedelta(hours=1)


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


class DatedHoliday(Protocol):
    @property
    def day(self) -> str | None: ...  # MM-DD

    @property
    def easter_offset(self) -> int | None: ...  # days from Easter Sunday


H = TypeVar("H", bound=DatedHoliday)


def holiday_dates(year: int, holidays: Iterable[H]) -> dict[date, H]:
    """Dates of the listed public holidays in ``year`` (``day`` MM-DD or ``easter_offset``)."""
    found = {}
    for holiday in holidays:
        if holiday.day is not None:
            month, day = (int(x) for x in holiday.day.split("-"))
            found[date(year, month, day)] = holiday
        else:
            found[easter(year) + timedelta(days=holiday.easter_offset or 0)] = holiday
    return found


def week_start(day: date) -> date:
    """Monday of the civil week (Monday 00:00 to Sunday 24:00)."""
    return day - timedelta(days=day.weekday())


def parse_window(text: str) -> tuple[time, time]:
    """'22:00-06:00' -> (22:00, 06:00); an end before the start crosses midnight."""
    start, end = (time.fromisoformat(part.strip()) for part in text.split("-"))
    return start, end


def hours_in_window(start: datetime, end: datetime, window: tuple[time, time]) -> float:
    """Hours of [start, end) falling inside the daily ``window`` (which may cross midnight)."""
    total = 0.0
    day = start.date() - timedelta(days=1)
    while datetime.combine(day, time()) < end:
        w_start = datetime.combine(day, window[0])
        w_end = datetime.combine(day, window[1])
        if w_end <= w_start:
            w_end += timedelta(days=1)
        overlap = min(end, w_end) - max(start, w_start)
        total += max(overlap.total_seconds(), 0.0) / 3600
        day += timedelta(days=1)
    return total


def weekday_hours(start: datetime, end: datetime, isoweekday: int) -> float:
    """Hours of [start, end) falling on the given weekday (ISO: Monday 1, Sunday 7)."""
    return hours_on_days(start, end, lambda d: d.isoweekday() == isoweekday)


def hours_on_days(start: datetime, end: datetime, keep: Any) -> float:
    total, cursor = 0.0, start
    while cursor < end:
        midnight = datetime.combine(cursor.date() + timedelta(days=1), time())
        piece_end = min(end, midnight)
        if keep(cursor.date()):
            total += (piece_end - cursor).total_seconds() / 3600
        cursor = piece_end
    return total


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def needs_child_authorisation(birth: date | None, day: date) -> bool:
    """A performer under the age of the prefect's prior authorisation (L.7124-1) on ``day``."""
    rule = CHILD_ACTORS.load().rule("authorisation", "prior_individual_authorisation")
    if birth is None or rule.under_age is None:
        return False
    return age_on(birth, day) < rule.under_age


def working_days_between(start: date, end: date, rest_day: int) -> int:
    """Working days after ``start`` up to ``end`` included, the weekly rest day (ISO weekday)
    excluded (L.1242-13)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += day.isoweekday() != rest_day
    return count
