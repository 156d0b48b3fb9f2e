"""Author contracts against the Code de la propriété intellectuelle.

- L131-3: each right assigned is mentioned separately with its field (mode, place,
  duration); L132-25: a remuneration for each mode of exploitation.
- L113-7: the presumed co-authors (screenplay, adaptation, dialogue, music composed for
  the work, director) each need a written contract (L131-2).
- L132-28: a statement of receipts at least once a year.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from tournage.common.findings import Finding, Severity
from tournage.common.formatting import format_date
from tournage.rights.calendar import months_before
from tournage.rights.rules import AUTHORS


@dataclass(frozen=True)
class RightFacts:
    """One right assigned by a contract, with the field L131-3 asks for."""

    right: str
    mode: str = ""
    territory: str = ""
    duration: str = ""
    remuneration: str = ""  # proportional | lump_sum | "" (missing)
    terms: str = ""  # the remuneration's terms as written (rate, base), for the contract

    def missing(self) -> list[str]:
        return [f.id for f in AUTHORS.load().right_fields.fields if not getattr(self, f.id).strip()]


@dataclass(frozen=True)
class AuthorContractFacts:
    author: str
    role: str
    signed_on: date | None
    rights: tuple[RightFacts, ...] = ()
    statements_from: date | None = None
    last_statement_on: date | None = None

    @property
    def signed(self) -> bool:
        return self.signed_on is not None


def field_findings(contract: AuthorContractFacts) -> list[Finding]:
    """L131-3 / L132-25 mentions missing from the contract."""
    table = AUTHORS.load()
    labels = {f.id: f.fr for f in table.right_fields.fields}
    source = f"{table.right_fields.law} — {table.right_fields.source}"
    found = []
    if not contract.rights:
        found.append(
            Finding(
                "AUTH-NO-RIGHT",
                Severity.FAIL,
                f"{contract.author} : aucun droit cédé n'est détaillé.",
                source,
                contract.author,
            )
        )
    for right in contract.rights:
        missing = right.missing()
        if missing:
            names = ", ".join(labels[m] for m in missing)
            found.append(
                Finding(
                    "AUTH-FIELD",
                    Severity.FAIL,
                    f"{contract.author}, {right.right} : manque {names}.",
                    source,
                    contract.author,
                    {"right": right.right, "missing": missing},
                )
            )
        elif right.remuneration not in table.remuneration.proportional:
            found.append(
                Finding(
                    "AUTH-LUMP-SUM",
                    Severity.WARN,
                    f"{contract.author}, {right.right} : rémunération forfaitaire, "
                    "à justifier (L131-4).",
                    table.remuneration.source,
                    contract.author,
                    {"right": right.right},
                )
            )
    return found


def next_statement(contract: AuthorContractFacts) -> date | None:
    """When the next yearly statement of receipts is due (None: no schedule yet)."""
    start = contract.last_statement_on or contract.statements_from
    if start is None:
        return None
    months = AUTHORS.load().statements.every_months
    return months_before(start, -months)


def statement_findings(contract: AuthorContractFacts, today: date) -> list[Finding]:
    rule = AUTHORS.load().statements
    source = rule.source
    if not contract.signed:
        return []
    due = next_statement(contract)
    if due is None:
        return [
            Finding(
                "AUTH-STATEMENTS",
                Severity.WARN,
                f"{contract.author} : relevés annuels de recettes non planifiés.",
                source,
                contract.author,
            )
        ]
    if due < today:
        return [
            Finding(
                "AUTH-STATEMENT-LATE",
                Severity.WARN,
                f"{contract.author} : relevé de recettes dû le {format_date(due)}.",
                source,
                contract.author,
                {"due": due},
            )
        ]
    return []


@dataclass(frozen=True)
class Credit:
    """A person credited in a co-author role (from the people's functions)."""

    author: str
    role: str


def credited_roles(functions: Iterable[tuple[str, str]]) -> list[Credit]:
    """(person, function) pairs → the co-author roles of L113-7 they hold."""
    by_function = {
        fn.lower(): role.id for role in AUTHORS.load().co_authors.roles for fn in role.functions
    }
    credits = []
    for person, function in functions:
        role = by_function.get(function.strip().lower())
        if role is not None and Credit(person, role) not in credits:
            credits.append(Credit(person, role))
    return credits


def uncovered_credits(
    credits: Sequence[Credit], contracts: Iterable[AuthorContractFacts]
) -> list[Credit]:
    """Co-authors credited without a signed contract in that role."""
    signed = {(c.author, c.role) for c in contracts if c.signed}
    return [c for c in credits if (c.author, c.role) not in signed]


def role_label(role_id: str) -> str:
    return next((r.fr for r in AUTHORS.load().co_authors.roles if r.id == role_id), role_id)
