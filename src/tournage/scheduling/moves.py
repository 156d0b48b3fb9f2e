"""Company moves: distance between décors and the carbon of moving the unit.

Distances come from the production (road km) or, failing that, the great-circle distance
between coordinates; the convoy's kgCO2e per km sums the vehicle factors of
``data/scheduling/company_moves.yaml``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from tournage.scheduling.errors import SchedulingError
from tournage.scheduling.model import Location, Problem
from tournage.scheduling.tables import COMPANY_MOVES

EARTH_RADIUS_KM = 6371.0088  # IUGG mean Earth radius


@dataclass(frozen=True)
class Convoy:
    vehicles: dict[str, int]
    kgco2e_per_km: Decimal
    uncertain: bool
    source: str


def convoy(vehicles: dict[str, int] | None = None) -> Convoy:
    table = COMPANY_MOVES.load()
    factors, default = table.vehicle_factors_kgco2e_per_km, table.default_convoy
    chosen = vehicles if vehicles is not None else default.vehicles
    unknown = set(chosen) - set(factors)
    if unknown:
        raise SchedulingError(
            "moves.vehicle",
            f"Véhicule sans facteur d'émission : {sorted(unknown)}.",
            vehicles=sorted(unknown),
        )
    per_km = sum(
        (Decimal(str(factors[kind].value)) * count for kind, count in chosen.items()), Decimal(0)
    )
    return Convoy(
        vehicles=dict(chosen),
        kgco2e_per_km=per_km,
        uncertain=vehicles is None and default.uncertain,
        source="; ".join(sorted({factors[kind].source for kind in chosen})),
    )


def great_circle_km(a: Location, b: Location) -> float | None:
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    lat1, lon1 = math.radians(a.latitude), math.radians(a.longitude)
    lat2, lon2 = math.radians(b.latitude), math.radians(b.longitude)
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def distance_km(problem: Problem, a: str, b: str) -> float | None:
    """Road km given by the production, else great-circle km; ``None`` if unknown."""
    if a == b:
        return 0.0
    given = problem.distances_km.get((a, b), problem.distances_km.get((b, a)))
    if given is not None:
        return given
    return great_circle_km(problem.location(a), problem.location(b))
