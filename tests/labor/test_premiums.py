"""Overtime and night/Sunday/holiday increases, worked by hand."""

from datetime import date, datetime
from decimal import Decimal

from tournage.labor.calendar import easter, holiday_dates
from tournage.labor.premiums import premiums
from tournage.labor.rules import rules_for
from tournage.labor.timesheet import Shift, Worker

RATE = Decimal("20.00")


def day(d: str, start: str, end: str, who: str = "Ana", pause: int = 60) -> Shift:
    return Shift(
        who, datetime.fromisoformat(f"{d}T{start}"), datetime.fromisoformat(f"{d}T{end}"), pause
    )


def by_kind(lines):
    return {(line.kind, line.premium): line for line in lines}


def test_overtime_tiers_of_a_50_hour_week_idcc_2642():
    # 5 days 07:00-18:00 minus 1 h = 10 h/day = 50 h: 15 overtime hours.
    # CDDU: hours 36-43 at +25 % (8 h), 44+ at +50 % (7 h) for a non-listed job.
    week = [day(f"2026-03-0{d}", "07:00", "18:00") for d in range(2, 7)]
    lines = by_kind(premiums(Worker("Ana", function="Scripte spécialisé", hourly_rate=RATE), week))
    assert lines[("overtime", Decimal("0.25"))].hours == 8
    assert lines[("overtime", Decimal("0.5"))].hours == 7
    # 8 h x 20 EUR x 25 % = 40.00 EUR; 7 h x 20 x 50 % = 70.00 EUR
    assert lines[("overtime", Decimal("0.25"))].amount == Decimal("40.00")
    assert lines[("overtime", Decimal("0.5"))].amount == Decimal("70.00")


def test_listed_grip_job_gets_100_percent_from_the_13th_overtime_hour():
    # same 50 h week for a machiniste: 36-43 +25 % (8 h), 44-47 +50 % (4 h), 48-50 +100 % (3 h)
    week = [day(f"2026-03-0{d}", "07:00", "18:00") for d in range(2, 7)]
    lines = by_kind(premiums(Worker("Ana", function="Machiniste", hourly_rate=RATE), week))
    assert lines[("overtime", Decimal("0.5"))].hours == 4
    assert lines[("overtime", Decimal("1.0"))].hours == 3
    assert lines[("overtime", Decimal("1.0"))].amount == Decimal("60.00")  # 3 x 20 x 100 %


def test_night_hours_depend_on_genre_and_season():
    # Tuesday 3 March 18:00-23:00 (winter): fiction window 20:00-06:00 -> 3 h; default 00-07 -> 0
    shift = [day("2026-03-03", "18:00", "23:00", pause=0)]
    fiction = by_kind(premiums(Worker("Ana", genre="fiction", hourly_rate=RATE), shift))
    assert fiction[("night", Decimal("0.25"))].hours == 3
    assert fiction[("night", Decimal("0.25"))].amount == Decimal("15.00")  # 3 x 20 x 25 %
    assert not [x for x in premiums(Worker("Ana", genre="flux"), shift) if x.kind == "night"]
    # 21 June is summer: window 22:00-07:00 -> 1 h
    summer = [day("2026-06-23", "18:00", "23:00", pause=0)]
    assert (
        by_kind(premiums(Worker("Ana", genre="fiction"), summer))[("night", Decimal("0.25"))].hours
        == 1
    )


def test_sunday_and_may_day():
    # Sunday 8 March 2026 9-17 minus 1 h: 8 h at +50 %; Friday 1 May 2026: 7 h x (300 % - 100 %)
    lines = premiums(
        Worker("Ana", hourly_rate=RATE),
        [day("2026-03-08", "09:00", "17:00"), day("2026-05-01", "09:00", "17:00")],
    )
    kinds = by_kind(lines)
    assert kinds[("sunday", Decimal("0.5"))].hours == 8
    assert kinds[("holiday", Decimal("2.0"))].amount == Decimal("280.00")  # 7 x 20 x 200 %


def test_cinema_night_and_sunday_rates_are_unknown_not_guessed():
    lines = premiums(
        Worker("Ana", idcc=3097, hourly_rate=RATE), [day("2026-03-08", "09:00", "17:00", pause=0)]
    )
    sunday = next(x for x in lines if x.kind == "sunday")
    assert sunday.premium is None and sunday.amount is None and sunday.hours == 8
    assert "inconnu" in sunday.label
    # the cinema night window is unknown too: no night hours are counted for it
    night = premiums(Worker("Ana", idcc=3097), [day("2026-03-03", "18:00", "23:30", pause=0)])
    assert [x.kind for x in night] == []


def test_holiday_dates():
    assert easter(2026) == date(2026, 4, 5)
    assert easter(2024) == date(2024, 3, 31)
    dates = holiday_dates(2026, (worked.holiday for worked in rules_for(2642).holidays))
    assert dates[date(2026, 4, 6)].id == "easter_monday"
    assert dates[date(2026, 5, 14)].id == "ascension"
