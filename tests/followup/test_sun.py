"""Sunrise and sunset (NOAA equations) against published almanac times."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.followup.sun import SUN, sun_times

PARIS = (48.8566, 2.3522)


def _minutes(value: time | None) -> int:
    assert value is not None
    return value.hour * 60 + value.minute


@pytest.mark.parametrize(
    ("day", "sunrise", "sunset"),
    [
        # Paris, as the almanacs print them (local time, to the minute)
        (date(2027, 6, 21), time(5, 46), time(21, 58)),
        (date(2027, 12, 21), time(8, 42), time(16, 56)),
    ],
)
def test_paris_matches_the_almanac_within_two_minutes(day, sunrise, sunset):
    times = sun_times(day, *PARIS, "Europe/Paris")
    assert abs(_minutes(times.sunrise) - _minutes(sunrise)) <= 2
    assert abs(_minutes(times.sunset) - _minutes(sunset)) <= 2
    assert "NOAA" in times.source


def test_southern_summer_in_sydney():
    times = sun_times(date(2027, 12, 21), -33.8688, 151.2093, "Australia/Sydney")
    assert abs(_minutes(times.sunrise) - _minutes(time(5, 41))) <= 2
    assert abs(_minutes(times.sunset) - _minutes(time(20, 5))) <= 2


def test_polar_day_and_night_are_said_not_invented():
    tromso = (69.65, 18.96)
    summer = sun_times(date(2027, 6, 21), *tromso, "Europe/Oslo")
    winter = sun_times(date(2027, 12, 21), *tromso, "Europe/Oslo")
    assert (summer.sunrise, summer.polar) == (None, "day")
    assert (winter.sunset, winter.polar) == (None, "night")


def test_coordinates_out_of_range_are_refused():
    with pytest.raises(ValueError):
        sun_times(date(2027, 6, 21), 91, 0, "UTC")


def test_the_zenith_comes_from_the_data():
    assert SUN.load().zenith_degrees == pytest.approx(90.833)


@settings(max_examples=60, deadline=None)
@given(
    day=st.dates(date(2020, 1, 1), date(2040, 12, 31)),
    latitude=st.floats(-45, 45),
    longitude=st.floats(-180, 180),
)
def test_at_mid_latitudes_daylight_lasts_between_8_and_16_hours(day, latitude, longitude):
    times = sun_times(day, latitude, longitude, "UTC")
    assert times.sunrise is not None and times.sunset is not None
    rise = datetime.combine(day, times.sunrise)
    length = (datetime.combine(day, times.sunset) - rise).total_seconds() % 86400
    assert 8 * 3600 < length < 16 * 3600  # daylight between 45 degrees N and S
