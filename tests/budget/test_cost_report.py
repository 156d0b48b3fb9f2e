from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.budget.closing import final_cost, final_cost_document
from tournage.budget.compare import compare
from tournage.budget.compute import compute
from tournage.budget.cost_report import Commitment, Expense, burn_curve, cost_report
from tournage.budget.errors import BudgetError
from tournage.budget.financing import FinancingPlan, FinancingSource

from .helpers import small_budget


def test_default_estimate_to_complete_and_variance():
    totals = compute(small_budget())  # 7.1 camera budget 1000.00
    report = cost_report(
        totals,
        [Commitment("7.1", Decimal("1200"))],
        [Expense(date(2026, 3, 1), "7.1", Decimal("400"), Decimal("20"))],
    )
    camera = next(r for r in report.accounts if r.code == "7.1")
    assert (camera.budget, camera.committed, camera.actual) == (
        Decimal("1000.00"),
        Decimal("1200"),
        Decimal("400"),
    )
    assert camera.etc == Decimal("800.00")  # the rest of the order still has to be paid
    assert camera.efc == Decimal("1200.00")
    assert camera.variance == Decimal("-200.00")
    codes = {(a.code, a.chapter) for a in report.alerts}
    assert ("CHAPTER_OVERRUN", "7") in codes and ("COMMITTED_OVER_BUDGET", "7") in codes


def test_user_estimate_to_complete_wins():
    totals = compute(small_budget())
    report = cost_report(totals, [], [], {"7.1": Decimal("50")})
    camera = next(r for r in report.accounts if r.code == "7.1")
    assert camera.etc == Decimal("50") and camera.etc_overridden
    assert camera.variance == Decimal("950.00")


def test_expense_on_unknown_account_is_refused():
    with pytest.raises(BudgetError) as error:
        cost_report(compute(small_budget()), [], [Expense(date(2026, 1, 1), "77.1", Decimal(1))])
    assert error.value.code == "UNKNOWN_ACCOUNT"


def test_unbudgeted_account_and_overheads_show_up():
    totals = compute(small_budget(frais_generaux="5"))
    report = cost_report(
        totals,
        [],
        [
            Expense(date(2026, 1, 1), "5.3", Decimal("10")),
            Expense(date(2026, 1, 2), "10", Decimal("3")),
        ],
    )
    assert next(r for r in report.accounts if r.code == "5.3").budget == 0
    assert next(r for r in report.chapters if r.code == "10").actual == Decimal("3")
    assert report.total.budget == totals.total


money = st.decimals(min_value=0, max_value=10**6, places=2)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["2.11", "7.1", "6.4"]), money), max_size=30),
    st.lists(st.tuples(st.sampled_from(["2.11", "7.1", "8.1"]), money), max_size=30),
    st.dictionaries(st.sampled_from(["2.11", "7.1"]), money, max_size=2),
)
def test_efc_is_actual_plus_to_complete_everywhere(commitments, expenses, overrides):
    totals = compute(small_budget(frais_generaux="7"))
    report = cost_report(
        totals,
        [Commitment(a, v) for a, v in commitments],
        [Expense(date(2026, 1, 1), a, v) for a, v in expenses],
        overrides,
    )
    for row in (*report.accounts, *report.chapters, report.total):
        assert row.efc == row.actual + row.etc
        assert row.variance == row.budget - row.efc
    assert report.total.actual == sum((v for _, v in expenses), Decimal(0))
    assert report.total.budget == totals.total


def test_burn_curve_is_cumulative_against_a_linear_plan():
    expenses = [
        Expense(date(2026, 1, 5), "7.1", Decimal("100")),
        Expense(date(2026, 3, 9), "7.1", Decimal("50")),
        Expense(date(2025, 12, 1), "7.1", Decimal("7")),
    ]
    points = burn_curve(expenses, Decimal("300"), date(2026, 1, 1), date(2026, 3, 31))
    assert [p.month for p in points] == ["2026-01", "2026-02", "2026-03"]
    assert [p.actual_cumulative for p in points] == [Decimal("107"), Decimal("107"), Decimal("157")]
    assert [p.planned_cumulative for p in points] == [
        Decimal("100.00"),
        Decimal("200.00"),
        Decimal("300.00"),
    ]
    with pytest.raises(BudgetError):
        burn_curve([], Decimal(1), date(2026, 2, 1), date(2026, 1, 1))


def test_versions_compare_side_by_side():
    v1, v2 = small_budget(), small_budget()
    v2.version = "v2"
    v2.globals["tournage"].value = Decimal(12)
    comparison = compare(compute(v1), compute(v2))
    personnel = next(r for r in comparison.chapters if r.code == "2")
    assert personnel.difference == Decimal("1200.00")
    assert personnel.difference_percent == Decimal("20.00")
    assert comparison.total.difference == compute(v2).total - compute(v1).total
    assert [r.code for r in comparison.accounts] == ["2.11", "4.1", "7.1"]


def test_final_cost_sets_spending_against_devis_and_financing_received():
    totals = compute(small_budget())
    report = cost_report(
        totals,
        [Commitment("7.1", Decimal("900"))],
        [Expense(date(2026, 1, 1), "7.1", Decimal("600"))],
    )
    plan = FinancingPlan(
        [FinancingSource("own_funds", "Apport", Decimal("5000"), "received", Decimal("4000"))]
    )
    final = final_cost(report, plan)
    assert final.total.final == Decimal("600")
    assert final.unpaid_commitments == Decimal("300")
    document = final_cost_document(final)
    assert document["financing_total"] == {
        "code": "total",
        "label": "Total",
        "devis": "5000.00",
        "final": "4000.00",
        "difference": "-1000.00",
        "difference_percent": "-20.00",
    }
