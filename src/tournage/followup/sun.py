"""Sunrise and sunset of a day at a place (NOAA's general solar position equations).

The series coefficients below are NOAA's (``data/followup/sun.yaml`` cites the document
and holds the zenith of apparent sunrise); nothing here is tuned. Near the poles the sun
may not rise or set on a day: the function then says so instead of inventing a time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tournage.common.rules import RuleTable


@dataclass(frozen=True)
class SunTable:
    source: str
    zenith_degrees: float
    accuracy_minutes: int


SUN = RuleTable("followup/sun.yaml", SunTable)


@dataclass(frozen=True)
class SunTimes:
    """Local wall-clock times; ``None`` on a polar day or night (``polar`` says which)."""

    sunrise: time | None
    sunset: time | None
    polar: str = ""  # "day" (never sets) or "night" (never rises)
    source: str = ""


def _series(day: date) -> tuple[float, float]:
    """Equation of time (minutes) and solar declination (radians) at noon UTC of ``day``."""
    gamma = 2 * math.pi / 365 * (day.timetuple().tm_yday - 1)
    eqtime = 229.18 * (
        0.000075
        + 0.001868 * math.cos(gamma)
        - 0.032077 * math.sin(gamma)
        - 0.014615 * math.cos(2 * gamma)
        - 0.040849 * math.sin(2 * gamma)
    )
    declination = (
        0.006918
        - 0.399912 * math.cos(gamma)
        + 0.070257 * math.sin(gamma)
        - 0.006758 * math.cos(2 * gamma)
        + 0.000907 * math.sin(2 * gamma)
        - 0.002697 * math.cos(3 * gamma)
        + 0.00148 * math.sin(3 * gamma)
    )
    return eqtime, declination


def sun_times(day: date, latitude: float, longitude: float, zone: str) -> SunTimes:
    """Sunrise and sunset of ``day`` at (``latitude``, ``longitude``: degrees, east
    positive) in the time zone ``zone`` (e.g. ``"Europe/Paris"``)."""
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValueError(f"coordinates out of range: {latitude}, {longitude}")
    table = SUN.load()
    eqtime, declination = _series(day)
    phi = math.radians(latitude)
    cos_hour_angle = math.cos(math.radians(table.zenith_degrees)) / (
        math.cos(phi) * math.cos(declination)
    ) - math.tan(phi) * math.tan(declination)
    if cos_hour_angle < -1:
        return SunTimes(None, None, "day", table.source)
    if cos_hour_angle > 1:
        return SunTimes(None, None, "night", table.source)
    hour_angle = math.degrees(math.acos(cos_hour_angle))
    midnight = datetime.combine(day, time(0), tzinfo=UTC)
    local = ZoneInfo(zone)

    def at(minutes: float) -> time:
        moment = (midnight + timedelta(minutes=minutes)).astimezone(local)
        return (moment + timedelta(seconds=30)).time().replace(second=0, microsecond=0)

    sunrise = at(720 - 4 * (longitude + hour_angle) - eqtime)
    sunset = at(720 - 4 * (longitude - hour_angle) - eqtime)
    return SunTimes(sunrise, sunset, "", table.source)
