"""Seeded synthetic instances for the scheduling benchmarks."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from tournage.scheduling.model import (
    Calendar,
    CastMember,
    Constraints,
    Location,
    Problem,
    Scene,
)
from tournage.scheduling.talent import TalentInstance

REGIONS = {"Paris": (48.86, 2.35), "Lyon": (45.76, 4.84), "Marseille": (43.30, 5.37)}


def random_talent(n: int, m: int, seed: int) -> TalentInstance:
    """Random instance in the manner of Garcia de la Banda et al.'s "Type 2" (our reading:
    each actor in a random set of at least two scenes, fees 1-100, durations 1-5)."""
    rng = random.Random(seed)
    cast: list[set[int]] = [set() for _ in range(n)]
    for actor in range(m):
        for scene in rng.sample(range(n), rng.randint(2, max(2, n // 2))):
            cast[scene].add(actor)
    return TalentInstance(
        f"random-{n}x{m}-{seed}",
        tuple(frozenset(c) for c in cast),
        tuple(rng.randint(1, 5) for _ in range(n)),
        tuple(rng.randint(1, 100) for _ in range(m)),
    )


def feature_film(
    seed: int = 1, scenes: int = 120, cast: int = 30, locations: int = 15, max_days: int = 48
) -> Problem:
    """A feature: décors in three regions, leads in many scenes, day/night mix, 6-day weeks;
    availability: three days off for each supporting actor, a four-week window for every
    fifth décor, and one precedence (scene 2 before scene 1)."""
    rng = random.Random(seed)
    start = date(2027, 5, 3)
    places = []
    for i in range(locations):
        region, (lat, lon) = list(REGIONS.items())[i % len(REGIONS)]
        opens = start + timedelta(days=7 * (i % 3))
        window = ((opens, opens + timedelta(days=27)),) if i % 5 == 0 else ()
        places.append(
            Location(
                f"L{i}",
                f"{region} décor {i}",
                lat + rng.uniform(-0.1, 0.1),
                lon + rng.uniform(-0.1, 0.1),
                windows=window,
            )
        )
    members = []
    for i in range(cast):
        lead = i < 4
        off = {start + timedelta(days=rng.randint(0, 60)) for _ in range(0 if lead else 3)}
        members.append(
            CastMember(
                f"A{i}",
                f"Rôle {i}",
                Decimal(rng.choice((1500, 2500)) if lead else rng.choice((300, 500, 800))),
                unavailable=frozenset(off),
            )
        )
    strips = []
    for i in range(scenes):
        weights = [12 if a < 4 else 1 for a in range(cast)]
        chosen = set(rng.choices(range(cast), weights=weights, k=rng.randint(1, 4)))
        strips.append(
            Scene(
                str(i + 1),
                f"L{rng.randrange(locations)}",
                eighths=rng.choice((2, 3, 4, 6, 8, 10, 12, 16)),
                int_ext=rng.choice(("INT", "EXT")),
                day_night="NUIT" if rng.random() < 0.2 else "JOUR",
                cast=tuple(f"A{a}" for a in sorted(chosen)),
            )
        )
    return Problem(
        scenes=tuple(strips),
        cast=tuple(members),
        locations=tuple(places),
        calendar=Calendar(start=start, working_weekdays=frozenset(range(6)), max_days=max_days),
        constraints=Constraints(precedences=(("2", "1"),)),
        title="Long métrage synthétique",
        pages_per_day=Decimal(3),
    )
