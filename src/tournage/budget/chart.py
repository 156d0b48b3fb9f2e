"""The devis chart of accounts (cinema and audiovisual variants), read from data."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from tournage.budget.errors import BudgetError
from tournage.data import load_yaml

VARIANTS = ("cinema", "audiovisual")


@dataclass(frozen=True)
class Account:
    code: str
    label: str
    chapter: str


@dataclass(frozen=True)
class Chapter:
    code: str
    label: str
    accounts: tuple[Account, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Overhead:
    """Frais généraux or imprévus: a percentage of the chapters total chosen by the producer."""

    code: str
    key: str
    label: str
    max_percent: Decimal | None
    rule: str
    base_uncertain: bool
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Chart:
    variant: str
    title: str
    chapters: tuple[Chapter, ...]
    overheads: tuple[Overhead, ...]
    uncertain: bool
    sources: dict[str, dict[str, str]]

    def chapter(self, code: str) -> Chapter:
        for chapter in self.chapters:
            if chapter.code == code:
                return chapter
        raise BudgetError(
            "UNKNOWN_CHAPTER", f"Chapitre « {code} » inconnu dans le devis {self.variant}."
        )

    def chapter_of(self, account_code: str) -> Chapter:
        """Chapter of an account code such as ``2.4`` (or of a bare chapter code ``2``)."""
        return self.chapter(account_code.split(".", 1)[0].strip())

    def account_label(self, account_code: str) -> str:
        for account in self.chapter_of(account_code).accounts:
            if account.code == account_code:
                return account.label
        return ""

    @property
    def account_codes(self) -> tuple[str, ...]:
        return tuple(a.code for c in self.chapters for a in c.accounts)


@cache
def load_chart(variant: str) -> Chart:
    if variant not in VARIANTS:
        raise BudgetError(
            "UNKNOWN_VARIANT", f"Plan de comptes « {variant} » inconnu (cinema ou audiovisual)."
        )
    data: dict[str, Any] = load_yaml(f"budget/chart_{variant}.yaml")
    meta = data["meta"]
    base = data if "chapters" in data else load_yaml(f"budget/chart_{meta['accounts_from']}.yaml")
    sources = {**base.get("sources", {}), **data.get("sources", {})}
    return Chart(
        variant=variant,
        title=meta["title"],
        chapters=tuple(_chapter(c) for c in base["chapters"]),
        overheads=tuple(_overhead(o) for o in base["overheads"]),
        uncertain=bool(meta.get("uncertain", False)),
        sources=sources,
    )


def _chapter(raw: dict[str, Any]) -> Chapter:
    code = str(raw["code"])
    accounts = tuple(Account(str(a["code"]), a["label"], code) for a in raw["accounts"])
    return Chapter(code, raw["label"], accounts, tuple(raw.get("sources", ())))


def _overhead(raw: dict[str, Any]) -> Overhead:
    limit = raw.get("max_percent")
    return Overhead(
        code=str(raw["code"]),
        key=raw["key"],
        label=raw["label"],
        max_percent=None if limit is None else Decimal(str(limit)),
        rule=raw["rule"],
        base_uncertain=bool(raw.get("base_uncertain", False)),
        sources=tuple(raw.get("sources", ())),
    )
