"""Expenses known only in euros -> monetary activities (low quality), per account prefix."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from tournage.carbon.activities import Activity
from tournage.carbon.tables import ACCOUNT_FACTORS


def factor_for_account(account: str) -> str | None:
    prefixes = ACCOUNT_FACTORS.load().prefixes
    matches = [p for p in prefixes if account.strip().startswith(p)]
    return prefixes[max(matches, key=len)] if matches else None


def expense_activities(expenses: Iterable[tuple[str, Decimal]]) -> list[Activity]:
    """(account, amount excl. VAT) pairs -> one actual activity per account, in EUR."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for account, amount in expenses:
        if factor_for_account(account):
            totals[account.strip()] += amount
    return [
        Activity(
            factor=factor_for_account(account) or "",
            quantity=amount,
            unit="EUR",
            phase="actual",
            label=f"Dépenses du compte {account}",
            key=f"expenses:{account}",
            derivation=f"somme des dépenses HT du compte {account} (état des coûts)",
        )
        for account, amount in sorted(totals.items())
        if amount > 0
    ]
