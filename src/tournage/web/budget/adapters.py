"""Build the core's ``ProductionBudget`` from the database, so the web pages, the CLI and
the exports all compute with ``tournage.budget``."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import CharField, Sum
from django.db.models.functions import Cast, Substr

from tournage.budget.cost_report import Commitment as CoreCommitment
from tournage.budget.cost_report import Expense as CoreExpense
from tournage.budget.document import ProductionBudget
from tournage.budget.eligibility import ProjectProfile
from tournage.budget.financing import FinancingPlan
from tournage.budget.financing import FinancingSource as CoreSource
from tournage.budget.model import Budget, BudgetGlobal, BudgetLine
from tournage.web.productions.models import Format, Production
from tournage.web.productions.revision import derived

from . import models
from .live_flags import live_flags
from .schedule_link import provided_globals

FORMATS = {
    Format.FEATURE: models.WorkFormat.FEATURE,
    Format.SHORT: models.WorkFormat.SHORT,
    Format.SERIES_EPISODE: models.WorkFormat.TV_SERIES,
    Format.DOCUMENTARY: models.WorkFormat.TV_SINGLE,
    Format.WEB: models.WorkFormat.WEB,
    Format.CORPORATE: models.WorkFormat.WEB,
}


def profile_for(production: Production) -> models.FundingProfile:
    """The production's funding profile; until someone saves one, defaults read from the
    production, unsaved (viewing a page writes nothing)."""
    stored = models.FundingProfile.objects.filter(production=production).first()
    if stored is not None:
        return stored
    genre = models.Genre.FICTION
    if production.format == Format.DOCUMENTARY:
        genre = models.Genre.DOCUMENTARY
    elif "anim" in production.genre.lower():
        genre = models.Genre.ANIMATION
    work_format = FORMATS.get(Format(production.format), models.WorkFormat.WEB)
    return models.FundingProfile(production=production, work_format=work_format, genre=genre)


def reference_version(production: Production) -> models.BudgetVersion | None:
    versions = production.budget_versions.all()
    return versions.filter(is_reference=True).last() or versions.last()


def core_budget(version: models.BudgetVersion) -> Budget:
    return Budget(
        title=version.title,
        version=version.name,
        variant=version.variant,
        currency=version.production.currency,
        lines=[_line(row) for row in version.lines.values(*LINE_FIELDS, **AS_TEXT)],
        globals={
            **{
                g.code: BudgetGlobal(g.code, g.label, g.value, g.unit)
                for g in version.globals.all()
            },
            **provided_globals(version.production),
        },
        overhead_percents={
            "frais_generaux": version.frais_generaux_percent,
            "imprevus": version.imprevus_percent,
        },
        fringe_overrides={o.key: o.rate for o in version.fringe_overrides.all()},
    )


# Decimal columns are read as text and parsed once: the driver's float-then-quantize
# conversion dominated the loading of large devis.
DECIMALS = ("quantity", "rate", "number")
AS_TEXT = {f"{name}_text": Cast(name, output_field=CharField()) for name in DECIMALS}
LINE_FIELDS = (
    "account",
    "label",
    "unit",
    "category",
    "quantity_ref",
    "number_ref",
    "spent_in_france",
    "tax_credit_eligible",
    "note",
)


def _line(row: dict[str, Any]) -> BudgetLine:
    """A core line from a ``values()`` row: no model instances for 2,000-line devis."""
    for ref in ("category", "quantity_ref", "number_ref"):
        row[ref] = row[ref] or None
    for name in DECIMALS:
        row[name] = Decimal(row.pop(f"{name}_text"))
    return BudgetLine(**row)


def core_profile(profile: models.FundingProfile) -> ProjectProfile:
    return ProjectProfile(
        format=profile.work_format,
        genre=profile.genre,
        stage=profile.stage,
        regions=[str(r) for r in profile.regions],
        regional_spend_eur={str(k): Decimal(str(v)) for k, v in profile.regional_spend.items()},
        coproduction_countries=profile.coproduction_countries,
        subscribers=profile.subscribers,
        flags={
            **{str(k): v for k, v in profile.flags.items() if v is None or isinstance(v, bool)},
            **live_flags(profile.production),
        },
    )


def monthly_expenses(production: Production) -> list[CoreExpense]:
    """Expenses summed per account and month by the database: what the cost report and the
    burn curve need, without loading thousands of rows. The month is cut from the ISO date
    text (portable and cheap, unlike a per-row date truncation function on SQLite)."""
    month = Substr(Cast("date", output_field=CharField()), 1, 7)
    rows = (
        models.Expense.objects.filter(production=production)
        .annotate(month=month)
        .values_list("account", "month")
        .annotate(total=Sum("amount_ht"))
        .order_by()
    )
    return [
        CoreExpense(date(int(m[:4]), int(m[5:7]), 1), account, total) for account, m, total in rows
    ]


def account_commitments(production: Production) -> list[CoreCommitment]:
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for account, total in (
        models.Commitment.objects.filter(production=production)
        .values_list("account")
        .annotate(total=Sum("amount"))
        .order_by()
    ):
        sums[account] += total
    return [CoreCommitment(account, amount) for account, amount in sums.items()]


def production_budget(
    production: Production, version: models.BudgetVersion | None = None
) -> ProductionBudget | None:
    if version is None:
        return derived(("budget", production.pk), lambda: _budget(production, None))
    return _budget(production, version)


def _budget(
    production: Production, version: models.BudgetVersion | None
) -> ProductionBudget | None:
    version = version or reference_version(production)
    if version is None:
        return None
    profile = profile_for(production)
    return ProductionBudget(
        title=production.title,
        profile=core_profile(profile),
        budget=core_budget(version),
        financing=FinancingPlan(
            [
                CoreSource(s.kind, s.label, s.amount, s.status, s.received, s.aid_id or None)
                for s in production.financing_sources.all()
            ]
        ),
        commitments=account_commitments(production),
        expenses=monthly_expenses(production),
        etc_overrides={e.account: e.amount for e in production.budget_estimates.all()},
        etc_additions=reported_costs(production, version),
        duration_minutes=production.target_duration_minutes,
        start=production.shoot_start,
    )


def reported_costs(production: Production, version: models.BudgetVersion) -> dict[str, Decimal]:
    """What the daily reports add to the ETC, by account of ``version`` (an account the
    version no longer has is left out rather than break the cost report)."""
    accounts = set(version.lines.values_list("account", flat=True))
    added: dict[str, Decimal] = {}
    rows = production.budget_reported_costs.exclude(amount=None)
    for account, amount in rows.values_list("account", "amount"):
        if account in accounts and amount is not None:
            added[account] = added.get(account, Decimal(0)) + amount
    return added


def production_budget_by_id(production_id: int) -> ProductionBudget | None:
    production = Production.objects.filter(pk=production_id).first()
    return None if production is None else production_budget(production)


def detailed_expenses(production: Production) -> list[CoreExpense]:
    """Every expense row, for the exports."""
    return [
        CoreExpense(
            e.date,
            e.account,
            e.amount_ht,
            e.vat_rate,
            e.supplier,
            e.label,
            e.payment_status,
            e.receipt.name or "",
        )
        for e in models.Expense.objects.filter(production=production).order_by("date", "pk")
    ]
