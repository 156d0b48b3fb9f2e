"""The devis chart of accounts (cinema and audiovisual variants), read from data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tournage.budget.errors import BudgetError
from tournage.budget.tables import CHARTS, ChapterSpec, OverheadSpec, Reference

Overhead = OverheadSpec  # frais généraux or imprévus, as the chart file gives them

VARIANTS = tuple(CHARTS)


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
class Chart:
    variant: str
    title: str
    chapters: tuple[Chapter, ...]
    overheads: tuple[Overhead, ...]
    uncertain: bool
    sources: dict[str, Reference]

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
    data = CHARTS[variant].load()
    meta = data.meta
    base = data if meta.accounts_from is None else CHARTS[meta.accounts_from].load()
    return Chart(
        variant=variant,
        title=meta.title,
        chapters=tuple(_chapter(c) for c in base.chapters),
        overheads=base.overheads,
        uncertain=meta.uncertain,
        sources={**(base.sources or {}), **(data.sources or {})},
    )


def _chapter(spec: ChapterSpec) -> Chapter:
    accounts = tuple(Account(a.code, a.label, spec.code) for a in spec.accounts)
    return Chapter(spec.code, spec.label, accounts, spec.sources)
