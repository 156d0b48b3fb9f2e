from decimal import Decimal

import pytest

from tournage.budget.errors import BudgetError
from tournage.budget.financing import FinancingPlan, FinancingSource, intensity_ceiling, summarize
from tournage.data import load_yaml


def test_ceilings_follow_the_cnc_intensity_rules_in_the_data():
    rules = load_yaml("budget/funding_sources.yaml")["cross_cutting_conditions"][
        "public_aid_intensity"
    ]
    assert (
        intensity_ceiling("long_metrage", Decimal("3000000")).percent
        == rules["long_metrage_percent"]
    )
    small = intensity_ceiling("long_metrage", Decimal("1250000"))
    assert small.percent == rules["long_metrage_difficile_ou_petit_budget_percent"]
    first = intensity_ceiling(
        "long_metrage", Decimal("5000000"), difficult=True, uses_tax_credit=False
    )
    assert first.percent == rules["long_metrage_difficile_sans_credit_impot_percent"]
    assert (
        intensity_ceiling("court_metrage", Decimal("50000")).percent
        == rules["court_metrage_percent"]
    )
    assert intensity_ceiling("serie_tv", Decimal("9000000")).percent == rules["audiovisuel_percent"]
    assert intensity_ceiling("web", Decimal("1")) is None
    assert first.source == "cnc_diversite"


def test_public_share_against_the_ceiling_and_gap():
    plan = FinancingPlan(
        [
            FinancingSource(
                "own_funds", "Apport", Decimal("400000"), "received", Decimal("400000")
            ),
            FinancingSource("regional", "Région", Decimal("300000")),
            FinancingSource("tax_credit", "CI", Decimal("250000")),
        ]
    )
    ceiling = intensity_ceiling("long_metrage", Decimal("1000000"))
    summary = summarize(plan, Decimal("1000000"), ceiling)
    assert summary.public_total == Decimal("550000")  # tax credits count as public aid
    assert summary.public_share == Decimal("55.00")
    assert not summary.over_ceiling  # 60 % for a small budget
    assert summary.gap == Decimal("50000")
    assert summary.received == Decimal("400000")
    assert summarize(plan, Decimal("800000"), ceiling).over_ceiling


def test_bad_kind_or_status_is_refused():
    with pytest.raises(BudgetError):
        FinancingSource("loterie", "x", Decimal(1))
    with pytest.raises(BudgetError):
        FinancingSource("own_funds", "x", Decimal(1), status="rêvé")
