"""Small, original contracts for the labor tests; the demo production for the web tests."""

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from tournage.labor.contracts import Contract, Employer
from tournage.web.labor.demo import load_demo_team
from tournage.web.productions import demo as foundation_demo

EMPLOYER = Employer("Les Films du Quai", "12 quai de la Loire, 75019 Paris", "123 456 789 00012")


def make_contract(**changes) -> Contract:
    base = Contract(
        employer=EMPLOYER,
        employee="Nadia Benali",
        idcc=2642,
        function="Machiniste",
        programme="Série « Les Écluses », épisode 3",
        start=date(2026, 3, 2),
        end=date(2026, 3, 13),
        pay_amount=Decimal("850.00"),
        pay_basis="weekly_35h",
        workplace="Studios de Bry-sur-Marne",
        genre="fiction",
        employee_address="4 rue des Lilas, 93100 Montreuil",
        conges_spectacles_number="CS-778812",
        working_days=(date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 9)),
        delivered_on=date(2026, 3, 3),
    )
    return replace(base, **changes)


@pytest.fixture
def contract() -> Contract:
    return make_contract()


@pytest.fixture(name="make_contract")
def make_contract_fixture():
    return make_contract


@pytest.fixture
def demo(monkeypatch: pytest.MonkeyPatch) -> Any:
    """The demo production with only the foundation data, then the teams step."""
    monkeypatch.setattr(foundation_demo, "_steps", [])
    production, _ = foundation_demo.load_demo()
    load_demo_team(production)
    return production
