"""Cost-report expenses become monetary lines, flagged and never guessed."""

from decimal import Decimal

from tournage.carbon.calculator import compute
from tournage.carbon.monetary import expense_activities, factor_for_account


def test_longest_prefix_wins_and_uncovered_accounts_are_skipped() -> None:
    assert factor_for_account("5.5.2") == "monetary_costume_purchases_eur_unknown"
    assert factor_for_account("5.1") == "monetary_set_purchases_eur_unknown"
    assert factor_for_account("7.3") == "monetary_equipment_rental_eur_unknown"
    assert factor_for_account("2.1") is None
    assert factor_for_account("6.3") is None  # hotels must be entered as nights


def test_expenses_are_summed_per_account_and_reported_unknown() -> None:
    activities = expense_activities(
        [("7.1", Decimal("1000")), ("7.1", Decimal("250.50")), ("2.1", Decimal("9000"))]
    )
    assert [(a.key, a.quantity, a.unit) for a in activities] == [
        ("expenses:7.1", Decimal("1250.50"), "EUR")
    ]
    footprint = compute(activities)
    assert footprint.total_kgco2e == 0 and len(footprint.unknown) == 1
    assert any(w.startswith("factor.monetary") for w in footprint.unknown[0].warnings)
