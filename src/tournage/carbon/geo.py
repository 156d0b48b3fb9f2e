"""Great-circle distances and the shipped city coordinates (GeoNames)."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import cache

from tournage.carbon.tables import FORECAST_RULES
from tournage.data import load_csv


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float

    def __post_init__(self) -> None:
        if not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180):
            raise ValueError(f"coordonnées hors limites : {self.lat}, {self.lon}")


def _earth_radius_km() -> float:
    return FORECAST_RULES.load().earth_radius_km.value


def great_circle_km(a: Point, b: Point) -> float:
    """Haversine distance on the mean-radius sphere."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = lat2 - lat1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * _earth_radius_km() * math.asin(min(1.0, math.sqrt(h)))


def normalise(name: str) -> str:
    """Case-, accent- and hyphen-insensitive key: « Saint-Étienne » -> « saint etienne »."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(letters.replace("-", " ").replace("'", " ").split())


@cache
def _cities() -> dict[tuple[str, str], Point]:
    index: dict[tuple[str, str], Point] = {}
    for row in load_csv("carbon/cities.csv"):  # sorted by population: first one wins
        point = Point(float(row["latitude"]), float(row["longitude"]))
        for key in ((normalise(row["name"]), row["country"]), (normalise(row["name"]), "")):
            index.setdefault(key, point)
    return index


def city_point(name: str, country: str = "") -> Point | None:
    """Coordinates of the most populous place of that name (in ``country`` if given)."""
    return _cities().get((normalise(name), country.upper()))
