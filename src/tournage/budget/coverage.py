"""Budget facts the referential checks read: which breakdown categories have devis lines,
which lines carry accessibility work, how fresh the cost report is."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tournage.common.rules import RuleTable


@dataclass(frozen=True)
class BreakdownAccounts:
    source: str
    categories: dict[str, list[str]]
    accessibility_accounts: list[str]


@dataclass(frozen=True)
class Sourced:
    value: int
    uncertain: bool = False


@dataclass(frozen=True)
class Tracking:
    source: str
    cost_report_max_age_days: Sourced


BREAKDOWN_ACCOUNTS = RuleTable("budget/breakdown_accounts.yaml", BreakdownAccounts)
TRACKING = RuleTable("budget/tracking.yaml", Tracking)


def under(account: str, codes: Iterable[str]) -> bool:
    """``account`` is one of ``codes`` or a sub-account of one (``5.4.2`` under ``5.4``)."""
    return any(account == code or account.startswith(code + ".") for code in codes)


def categories_without_lines(categories: Iterable[str], accounts: Iterable[str]) -> list[str]:
    """Breakdown categories used in the script that no devis line answers."""
    table = BREAKDOWN_ACCOUNTS.load().categories
    used = list(accounts)
    return sorted(
        category
        for category in set(categories)
        if table.get(category) and not any(under(a, table[category]) for a in used)
    )


def expense_gaps(has_receipt: bool, account: str, devis_accounts: Iterable[str]) -> list[str]:
    """What an expense lacks to be justified: its receipt, a devis line to book it to."""
    gaps = [] if has_receipt else ["justificatif"]
    if not any(under(account, [line]) or under(line, [account]) for line in devis_accounts):
        gaps.append("ligne du devis")
    return gaps


def accessibility_lines(accounts: Iterable[str]) -> int:
    codes = BREAKDOWN_ACCOUNTS.load().accessibility_accounts
    return sum(1 for account in accounts if under(account, codes))


def stale_days(last_entry: date, today: date) -> int | None:
    """Days past the allowed age of the last cost entry; ``None`` when it is fresh."""
    age = (today - last_entry).days
    limit = TRACKING.load().cost_report_max_age_days.value
    return age - limit if age > limit else None
