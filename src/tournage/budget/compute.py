"""Totals of a devis: lines, fringes, chapters, frais généraux and imprévus.

Rounding happens at three explicit points: each line amount, each line's fringe, each
overhead percentage; every total above is an exact sum of rounded amounts, so chapter totals
equal the sum of their lines and the budget equals chapters + overheads to the cent.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from tournage.budget.chart import Chart, Overhead, load_chart
from tournage.budget.errors import BudgetError
from tournage.budget.fringes import EffectiveRate, effective_rate
from tournage.budget.model import Budget, BudgetLine
from tournage.budget.money import ZERO, money, percent_of


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    severity: str = "warning"  # info | warning | error


@dataclass(frozen=True)
class LineResult:
    line: BudgetLine
    quantity: Decimal
    number: Decimal
    amount: Decimal
    fringe: Decimal
    fringe_account: str | None


@dataclass(frozen=True)
class ChapterTotal:
    code: str
    label: str
    amount: Decimal


@dataclass(frozen=True)
class OverheadResult:
    overhead: Overhead
    percent: Decimal | None
    amount: Decimal


@dataclass(frozen=True)
class BudgetTotals:
    budget: Budget
    chart: Chart
    lines: tuple[LineResult, ...]
    accounts: dict[str, Decimal]
    chapters: tuple[ChapterTotal, ...]
    chapters_total: Decimal
    overheads: tuple[OverheadResult, ...]
    total: Decimal
    fringe_rates: tuple[EffectiveRate, ...]
    findings: tuple[Finding, ...]

    def chapter_amount(self, code: str) -> Decimal:
        return next((c.amount for c in self.chapters if c.code == code), ZERO)


def compute(budget: Budget) -> BudgetTotals:
    chart = load_chart(budget.variant)
    rates = {key: effective_rate(key, budget.fringe_overrides) for key in _categories(budget)}
    lines = tuple(_line(budget, chart, line, rates) for line in budget.lines)
    accounts: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for result in lines:
        accounts[result.line.account] += result.amount
        if result.fringe_account is not None:
            accounts[result.fringe_account] += result.fringe
    chapters = tuple(
        ChapterTotal(
            c.code,
            c.label,
            sum((v for k, v in accounts.items() if chart.chapter_of(k).code == c.code), ZERO),
        )
        for c in chart.chapters
    )
    chapters_total = sum((c.amount for c in chapters), ZERO)
    overheads = tuple(_overhead(o, budget, chapters_total) for o in chart.overheads)
    total = chapters_total + sum((o.amount for o in overheads), ZERO)
    return BudgetTotals(
        budget=budget,
        chart=chart,
        lines=lines,
        accounts=dict(accounts),
        chapters=chapters,
        chapters_total=chapters_total,
        overheads=overheads,
        total=total,
        fringe_rates=tuple(rates.values()),
        findings=tuple(_findings(chart, tuple(rates.values()), overheads)),
    )


def _categories(budget: Budget) -> list[str]:
    return sorted({line.category for line in budget.lines if line.category})


def resolve(budget: Budget, value: Decimal, ref: str | None, line: BudgetLine) -> Decimal:
    """Value of a line field, read from the referenced global when there is one."""
    if ref is None:
        return value
    found = budget.globals.get(ref)
    if found is None:
        raise BudgetError(
            "UNKNOWN_GLOBAL",
            f"Ligne « {line.label} » : la variable globale « {ref} » n'existe pas.",
        )
    return found.value


def _line(
    budget: Budget, chart: Chart, line: BudgetLine, rates: dict[str, EffectiveRate]
) -> LineResult:
    chart.chapter_of(line.account)  # unknown chapter -> BudgetError
    quantity = resolve(budget, line.quantity, line.quantity_ref, line)
    number = resolve(budget, line.number, line.number_ref, line)
    amount = money(quantity * line.rate * number)
    if line.category is None:
        return LineResult(line, quantity, number, amount, ZERO, None)
    rate = rates[line.category]
    return LineResult(
        line, quantity, number, amount, money(amount * rate.rate), rate.category.account
    )


def _overhead(overhead: Overhead, budget: Budget, base: Decimal) -> OverheadResult:
    percent = budget.overhead_percents.get(overhead.key)
    amount = ZERO if percent is None else percent_of(base, percent)
    return OverheadResult(overhead, percent, amount)


def _findings(
    chart: Chart, rates: tuple[EffectiveRate, ...], overheads: tuple[OverheadResult, ...]
) -> list[Finding]:
    found: list[Finding] = []
    if chart.uncertain:
        found.append(
            Finding(
                "CHART_UNCERTAIN",
                "Plan de comptes audiovisuel supposé identique au devis cinéma "
                "(modèle FSA non trouvé).",
                "info",
            )
        )
    for rate in rates:
        for component in rate.unknown:
            found.append(
                Finding(
                    "FRINGE_RATE_UNKNOWN",
                    f"{rate.category.label} : taux inconnu pour « {component.label} » ; "
                    "les charges sociales sont sous-estimées tant que vous ne le saisissez pas.",
                )
            )
    for result in overheads:
        limit = result.overhead.max_percent
        if result.percent is None:
            found.append(
                Finding(
                    "OVERHEAD_NOT_SET", f"{result.overhead.label} : pourcentage non saisi.", "info"
                )
            )
        elif limit is not None and result.percent > limit:
            found.append(
                Finding(
                    "OVERHEAD_ABOVE_CEILING",
                    f"{result.overhead.label} : {result.percent} % dépasse "
                    f"le plafond de {limit} %.",
                )
            )
    return found
