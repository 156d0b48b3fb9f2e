"""Forecast of a 40-day feature with 120 people (target: < 1 s).

Run: PYTHONPATH=src .venv/bin/python -m pytest tests/bench/carbon --benchmark-only
"""

import random
from typing import Any

from tournage.carbon.forecast import forecast
from tournage.carbon.plan import parse_plan
from tournage.carbon.scenarios import rank_levers
from tournage.data import load_csv


def feature_plan(people: int = 120, days: int = 40, seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed)
    cities = [row for row in load_csv("carbon/cities.csv") if row["country"] == "FR"][:150]
    locations = [
        {
            "id": f"loc{i}",
            "name": f"Décor {i}",
            "lat": float(c["latitude"]),
            "lon": float(c["longitude"]),
            "power_source": rng.choice(["grid", "generator"]),
            "energy_kwh_per_day": 150,
        }
        for i, c in enumerate(rng.sample(cities, 8))
    ]
    crew = [
        {"id": f"p{i}", "name": f"Personne {i}", "home_city": rng.choice(cities)["name"]}
        for i in range(people)
    ]
    schedule = [
        {
            "location": locations[(d // 5) % len(locations)]["id"],
            "people": [p["id"] for p in crew if rng.random() < 0.8],
        }
        for d in range(days)
    ]
    return {
        "production": {"title": "Long métrage", "format": "feature", "duration_minutes": 100},
        "people": crew,
        "locations": locations,
        "days": schedule,
        "vehicles": [{"factor": "hgv_rigid_7_5_17t_km_desnz", "count": 3}],
    }


def test_forecast_40_days_120_people(benchmark: Any) -> None:
    plan = parse_plan(feature_plan())
    result = benchmark(forecast, plan)
    assert result.shooting_days == 40 and result.footprint.total_kgco2e > 0


def test_all_levers_40_days_120_people(benchmark: Any) -> None:
    plan = parse_plan(feature_plan())
    ranked = benchmark.pedantic(rank_levers, args=(plan,), rounds=3, iterations=1)
    assert len(ranked) == 7
