from decimal import Decimal

from tournage.budget.compute import compute
from tournage.budget.model import Budget, BudgetLine
from tournage.budget.tax_credit import eligible_base, estimate


def budget(*lines):
    return Budget("t", lines=list(lines))


def test_base_excludes_chapter_9_overheads_and_spending_abroad():
    totals = compute(
        budget(
            BudgetLine("7.1", "Caméra", rate=Decimal("10000")),
            BudgetLine("9.1", "Assurance", rate=Decimal("5000")),
            BudgetLine(
                "8.3", "Étalonnage à l'étranger", rate=Decimal("3000"), spent_in_france=False
            ),
            BudgetLine(
                "9.4", "Juriste forcé éligible", rate=Decimal("100"), tax_credit_eligible=True
            ),
        )
    )
    assert eligible_base(totals) == Decimal("10100.00")


def test_cinema_credit_rate_depends_on_language():
    totals = compute(budget(BudgetLine("7.1", "Caméra", rate=Decimal("100000"))))
    french = estimate(totals, "long_metrage", "fiction", french_language=True)
    assert french.rate_percent == 30 and french.amount == Decimal("30000.00")
    other = estimate(totals, "long_metrage", "fiction", french_language=None)
    assert other.rate_percent == 20
    assert any("non renseignée" in n for n in other.notes)
    assert estimate(totals, "web", "fiction") is None


def test_audiovisual_credit_is_capped_per_minute():
    totals = compute(budget(BudgetLine("7.1", "Caméra", rate=Decimal("520000"))))
    # 52 min documentary: 20 % of 520,000 = 104,000 but capped at 1,150 EUR/min
    credit = estimate(totals, "unitaire_tv", "documentaire", duration_minutes=52)
    assert credit.amount == Decimal("59800")
    # fiction at 10,000 EUR/min falls in the 1,500 EUR/min step
    fiction = estimate(totals, "serie_tv", "fiction", duration_minutes=52)
    assert fiction.cap == Decimal("1500") * 52
