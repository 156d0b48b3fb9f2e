"""Cost report (suivi budgétaire): budget / committed / actual / to complete / final / variance.

Amounts are excluding VAT (the producer recovers VAT). Default estimate to complete (ETC):
whatever is still committed or budgeted and not yet spent, max(budget, committed) - actual,
never negative, plus what the shoot's daily reports add (overtime, extra days); the user
may override it per account. EFC = actual + ETC;
variance = budget - EFC (negative: overrun).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tournage.budget.compare import account_sort_key
from tournage.budget.compute import BudgetTotals
from tournage.budget.errors import BudgetError
from tournage.budget.money import ZERO, money
from tournage.common.formatting import format_money

PAYMENT_STATUSES = ("to_pay", "paid")


@dataclass
class Commitment:
    """A purchase order or signed contract."""

    account: str
    amount: Decimal
    supplier: str = ""
    label: str = ""
    date: date | None = None
    reference: str = ""


@dataclass
class Expense:
    date: date
    account: str
    amount_ht: Decimal
    vat_rate: Decimal = ZERO  # percent, as on the invoice
    supplier: str = ""
    label: str = ""
    payment_status: str = "to_pay"
    receipt: str = ""

    @property
    def amount_ttc(self) -> Decimal:
        return money(self.amount_ht * (1 + self.vat_rate / 100))


@dataclass(frozen=True)
class CostRow:
    code: str
    label: str
    budget: Decimal
    committed: Decimal
    actual: Decimal
    etc: Decimal
    etc_overridden: bool
    etc_added: Decimal = ZERO  # from the daily reports, included in ``etc``

    @property
    def efc(self) -> Decimal:
        return self.actual + self.etc

    @property
    def variance(self) -> Decimal:
        return self.budget - self.efc


@dataclass(frozen=True)
class Alert:
    code: str
    chapter: str
    message: str


@dataclass(frozen=True)
class CostReport:
    accounts: tuple[CostRow, ...]
    chapters: tuple[CostRow, ...]
    total: CostRow
    alerts: tuple[Alert, ...]


def known_account(totals: BudgetTotals, code: str) -> str:
    """Validate an account code an expense or commitment is booked to."""
    if code in _overhead_codes(totals):
        return code
    try:
        totals.chart.chapter_of(code)
    except BudgetError:
        raise BudgetError("UNKNOWN_ACCOUNT", f"Compte « {code} » inconnu dans le devis.") from None
    return code


def _overhead_codes(totals: BudgetTotals) -> dict[str, str]:
    return {o.overhead.code: o.overhead.label for o in totals.overheads}


def cost_report(
    totals: BudgetTotals,
    commitments: Iterable[Commitment],
    expenses: Iterable[Expense],
    etc_overrides: Mapping[str, Decimal] | None = None,
    etc_additions: Mapping[str, Decimal] | None = None,
) -> CostReport:
    overrides, additions = etc_overrides or {}, etc_additions or {}
    budgets = dict(totals.accounts)
    budgets.update({o.overhead.code: o.amount for o in totals.overheads})
    committed = _sum_by_account(totals, ((c.account, c.amount) for c in commitments))
    actual = _sum_by_account(totals, ((e.account, e.amount_ht) for e in expenses))
    codes = sorted(
        set(budgets) | set(committed) | set(actual) | set(additions), key=account_sort_key
    )
    rows = tuple(
        _row(
            code,
            _label(totals, code),
            budgets.get(code, ZERO),
            committed.get(code, ZERO),
            actual.get(code, ZERO),
            overrides.get(code),
            additions.get(code, ZERO),
        )
        for code in codes
    )
    chapters = tuple(_chapter_rows(totals, rows))
    total = _sum_rows("total", "Total", chapters)
    return CostReport(rows, chapters, total, tuple(_alerts(chapters)))


def _sum_by_account(
    totals: BudgetTotals, pairs: Iterable[tuple[str, Decimal]]
) -> dict[str, Decimal]:
    sums: dict[str, Decimal] = defaultdict(lambda: ZERO)
    seen: set[str] = set()
    for account, amount in pairs:
        if account not in seen:
            known_account(totals, account)
            seen.add(account)
        sums[account] += amount
    return sums


def _label(totals: BudgetTotals, code: str) -> str:
    overheads = _overhead_codes(totals)
    return overheads.get(code) or totals.chart.account_label(code) or code


def _row(
    code: str,
    label: str,
    budget: Decimal,
    committed: Decimal,
    actual: Decimal,
    override: Decimal | None,
    added: Decimal = ZERO,
) -> CostRow:
    """A typed ETC replaces the computed one, reports' additions included."""
    if override is not None:
        return CostRow(code, label, budget, committed, actual, override, True)
    etc = max(max(budget, committed) - actual, ZERO) + added
    return CostRow(code, label, budget, committed, actual, etc, False, added)


def _chapter_rows(totals: BudgetTotals, rows: tuple[CostRow, ...]) -> list[CostRow]:
    by_chapter: dict[str, list[CostRow]] = defaultdict(list)
    for row in rows:
        by_chapter[_chapter_code(totals, row.code)].append(row)
    labels = {c.code: c.label for c in totals.chart.chapters} | _overhead_codes(totals)
    return [_sum_rows(code, label, by_chapter.get(code, [])) for code, label in labels.items()]


def _chapter_code(totals: BudgetTotals, code: str) -> str:
    return code if code in _overhead_codes(totals) else totals.chart.chapter_of(code).code


def _sum_rows(code: str, label: str, rows: Iterable[CostRow]) -> CostRow:
    items = list(rows)
    return CostRow(
        code,
        label,
        sum((r.budget for r in items), ZERO),
        sum((r.committed for r in items), ZERO),
        sum((r.actual for r in items), ZERO),
        sum((r.etc for r in items), ZERO),
        any(r.etc_overridden for r in items),
        sum((r.etc_added for r in items), ZERO),
    )


def _alerts(chapters: Iterable[CostRow]) -> list[Alert]:
    alerts = []
    for row in chapters:
        if row.variance < ZERO:
            alerts.append(
                Alert(
                    "CHAPTER_OVERRUN",
                    row.code,
                    f"Chapitre {row.code} {row.label} : dépassement prévu de "
                    f"{format_money(-row.variance)} (coût final estimé {format_money(row.efc)}).",
                )
            )
        if row.committed > row.budget:
            alerts.append(
                Alert(
                    "COMMITTED_OVER_BUDGET",
                    row.code,
                    f"Chapitre {row.code} {row.label} : engagé {format_money(row.committed)} "
                    f"au-delà du budget {format_money(row.budget)}.",
                )
            )
    return alerts


@dataclass(frozen=True)
class BurnPoint:
    month: str  # YYYY-MM
    actual_cumulative: Decimal
    planned_cumulative: Decimal


def burn_curve(
    expenses: Iterable[Expense], budget_total: Decimal, start: date, end: date
) -> list[BurnPoint]:
    """Monthly cumulative spend vs a linear plan of the budget from ``start`` to ``end``.

    The linear plan is a simple reference line, not a forecast.
    """
    if end < start:
        raise BudgetError("INVALID_PERIOD", "La date de fin précède la date de début.")
    monthly: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for expense in expenses:
        monthly[expense.date.strftime("%Y-%m")] += expense.amount_ht
    plan = _months(start, end)
    before = sum((v for m, v in monthly.items() if m < plan[0]), ZERO)
    after = sorted(m for m in monthly if m > plan[-1])
    points, cumulative = [], before
    for index, month in enumerate(plan + after):
        cumulative += monthly.get(month, ZERO)
        planned = money(budget_total * min(index + 1, len(plan)) / len(plan))
        points.append(BurnPoint(month, cumulative, planned))
    return points


def _months(start: date, end: date) -> list[str]:
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
