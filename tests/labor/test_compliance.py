"""Working-time checks against hand-worked cases (the arithmetic is in each test)."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.labor.compliance import check_team, check_worker
from tournage.labor.errors import LaborError
from tournage.labor.findings import finding_day
from tournage.labor.timesheet import Shift, Worker

ANA = Worker("Ana", idcc=2642, function="Machiniste")


def shift(day: str, start: str, end: str, who: str = "Ana", pause: int = 60, **kw) -> Shift:
    begin = datetime.fromisoformat(f"{day}T{start}")
    finish = datetime.fromisoformat(f"{day}T{end}")
    if finish <= begin:
        finish += timedelta(days=1)
    return Shift(who, begin, finish, pause, **kw)


def codes(findings):
    return sorted(f.code for f in findings)


def test_a_normal_week_has_no_finding():
    # Monday 2 to Friday 6 March 2026, 08:00-18:00 with 1 h break: 5 x 9 h = 45 h <= 48 h,
    # nights of 14 h >= 11 h, weekend off.
    week = [shift(f"2026-03-0{d}", "08:00", "18:00") for d in range(2, 7)]
    assert check_worker(ANA, week) == []


def test_thirteen_hours_break_the_12_hour_daily_maximum():
    # 07:00-21:00 = 14 h minus 1 h break = 13 h > 12 h (IDCC 2642 VI.3.1.1)
    findings = check_worker(ANA, [shift("2026-03-02", "07:00", "21:00")])
    assert codes(findings) == ["LAB-DAY-MAX"]
    assert "13 h" in findings[0].message and "12 h" in findings[0].message
    assert "VI.3.1.1" in findings[0].source
    assert finding_day(findings[0]) == date(2026, 3, 2)


def test_night_to_day_turnaround_breaks_daily_rest():
    # wrap 23:00, call next day 07:00: 8 h of rest < 9 h (even the reduced rest is 9 h)
    findings = check_worker(
        ANA, [shift("2026-03-02", "14:00", "23:00"), shift("2026-03-03", "07:00", "16:00")]
    )
    assert codes(findings) == ["LAB-REST-DAILY"]
    assert "8 h" in findings[0].message


def test_reduced_rest_is_a_warning_twice_a_week_then_an_error():
    # three 10 h rests (wrap 22:00, call 08:00): allowed twice a week when lodged on site
    lodged = Worker("Ana", reduced_rest_allowed=True)
    days = [shift(f"2026-03-0{d}", "08:00", "22:00", pause=120) for d in range(2, 6)]
    # 14 h - 2 h = 12 h per day, 4 days = 48 h: no weekly finding
    assert codes(check_worker(lodged, days)) == [
        "LAB-REST-DAILY",
        "LAB-REST-DAILY-REDUCED",
        "LAB-REST-DAILY-REDUCED",
    ]
    assert codes(check_worker(ANA, days)) == ["LAB-REST-DAILY"] * 3


def test_weekly_maximum_and_derogation():
    # Monday-Saturday 08:00-18:00 with 1 h break = 6 x 9 h = 54 h > 48 h
    days = [shift(f"2026-03-0{d}", "08:00", "18:00") for d in range(2, 8)]
    assert "LAB-WEEK-MAX" in codes(check_worker(ANA, days))
    derogation = Worker("Ana", weekly_derogation_hours=54)
    found = codes(check_worker(derogation, days))
    assert "LAB-WEEK-DEROGATION" in found and "LAB-WEEK-MAX" not in found


def test_weekly_rest_needs_35_consecutive_hours():
    # Mon 2 to Sat 7 March and Mon 9: Saturday 18:00 to Monday 08:00 = 38 h >= 35 h: fine.
    ok = [shift(f"2026-03-0{d}", "08:00", "15:00") for d in (2, 3, 4, 5, 6, 7, 9)]
    assert "LAB-REST-WEEKLY" not in codes(check_worker(ANA, ok))
    # Work every day 8-15 for 21 days: in the middle week (9-15 March) the longest rest is
    # 15:00 -> 08:00 = 17 h < 24 h + 11 h; the first and last weeks touch the rest before and
    # after the engagement. The 7th consecutive day (8 March) breaks the 6-day limit.
    days = [
        shift((date(2026, 3, 2) + timedelta(days=i)).isoformat(), "08:00", "15:00", pause=30)
        for i in range(21)
    ]
    found = check_worker(ANA, days)
    weekly = [f for f in found if f.code == "LAB-REST-WEEKLY"]
    assert [finding_day(f) for f in weekly] == [date(2026, 3, 9)]
    assert "17 h" in weekly[0].message and "35 h" in weekly[0].message
    consecutive = [f for f in found if f.code == "LAB-DAYS-CONSECUTIVE"]
    assert [finding_day(f) for f in consecutive] == [date(2026, 3, 8)]


def test_missing_pause_after_six_hours():
    findings = check_worker(ANA, [shift("2026-03-02", "08:00", "15:00", pause=0)])
    assert codes(findings) == ["LAB-PAUSE"]
    assert findings[0].severity == "fail"  # PAV VI.1.4, a certain rule


def test_child_performer_sunday_night_and_daily_cap():
    # born 1 June 2016: 9 years old on Sunday 8 March 2026, school period cap 3 h for 6-11
    child = Worker("Lou", birth_date=date(2016, 6, 1))
    findings = check_worker(child, [shift("2026-03-08", "16:00", "21:00", who="Lou", pause=0)])
    by_code = {f.code: f for f in findings}
    assert by_code["LAB-MINOR-SUNDAY"].severity == "fail"  # IDCC 2642 VI.9, under 18
    assert by_code["LAB-MINOR-NIGHT"].severity == "warn"  # 20:00-21:00, uncertain rule
    assert "1 h" in by_code["LAB-MINOR-NIGHT"].message
    cap = by_code["LAB-MINOR-DAILY-MAX"]  # 5 h > 3 h
    assert cap.severity == "warn" and "3 h" in cap.message


def test_child_in_school_holidays_gets_the_higher_cap():
    child = Worker("Lou", birth_date=date(2016, 6, 1))
    # Monday, 10:00-15:00 minus 30 min = 4.5 h <= 6 h (holidays, 6-11 years)
    day = shift("2026-03-09", "10:00", "15:00", who="Lou", pause=30, school_holiday=True)
    assert check_worker(child, [day]) == []


def test_cinema_uses_the_legal_10_hour_day():
    # 11 h effective: fine under IDCC 2642 (12 h), over the 10 h baseline used for IDCC 3097
    long_day = [shift("2026-03-02", "07:00", "19:00")]
    assert check_worker(Worker("Ana", idcc=3097), long_day)[0].code == "LAB-DAY-MAX"
    assert check_worker(ANA, long_day) == []


def test_team_check_keeps_people_apart():
    shifts = [
        shift("2026-03-02", "07:00", "21:00"),
        shift("2026-03-02", "08:00", "12:00", who="Bo"),
    ]
    findings = check_team([ANA, Worker("Bo")], shifts)
    assert [(f.subject, f.code) for f in findings] == [("Ana", "LAB-DAY-MAX")]


@pytest.mark.parametrize(
    "start,end,pause",
    [
        ("2026-03-02T10:00", "2026-03-02T09:00", 0),
        ("2026-03-02T10:00", "2026-03-04T09:00", 0),
        ("2026-03-02T10:00", "2026-03-02T11:00", 90),
    ],
)
def test_impossible_shifts_are_rejected_in_french(start, end, pause):
    with pytest.raises(LaborError):
        Shift("Ana", datetime.fromisoformat(start), datetime.fromisoformat(end), pause)


KNOWN_CODES = {
    "LAB-DAY-MAX",
    "LAB-PAUSE",
    "LAB-REST-DAILY",
    "LAB-REST-DAILY-REDUCED",
    "LAB-WEEK-MAX",
    "LAB-WEEK-DEROGATION",
    "LAB-REST-WEEKLY",
    "LAB-DAYS-CONSECUTIVE",
    "LAB-MINOR-SUNDAY",
    "LAB-MINOR-NIGHT",
    "LAB-MINOR-DAILY-MAX",
}


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 60), st.integers(0, 23), st.integers(1, 20), st.integers(0, 60)),
        max_size=30,
    ),
    st.sampled_from([2642, 3097]),
    st.booleans(),
)
def test_any_schedule_gives_known_findings_in_order(rows, idcc, child):
    worker = Worker("Ana", idcc=idcc, birth_date=date(2016, 6, 1) if child else None)
    shifts = []
    for day, hour, length, pause in rows:
        start = datetime(2026, 3, 2, hour) + timedelta(days=day)
        pause = min(pause, length * 60 - 1)
        shifts.append(Shift("Ana", start, start + timedelta(hours=length), pause))
    findings = check_worker(worker, shifts)
    assert {f.code for f in findings} <= KNOWN_CODES
    assert all(f.subject == "Ana" and f.message and f.source for f in findings)
    days = [(finding_day(f) or date.min) for f in findings]
    assert days == sorted(days)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(0, 27), unique=True, max_size=20), st.integers(6, 9))
def test_short_weekday_days_with_long_nights_never_break_a_rule(days, call):
    # at most 8 h on weekdays, 16 h of rest between days, weekends off: nothing to report
    shifts = [
        Shift(
            "Ana",
            datetime(2026, 3, 2, call) + timedelta(days=d),
            datetime(2026, 3, 2, call + 8) + timedelta(days=d),
            30,
        )
        for d in sorted(days)
        if (date(2026, 3, 2) + timedelta(days=d)).weekday() < 5
    ]
    assert [f for f in check_worker(ANA, shifts) if f.severity == "fail"] == []
