"""Benchmarks of the labor core: a feature-sized team checked over a whole shoot, contract
generation and analysis.

``python -m pytest tests/bench/labor --benchmark-enable`` (pytest-benchmark). The team is
synthetic (fixed seed): 60 people, 40 shooting days (8 weeks), about 2,400 shifts.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from tournage.labor.analysis import analyse_file
from tournage.labor.compliance import check_team
from tournage.labor.contracts import Contract, Employer, check_contract
from tournage.labor.documents import contract_docx, contract_pdf
from tournage.labor.premiums import premiums
from tournage.labor.timesheet import Shift, Worker

FUNCTIONS = [
    "Machiniste",
    "Chef électricien",
    "Scripte spécialisé",
    "Cadreur spécialisé",
    "Maquilleur spécialisé",
    "Assistant son",
]


def team(people: int = 60, days: int = 40) -> tuple[list[Worker], list[Shift]]:
    rng = random.Random(7)
    workers = [
        Worker(
            f"P{i}",
            function=FUNCTIONS[i % len(FUNCTIONS)],
            genre="fiction",
            hourly_rate=Decimal("22.50"),
        )
        for i in range(people)
    ]
    shifts, day, worked = [], date(2026, 3, 2), 0
    while worked < days:
        if day.weekday() < 5:
            for worker in workers:
                call = datetime.combine(day, datetime.min.time()) + timedelta(
                    hours=rng.choice([6, 7, 8, 14])
                )
                shifts.append(
                    Shift(worker.name, call, call + timedelta(hours=rng.randint(8, 13)), 60)
                )
            worked += 1
        day += timedelta(days=1)
    return workers, shifts


@pytest.fixture(scope="module")
def sample() -> tuple[list[Worker], list[Shift]]:
    return team()


def test_bench_team_compliance(benchmark, sample) -> None:
    workers, shifts = sample
    findings = benchmark(check_team, workers, shifts)
    assert findings


def test_bench_team_premiums(benchmark, sample) -> None:
    workers, shifts = sample
    lines = benchmark(lambda: [p for w in workers for p in premiums(w, shifts)])
    assert lines


CONTRACT = Contract(
    Employer("Bench Films"),
    "Bench Person",
    2642,
    "Machiniste",
    "Série Bench, épisode 1",
    date(2026, 3, 2),
    date(2026, 3, 27),
    Decimal("900"),
    "weekly_35h",
    "Paris",
    genre="fiction",
    conges_spectacles_number="CS-1",
    delivered_on=date(2026, 3, 2),
)


def test_bench_contract_check(benchmark) -> None:
    benchmark(check_contract, CONTRACT)


def test_bench_contract_docx(benchmark) -> None:
    assert benchmark(contract_docx, CONTRACT).startswith(b"PK")


def test_bench_contract_pdf(benchmark) -> None:
    assert benchmark(contract_pdf, CONTRACT).startswith(b"%PDF")


def test_bench_contract_analysis(benchmark) -> None:
    content = contract_docx(CONTRACT)
    result = benchmark(analyse_file, content, "c.docx")
    assert all(m["present"] for m in result.mentions)
