"""The JSON form of a scheduling problem (a production export), both ways.

Reading checks every field and turns any defect into a ``SchedulingError`` naming the
field, so a hand-edited or hostile file gives a clear message and never a traceback.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, time
from decimal import Decimal, InvalidOperation
from typing import Any

from tournage.scheduling.errors import SchedulingError
from tournage.scheduling.model import (
    MAIN_UNIT,
    Calendar,
    CastMember,
    Constraints,
    Location,
    Problem,
    Scene,
    Unit,
    WeatherCover,
    Weights,
    default_units,
)
from tournage.scheduling.tables import DEFAULTS

MAX_BYTES = 5_000_000
MAX_ITEMS = 5_000


def _fail(where: str, what: str) -> SchedulingError:
    return SchedulingError("problem.field", f"Champ « {where} » : {what}.")


def _get(
    data: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str, default: Any = ...
) -> Any:
    if key not in data or data[key] is None:
        if default is ...:
            raise _fail(f"{where}{key}", "absent")
        return default
    value = data[key]
    if isinstance(value, bool) and kind is not bool:
        raise _fail(f"{where}{key}", "type inattendu")
    if not isinstance(value, kind):
        raise _fail(f"{where}{key}", "type inattendu")
    if isinstance(value, list) and len(value) > MAX_ITEMS:
        raise _fail(f"{where}{key}", "liste trop longue")
    return value


def _date(text: Any, where: str) -> date:
    try:
        return date.fromisoformat(str(text))
    except ValueError as error:
        raise _fail(where, f"date invalide « {str(text)[:20]} »") from error


def _dates(values: list[Any], where: str) -> frozenset[date]:
    return frozenset(_date(value, where) for value in values)


def _time(text: str, where: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError as error:
        raise _fail(where, "heure invalide") from error


def _money(value: Any, where: str) -> Decimal:
    try:
        amount = Decimal(str(value))
    except InvalidOperation as error:
        raise _fail(where, "montant invalide") from error
    if not amount.is_finite() or amount < 0:
        raise _fail(where, "montant invalide")
    return amount


def loads(text: str) -> Problem:
    if len(text) > MAX_BYTES:
        raise SchedulingError("problem.too_big", "Fichier de production trop volumineux.")
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise SchedulingError("problem.json", "Fichier JSON illisible.") from error
    if not isinstance(data, dict):
        raise SchedulingError("problem.json", "Le fichier doit contenir un objet JSON.")
    return from_dict(data)


def from_dict(data: dict[str, Any]) -> Problem:
    """The problem of a JSON document; absent settings take ``defaults.yaml``'s values."""
    default = DEFAULTS.load()
    cal = _get(data, "calendar", dict, "")
    weekdays = _get(cal, "working_weekdays", list, "calendar.", default.working_weekdays)
    calendar = Calendar(
        start=_date(_get(cal, "start", str, "calendar."), "calendar.start"),
        working_weekdays=frozenset(_weekday(v) for v in weekdays),
        holidays=_dates(_get(cal, "holidays", list, "calendar.", []), "calendar.holidays"),
        max_days=_bounded(
            _get(cal, "max_days", int, "calendar.", default.max_days), "calendar.max_days", 1, 400
        ),
        school_holidays=_dates(
            _get(cal, "school_holidays", list, "calendar.", []), "calendar.school_holidays"
        ),
    )
    weights = asdict(default.weights_eur)
    for key, value in _get(data, "weights", dict, "", {}).items():
        if key not in weights or not isinstance(value, int) or isinstance(value, bool):
            raise _fail(f"weights.{key}", "poids inconnu ou non entier")
        weights[key] = value
    constraints = _get(data, "constraints", dict, "", {})
    try:
        return Problem(
            title=str(_get(data, "title", str, "", "")),
            scenes=tuple(_scene(item, i) for i, item in enumerate(_get(data, "scenes", list, ""))),
            cast=tuple(_member(item, i) for i, item in enumerate(_get(data, "cast", list, "", []))),
            locations=tuple(
                _location(item, i) for i, item in enumerate(_get(data, "locations", list, ""))
            ),
            calendar=calendar,
            constraints=Constraints(
                fixed={
                    str(k): _date(v, "constraints.fixed")
                    for k, v in _get(constraints, "fixed", dict, "constraints.", {}).items()
                },
                precedences=tuple(
                    _pair(p) for p in _get(constraints, "precedences", list, "constraints.", [])
                ),
                same_day=tuple(
                    tuple(str(s) for s in _list(g))
                    for g in _get(constraints, "same_day", list, "constraints.", [])
                ),
            ),
            weights=Weights(**weights),
            pages_per_day=_money(
                _get(data, "pages_per_day", (int, float, str), "", default.pages_per_day),
                "pages_per_day",
            ),
            convention=str(_get(data, "convention", str, "", default.convention)),
            day_call=_time(_get(data, "day_call", str, "", default.day_call), "day_call"),
            night_call=_time(_get(data, "night_call", str, "", default.night_call), "night_call"),
            max_locations_per_day=_bounded(
                _get(data, "max_locations_per_day", int, "", default.max_locations_per_day),
                "max_locations_per_day",
                1,
                10,
            ),
            distances_km=_distances(_get(data, "distances_km", list, "", [])),
            convoy=_get(data, "convoy", dict, "", None),
            previous={
                str(k): _date(v, "previous")
                for k, v in _get(data, "previous", dict, "", {}).items()
            },
            replan_from=(
                _date(data["replan_from"], "replan_from") if data.get("replan_from") else None
            ),
            units=_units(_get(data, "units", list, "", [])),
            weather_cover=_weather(_get(data, "weather_cover", dict, "", {})),
            split_call=(
                _time(_get(data, "split_call", str, ""), "split_call")
                if data.get("split_call")
                else None
            ),
        )
    except (TypeError, KeyError) as error:
        raise SchedulingError("problem.field", f"Champ invalide : {error}.") from error


def _units(rows: list[Any]) -> tuple[Unit, ...]:
    units = []
    for i, row in enumerate(rows):
        item, where = _item(row, f"units[{i}]"), f"units[{i}]."
        cost = _get(item, "day_cost", int, where, None)
        units.append(
            Unit(
                id=str(_get(item, "id", (str, int), where)),
                name=str(_get(item, "name", str, where, str(item.get("id")))),
                day_cost=None if cost is None else _bounded(cost, where + "day_cost", 0, 10**7),
                span=bool(_get(item, "span", bool, where, True)),
            )
        )
    return tuple(units) or default_units()


def _weather(item: dict[str, Any]) -> WeatherCover:
    return WeatherCover(
        enabled=bool(_get(item, "enabled", bool, "weather_cover.", False)),
        lost_days=_dates(
            _get(item, "lost_days", list, "weather_cover.", []), "weather_cover.lost_days"
        ),
    )


def _bounded(value: int, where: str, low: int, high: int) -> int:
    if not low <= value <= high:
        raise _fail(where, f"doit être entre {low} et {high}")
    return value


def _weekday(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 6:
        raise _fail("calendar.working_weekdays", "jours 0 (lundi) à 6 (dimanche)")
    return value


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise _fail("constraints", "liste attendue")
    return value


def _pair(value: Any) -> tuple[str, str]:
    items = _list(value)
    if len(items) != 2:
        raise _fail("constraints.precedences", "paires [avant, après] attendues")
    return str(items[0]), str(items[1])


def _distances(rows: list[Any]) -> dict[tuple[str, str], float]:
    out = {}
    for row in rows:
        if not (
            isinstance(row, list)
            and len(row) == 3
            and isinstance(row[2], int | float)
            and not isinstance(row[2], bool)
            and row[2] >= 0
        ):
            raise _fail("distances_km", "lignes [décor, décor, km] attendues")
        out[str(row[0]), str(row[1])] = float(row[2])
    return out


def _item(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(where, "objet attendu")
    return value


def _scene(value: Any, i: int) -> Scene:
    item, where = _item(value, f"scenes[{i}]"), f"scenes[{i}]."
    minutes = _get(item, "minutes", int, where, None)
    return Scene(
        id=str(_get(item, "id", (str, int), where)),
        location=str(_get(item, "location", (str, int), where)),
        eighths=_bounded(_get(item, "eighths", int, where, 0), where + "eighths", 0, 8 * 100),
        minutes=None if minutes is None else _bounded(minutes, where + "minutes", 0, 24 * 60),
        int_ext=_get(item, "int_ext", str, where, "INT"),
        day_night=_get(item, "day_night", str, where, "JOUR"),
        cast=tuple(str(c) for c in _get(item, "cast", list, where, [])),
        extras=_bounded(_get(item, "extras", int, where, 0), where + "extras", 0, 100_000),
        elements=tuple(str(e) for e in _get(item, "elements", list, where, [])),
        requirements=tuple(str(e) for e in _get(item, "requirements", list, where, [])),
        weather_cover=bool(_get(item, "weather_cover", bool, where, False)),
        label=str(_get(item, "label", str, where, "")),
        unit=str(_get(item, "unit", (str, int), where, MAIN_UNIT)),
    )


def _member(value: Any, i: int) -> CastMember:
    item, where = _item(value, f"cast[{i}]"), f"cast[{i}]."
    start, until = item.get("available_from"), item.get("available_until")
    gap = _get(item, "drop_min_gap_days", int, where, None)
    age = _get(item, "age", int, where, None)
    return CastMember(
        id=str(_get(item, "id", (str, int), where)),
        name=str(_get(item, "name", str, where, str(item.get("id")))),
        daily_cost=_money(_get(item, "daily_cost", (int, float, str), where, 0), where + "cost"),
        unavailable=_dates(_get(item, "unavailable", list, where, []), where + "unavailable"),
        available_from=_date(start, where + "available_from") if start else None,
        available_until=_date(until, where + "available_until") if until else None,
        drop_min_gap_days=None if gap is None else _bounded(gap, where + "drop", 1, 400),
        age=None if age is None else _bounded(age, where + "age", 0, 130),
    )


def _location(value: Any, i: int) -> Location:
    item, where = _item(value, f"locations[{i}]"), f"locations[{i}]."
    lat, lon = item.get("latitude"), item.get("longitude")
    for name, coordinate, limit in (("latitude", lat, 90), ("longitude", lon, 180)):
        if coordinate is not None and (
            not isinstance(coordinate, int | float)
            or isinstance(coordinate, bool)
            or not -limit <= coordinate <= limit
        ):
            raise _fail(where + name, "coordonnée invalide")
    windows = []
    for window in _get(item, "windows", list, where, []):
        pair = _list(window)
        if len(pair) != 2:
            raise _fail(where + "windows", "paires [début, fin] attendues")
        windows.append((_date(pair[0], where + "windows"), _date(pair[1], where + "windows")))
    return Location(
        id=str(_get(item, "id", (str, int), where)),
        name=str(_get(item, "name", str, where, str(item.get("id")))),
        latitude=None if lat is None else float(lat),
        longitude=None if lon is None else float(lon),
        windows=tuple(windows),
        unavailable=_dates(_get(item, "unavailable", list, where, []), where + "unavailable"),
    )


def to_dict(problem: Problem) -> dict[str, Any]:
    """The JSON document ``from_dict`` reads back to the same problem."""
    cal = problem.calendar

    def iso(days: frozenset[date]) -> list[str]:
        return sorted(day.isoformat() for day in days)

    return {
        "title": problem.title,
        "calendar": {
            "start": cal.start.isoformat(),
            "working_weekdays": sorted(cal.working_weekdays),
            "holidays": iso(cal.holidays),
            "max_days": cal.max_days,
            "school_holidays": iso(cal.school_holidays),
        },
        "pages_per_day": str(problem.pages_per_day),
        "convention": problem.convention,
        "day_call": problem.day_call.strftime("%H:%M"),
        "night_call": problem.night_call.strftime("%H:%M"),
        "max_locations_per_day": problem.max_locations_per_day,
        "weights": asdict(problem.weights),
        "cast": [
            {
                "id": m.id,
                "name": m.name,
                "daily_cost": str(m.daily_cost),
                "unavailable": iso(m.unavailable),
                "available_from": m.available_from.isoformat() if m.available_from else None,
                "available_until": m.available_until.isoformat() if m.available_until else None,
                "drop_min_gap_days": m.drop_min_gap_days,
                "age": m.age,
            }
            for m in problem.cast
        ],
        "locations": [
            {
                "id": loc.id,
                "name": loc.name,
                "latitude": loc.latitude,
                "longitude": loc.longitude,
                "windows": [[a.isoformat(), b.isoformat()] for a, b in loc.windows],
                "unavailable": iso(loc.unavailable),
            }
            for loc in problem.locations
        ],
        "scenes": [
            {
                "id": s.id,
                "location": s.location,
                "eighths": s.eighths,
                "minutes": s.minutes,
                "int_ext": s.int_ext,
                "day_night": s.day_night,
                "cast": list(s.cast),
                "extras": s.extras,
                "elements": list(s.elements),
                "requirements": list(s.requirements),
                "weather_cover": s.weather_cover,
                "label": s.label,
                "unit": s.unit,
            }
            for s in problem.scenes
        ],
        "constraints": {
            "fixed": {k: v.isoformat() for k, v in problem.constraints.fixed.items()},
            "precedences": [list(p) for p in problem.constraints.precedences],
            "same_day": [list(g) for g in problem.constraints.same_day],
        },
        "distances_km": [[a, b, km] for (a, b), km in problem.distances_km.items()],
        "convoy": problem.convoy,
        "previous": {k: v.isoformat() for k, v in problem.previous.items()},
        "replan_from": problem.replan_from.isoformat() if problem.replan_from else None,
        "units": [
            {"id": u.id, "name": u.name, "day_cost": u.day_cost, "span": u.span}
            for u in problem.units
        ],
        "weather_cover": {
            "enabled": problem.weather_cover.enabled,
            "lost_days": iso(problem.weather_cover.lost_days),
        },
        "split_call": problem.split_call.strftime("%H:%M") if problem.split_call else None,
    }
