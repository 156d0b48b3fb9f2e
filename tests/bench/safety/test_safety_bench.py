"""Benchmarks of the safety core: a feature-sized DUER ranked and printed, accident
deadlines over a year.

``python -m pytest tests/bench/safety -o addopts="" --benchmark-only``. The DUER is
synthetic (fixed seed): 400 hazards, a third of them with an incomplete action plan.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

from tournage.safety import duer, incidents
from tournage.safety.documents import duer_pdf

TODAY = date(2027, 4, 10)


def hazards(count: int = 400) -> list[duer.Hazard]:
    rng = random.Random(7)
    return [
        duer.Hazard(
            f"Risque {i}",
            rng.randint(1, 4),
            rng.randint(1, 4),
            ("Mesure A", "Mesure B") if i % 3 else (),
            "Régie",
            TODAY + timedelta(days=rng.randint(-10, 30)),
            scene=str(i % 90),
        )
        for i in range(count)
    ]


@pytest.mark.benchmark(group="safety")
def test_duer_evaluate_400(benchmark: pytest.FixtureRequest) -> None:
    rows = hazards()
    report = benchmark(duer.evaluate, TODAY, rows, TODAY)  # type: ignore[operator]
    assert len(report.hazards) == 400


@pytest.mark.benchmark(group="safety")
def test_duer_pdf_400(benchmark: pytest.FixtureRequest) -> None:
    report = duer.evaluate(TODAY, hazards(), TODAY)
    document = benchmark(duer_pdf, "Long métrage", "Production", report, TODAY)  # type: ignore[operator]
    assert document.startswith(b"%PDF")


@pytest.mark.benchmark(group="safety")
def test_declaration_deadlines_a_year(benchmark: pytest.FixtureRequest) -> None:
    start = datetime(2027, 1, 1, 9, 0)
    moments = [start + timedelta(hours=7 * i) for i in range(1250)]

    def deadlines() -> list[datetime]:
        return [incidents.declaration_deadline(m) for m in moments]

    assert len(benchmark(deadlines)) == 1250  # type: ignore[operator]
