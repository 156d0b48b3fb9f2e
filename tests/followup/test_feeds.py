"""The mapping rules of what a daily report feeds (carbon, timesheets, cost), on plain values."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from tournage.carbon.factors import factor_table
from tournage.carbon.units import unit_table
from tournage.followup.feeds import (
    DayLine,
    HourRate,
    Times,
    carbon_lines,
    extra_day_costs,
    origin,
    overtime_costs,
    person_shifts,
)
from tournage.followup.tables import FOLLOWUP, CarbonFeed

DAY = date(2027, 3, 2)
FEEDS = (
    CarbonFeed("transport_km", "car_unknown_avg_desnz", "km", "Transport"),
    CarbonFeed("meals", "meal_vegetarian_ngc", "meal", "Repas"),
)


def test_each_typed_quantity_becomes_one_activity_named_after_the_report() -> None:
    lines = carbon_lines(DAY, {"transport_km": Decimal("312.5"), "meals": 38}, FEEDS)
    assert [(line.factor, line.quantity, line.unit) for line in lines] == [
        ("car_unknown_avg_desnz", Decimal("312.5"), "km"),
        ("meal_vegetarian_ngc", Decimal(38), "meal"),
    ]
    assert lines[0].label == "Transport — rapport de production du 02/03/2027"


def test_empty_or_zero_quantities_record_nothing() -> None:
    assert carbon_lines(DAY, {"transport_km": None, "meals": 0}, FEEDS) == []
    assert [line.field for line in carbon_lines(DAY, {"meals": 2}, FEEDS)] == ["meals"]


def test_the_shipped_mapping_names_known_factors_in_accepted_units() -> None:
    table, units = factor_table(), unit_table()
    for feed in FOLLOWUP.load().carbon_feeds:
        factor = table.get(feed.factor)
        denominator = factor.unit.split("/", 1)[1]
        assert units.convert(Decimal(1), feed.unit, denominator) > 0, feed


def test_a_person_without_own_times_gets_the_unit_call_wrap_and_meal() -> None:
    unit = Times(time(8), time(19), 60)
    [shift] = person_shifts(DAY, unit, [7], {})
    assert (shift.person, shift.start, shift.end, shift.break_minutes) == (
        7,
        datetime(2027, 3, 2, 8),
        datetime(2027, 3, 2, 19),
        60,
    )


def test_own_times_win_field_by_field_and_a_wrap_before_call_is_next_day() -> None:
    unit = Times(time(8), time(19), 60)
    own = {7: Times(time(6, 30), None, 45), 9: Times(None, time(1, 15))}
    by_person = {s.person: s for s in person_shifts(DAY, unit, [7], own)}
    assert by_person[7].start == datetime(2027, 3, 2, 6, 30)
    assert by_person[7].end == datetime(2027, 3, 2, 19)
    assert by_person[7].break_minutes == 45
    assert by_person[9].end == datetime(2027, 3, 3, 1, 15)  # not present, but timed: counted
    assert by_person[9].break_minutes == 60


def test_unknown_times_give_no_shift_and_an_untyped_break_counts_as_none() -> None:
    assert person_shifts(DAY, Times(None, time(19)), [7], {}) == []
    [shift] = person_shifts(DAY, Times(time(8), time(8, 53)), [7], {})
    assert shift.break_minutes == 0  # no 60-minute default breaking a 53-minute call


def test_overtime_is_priced_at_the_hourly_rate_plus_the_first_premium() -> None:
    rates = {1: HourRate(Decimal("20"), Decimal("0.25")), 2: HourRate(None, Decimal("0.25"))}
    accounts = {1: ("2.1", "Ana Roy"), 2: ("2.2", "Bo Lin")}
    one, two = overtime_costs(DAY, 90, accounts, rates)
    assert (one.account, one.amount) == ("2.1", Decimal("37.50"))  # 1.5 h x 20 x 1.25
    assert "1.5 h" in one.label and origin(DAY) in one.label
    assert (two.account, two.amount) == ("2.2", None)  # no hourly rate: not priced
    assert one.reference != two.reference
    assert overtime_costs(DAY, 0, accounts, rates) == []


def test_extra_days_cost_a_day_of_every_line_counted_in_shooting_days() -> None:
    lines = [
        DayLine("2.1", "Chef opérateur", Decimal("450")),
        DayLine("5.2", "Camion", Decimal("180")),
    ]
    costs = extra_day_costs(DAY, 2, lines)
    assert [(c.account, c.amount) for c in costs] == [
        ("2.1", Decimal("900.00")),
        ("5.2", Decimal("360.00")),
    ]
    assert extra_day_costs(DAY, 0, lines) == []
