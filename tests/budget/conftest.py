"""Fixtures shared by the web tests of this folder."""

from __future__ import annotations

from typing import Any

import pytest

from tournage.web.budget.demo import load_demo_budget


@pytest.fixture
def budgeted(production: Any, make_person: Any) -> Any:
    make_person(
        production, kind="cast", character="LÉA", daily_rate="420.00", functions="comédienne"
    )
    make_person(production, kind="crew", functions="chef opérateur", daily_rate="480.00")
    production.refresh_from_db()
    load_demo_budget(production)
    return production
