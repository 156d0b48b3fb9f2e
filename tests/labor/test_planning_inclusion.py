"""Team planning ICS and inclusion indicators with small-count suppression."""

from datetime import date, datetime

from icalendar import Calendar

from tournage.labor.inclusion import Declaration, indicators
from tournage.labor.planning import Period, person_ics, timeline
from tournage.labor.timesheet import Shift

STAMP = datetime(2026, 2, 1, 9, 0)


def test_ics_holds_the_persons_periods_and_calls_only():
    periods = [
        Period("Ana", date(2026, 3, 2), date(2026, 3, 6), "shoot"),
        Period("Bo", date(2026, 4, 1), date(2026, 4, 10), "editing"),
    ]
    shifts = [
        Shift("Ana", datetime(2026, 3, 2, 8), datetime(2026, 3, 2, 18), 60),
        Shift("Bo", datetime(2026, 3, 2, 8), datetime(2026, 3, 2, 18), 60),
    ]
    calendar = Calendar.from_ical(person_ics("Ana", "Les Écluses", periods, shifts, STAMP))
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    all_day = next(e for e in events if "shoot" in str(e["summary"]))
    assert all_day.decoded("dtstart") == date(2026, 3, 2)
    assert all_day.decoded("dtend") == date(2026, 3, 7)  # DTEND is exclusive
    assert "Les Écluses" in str(calendar["x-wr-calname"])


def test_timeline_groups_by_person_in_date_order():
    rows = timeline(
        [
            Period("Bo", date(2026, 4, 1), date(2026, 4, 2), "editing"),
            Period("Ana", date(2026, 3, 2), date(2026, 3, 6)),
        ]
    )
    assert [r["person"] for r in rows] == ["Ana", "Bo"]


def test_periods_are_validated():
    import pytest

    from tournage.labor.errors import LaborError

    with pytest.raises(LaborError, match="Phase inconnue"):
        Period("Ana", date(2026, 3, 2), date(2026, 3, 6), "catering")
    with pytest.raises(LaborError, match="avant de commencer"):
        Period("Ana", date(2026, 3, 6), date(2026, 3, 2))


def test_small_groups_are_suppressed_and_opt_out_ignored():
    people = [Declaration("image", True, "f") for _ in range(5)]
    people += [Declaration("image", True, "m") for _ in range(2)]
    people += [Declaration("son", True, "f", disability=True)]
    people += [Declaration("image", False, "m") for _ in range(10)]  # not opted in
    result = indicators(people)
    assert result["opted_in"] == 8
    assert result["departments"]["image"] == {"people": 7, "gender_f": 5, "gender_m": None}
    assert result["departments"]["son"]["people"] is None  # 1 person < 5
    assert result["disability"]["declared"] is None
    assert str(result["disability"]["oeth_rate"]) == "0.06"
    assert result["cnc_parity_bonus"]["criteria"] is None
