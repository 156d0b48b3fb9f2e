from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tournage.budget.chart import load_chart
from tournage.budget.compute import compute
from tournage.budget.errors import BudgetError
from tournage.budget.fringes import effective_rate
from tournage.budget.model import Budget, BudgetGlobal, BudgetLine

from .helpers import small_budget

KNOWN_TECHNICIAN_RATE = Decimal("0.0905") + Decimal("0.0015") + Decimal("0.155") + Decimal("0.021")


def test_line_is_quantity_times_rate_times_number_rounded_once():
    totals = compute(small_budget())
    electro, camera = totals.lines
    assert electro.quantity == 10  # from the global, not the line's own quantity
    assert electro.amount == Decimal("6000.00")
    assert camera.amount == Decimal("1000.00")  # 999.999 rounded at the line


def test_changing_a_global_updates_the_lines_that_reference_it():
    budget = small_budget()
    budget.globals["tournage"].value = Decimal(12)
    assert compute(budget).lines[0].amount == Decimal("7200.00")


def test_unknown_global_is_a_clear_error():
    budget = small_budget()
    budget.lines[0].quantity_ref = "jours_inexistants"
    with pytest.raises(BudgetError) as error:
        compute(budget)
    assert error.value.code == "UNKNOWN_GLOBAL"


def test_unknown_category_and_chapter_are_errors():
    budget = small_budget()
    budget.lines[0].category = "stagiaire_lune"
    with pytest.raises(BudgetError, match="stagiaire_lune"):
        compute(budget)
    budget = small_budget()
    budget.lines[1].account = "42.1"
    with pytest.raises(BudgetError) as error:
        compute(budget)
    assert error.value.code == "UNKNOWN_CHAPTER"


def test_fringes_use_the_known_rates_and_land_in_chapter_4():
    totals = compute(small_budget())
    assert totals.lines[0].fringe == (Decimal("6000") * KNOWN_TECHNICIAN_RATE).quantize(
        Decimal("0.01")
    )
    assert totals.accounts["4.1"] == totals.lines[0].fringe
    assert totals.chapter_amount("4") == totals.lines[0].fringe


def test_unknown_rate_is_reported_then_the_user_sets_it():
    budget = small_budget()
    codes = [f.code for f in compute(budget).findings]
    assert "FRINGE_RATE_UNKNOWN" in codes
    budget.fringe_overrides["technicien_intermittent.general_employer"] = Decimal("0.30")
    totals = compute(budget)
    assert "FRINGE_RATE_UNKNOWN" not in [f.code for f in totals.findings]
    assert totals.lines[0].fringe == (
        Decimal("6000") * (KNOWN_TECHNICIAN_RATE + Decimal("0.30"))
    ).quantize(Decimal("0.01"))
    assert effective_rate("technicien_intermittent", budget.fringe_overrides).user_set == (
        "general_employer",
    )


def test_overheads_are_percentages_of_the_chapters_with_no_invented_ceiling():
    totals = compute(small_budget(frais_generaux="7", imprevus="10"))
    fg, imprevus = totals.overheads
    assert fg.amount == (totals.chapters_total * Decimal("0.07")).quantize(Decimal("0.01"))
    assert imprevus.overhead.max_percent is None  # no CNC rule found
    assert "source belge" in imprevus.overhead.rule
    assert "OVERHEAD_ABOVE_CEILING" not in [f.code for f in totals.findings]


def test_unset_overhead_is_reported_and_counts_zero():
    totals = compute(small_budget(frais_generaux="7"))
    assert totals.overheads[1].amount == 0
    assert "OVERHEAD_NOT_SET" in [f.code for f in totals.findings]


def test_audiovisual_chart_is_flagged_uncertain():
    budget = small_budget()
    budget.variant = "audiovisual"
    assert "CHART_UNCERTAIN" in [f.code for f in compute(budget).findings]
    assert load_chart("audiovisual").chapters == load_chart("cinema").chapters


ACCOUNTS = [a for c in load_chart("cinema").chapters for a in c.accounts if c.code != "4"]
amounts = st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False, allow_infinity=False)


@st.composite
def budgets(draw):
    lines = [
        BudgetLine(
            account=draw(st.sampled_from(ACCOUNTS)).code,
            label="l",
            quantity=draw(amounts),
            rate=draw(amounts),
            number=draw(st.integers(min_value=0, max_value=20)),
            category=draw(
                st.sampled_from([None, "technicien_intermittent", "artiste_interprete", "auteur"])
            ),
            quantity_ref=draw(st.sampled_from([None, "tournage"])),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=25)))
    ]
    return Budget(
        "p",
        lines=lines,
        globals={"tournage": BudgetGlobal("tournage", "j", draw(amounts))},
        overhead_percents={
            "frais_generaux": draw(st.decimals(0, 30, places=2)),
            "imprevus": draw(st.decimals(0, 15, places=2)),
        },
    )


@settings(max_examples=60, deadline=None)
@given(budgets())
def test_chapter_totals_are_the_sum_of_their_lines_and_total_adds_up(budget):
    totals = compute(budget)
    chart = totals.chart
    for chapter in totals.chapters:
        lines = sum(
            (
                r.amount
                for r in totals.lines
                if chart.chapter_of(r.line.account).code == chapter.code
            ),
            Decimal(0),
        )
        fringes = sum(
            (
                r.fringe
                for r in totals.lines
                if r.fringe_account and chart.chapter_of(r.fringe_account).code == chapter.code
            ),
            Decimal(0),
        )
        assert chapter.amount == lines + fringes
    assert totals.total == sum(c.amount for c in totals.chapters) + sum(
        o.amount for o in totals.overheads
    )
    assert all(r.amount == r.amount.quantize(Decimal("0.01")) for r in totals.lines)
