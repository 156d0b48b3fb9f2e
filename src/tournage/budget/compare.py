"""Side-by-side comparison of two devis versions, chapter by chapter and account by account."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tournage.budget.compute import BudgetTotals
from tournage.budget.money import ZERO, share_percent


@dataclass(frozen=True)
class ComparisonRow:
    code: str
    label: str
    before: Decimal
    after: Decimal

    @property
    def difference(self) -> Decimal:
        return self.after - self.before

    @property
    def difference_percent(self) -> Decimal | None:
        return share_percent(self.difference, self.before)


@dataclass(frozen=True)
class Comparison:
    before_version: str
    after_version: str
    chapters: tuple[ComparisonRow, ...]
    accounts: tuple[ComparisonRow, ...]
    total: ComparisonRow


def compare(before: BudgetTotals, after: BudgetTotals) -> Comparison:
    chapters = [
        ComparisonRow(c.code, c.label, before.chapter_amount(c.code), after.chapter_amount(c.code))
        for c in after.chart.chapters
    ]
    chapters += [
        ComparisonRow(o.overhead.code, o.overhead.label, b.amount, o.amount)
        for b, o in zip(before.overheads, after.overheads, strict=True)
    ]
    codes = sorted(set(before.accounts) | set(after.accounts), key=account_sort_key)
    accounts = tuple(
        ComparisonRow(
            code,
            after.chart.account_label(code) or before.chart.account_label(code),
            before.accounts.get(code, ZERO),
            after.accounts.get(code, ZERO),
        )
        for code in codes
    )
    return Comparison(
        before.budget.version,
        after.budget.version,
        tuple(chapters),
        accounts,
        ComparisonRow("total", "Total", before.total, after.total),
    )


def account_sort_key(code: str) -> tuple[int, ...]:
    """Sort ``2.10`` after ``2.9``; unparsable parts sort last."""
    return tuple(int(part) if part.isdigit() else 10**6 for part in code.split("."))
