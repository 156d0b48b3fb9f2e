"""What one daily production report feeds, typed once: carbon actuals, timesheets and the
cost report's estimate to complete.

Pure rules over plain values: the web app reads the report, calls these, and writes what
they return through the carbon, labor and budget apps' public services. Every row carries
the report it comes from (``origin``), so saving the report again updates the same rows
and a quantity removed from the report removes its row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from tournage.common.formatting import round_money
from tournage.followup.tables import CarbonFeed


def origin(day: date) -> str:
    """How every row fed by the report of ``day`` names its source."""
    return f"rapport de production du {day:%d/%m/%Y}"


@dataclass(frozen=True)
class CarbonLine:
    field: str  # the report's field
    factor: str
    quantity: Decimal
    unit: str
    label: str


def carbon_lines(
    day: date, quantities: Mapping[str, Decimal | int | None], feeds: Sequence[CarbonFeed]
) -> list[CarbonLine]:
    """One carbon activity per quantity typed on the report; empty or zero records none."""
    lines = []
    for feed in feeds:
        value = quantities.get(feed.field)
        if value is None or value <= 0:
            continue
        label = f"{feed.label} — {origin(day)}"
        lines.append(CarbonLine(feed.field, feed.factor, Decimal(value), feed.unit, label))
    return lines


@dataclass(frozen=True)
class Times:
    """Call, wrap and meal break as typed on the report (the unit's or one person's)."""

    call: time | None
    wrap: time | None
    meal_minutes: int | None = None


@dataclass(frozen=True)
class PersonShift:
    person: int
    start: datetime
    end: datetime
    break_minutes: int


def person_shifts(
    day: date, unit: Times, present: Iterable[int], own: Mapping[int, Times]
) -> list[PersonShift]:
    """The actual shift of each person present or with times of their own. A person's own
    call, wrap or meal break wins over the unit's; what neither gives stays unknown: no
    call or wrap, no shift; no meal break typed, none counted (the labour checks then
    say a break is missing rather than assume one). A wrap before the call is the next
    morning's."""
    shifts = []
    for person in dict.fromkeys([*present, *own]):
        mine = own.get(person, Times(None, None))
        call, wrap = mine.call or unit.call, mine.wrap or unit.wrap
        if call is None or wrap is None:
            continue
        meal = mine.meal_minutes if mine.meal_minutes is not None else unit.meal_minutes
        start = datetime.combine(day, call)
        end = datetime.combine(day + timedelta(days=int(wrap < call)), wrap)
        shifts.append(PersonShift(person, start, end, meal or 0))
    return shifts


@dataclass(frozen=True)
class HourRate:
    """What an hour of overtime costs a person: hourly rate and first overtime premium
    (a fraction, 0.25 = +25 %); ``None`` where the contract or the data does not say."""

    hourly: Decimal | None
    premium: Decimal | None


@dataclass(frozen=True)
class DayLine:
    """A budget line counted in shooting days: what one more day costs on it."""

    account: str
    label: str
    day_amount: Decimal


@dataclass(frozen=True)
class CostLine:
    reference: str  # stable key of the row, under the report's origin
    account: str
    label: str
    amount: Decimal | None  # None: not priced (rate unknown)


def overtime_costs(
    day: date,
    overtime_minutes: int,
    accounts: Mapping[int, tuple[str, str]],
    rates: Mapping[int, HourRate],
) -> list[CostLine]:
    """The report's overtime for each person present who has a budget line
    (``accounts``: person -> (account, name)), priced at their hourly rate plus the first
    overtime premium of their agreement."""
    if overtime_minutes <= 0:
        return []
    hours = Decimal(overtime_minutes) / 60
    lines = []
    for person, (account, name) in accounts.items():
        rate = rates.get(person, HourRate(None, None))
        amount = None
        if rate.hourly is not None and rate.premium is not None:
            amount = round_money(hours * rate.hourly * (1 + rate.premium))
        lines.append(
            CostLine(
                f"{origin(day)}:overtime:{person}",
                account,
                f"Heures supplémentaires {name} ({hours.normalize():f} h), "
                f"d'après le {origin(day)}",
                amount,
            )
        )
    return lines


def extra_day_costs(day: date, extra_days: int, lines: Sequence[DayLine]) -> list[CostLine]:
    """Extra shooting days the report announces, on every line counted in shooting days."""
    if extra_days <= 0:
        return []
    return [
        CostLine(
            f"{origin(day)}:extra:{index}",
            line.account,
            f"{extra_days} jour(s) de tournage en plus, {line.label}, d'après le {origin(day)}",
            round_money(line.day_amount * extra_days),
        )
        for index, line in enumerate(lines)
    ]
