"""Fixtures shared by the web tests of this folder."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tournage.web.carbon.models import LocationEnergy


@pytest.fixture
def planned(production: Any, make_person: Any, make_location: Any) -> Any:
    """Two people, one generator location shot 2 days."""
    make_person(production, home_city="Paris", home_latitude=48.8566, home_longitude=2.3522)
    make_person(production, home_city="Albi", home_latitude=43.9289, home_longitude=2.1464)
    location = make_location(production, name="Moulin", power_source="generator")
    LocationEnergy.objects.create(
        production=production, location=location, shooting_days=2, fuel_l_per_day=Decimal(30)
    )
    return production
