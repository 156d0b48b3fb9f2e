"""What other apps and the CLI may call in the budget app (its public services)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _

from tournage.web.budget.adapters import production_budget_by_id, reference_version
from tournage.web.budget.models import (
    BudgetLine,
    Commitment,
    Expense,
    FinancingSource,
    ReportedCost,
)
from tournage.web.budget.plan_follow import SHOOTING_DAYS, gaps, plan_source, planned_code
from tournage.web.budget.schedule_link import provided_globals, register_global_provider
from tournage.web.productions.history import save_changed
from tournage.web.productions.models import Person, Production

__all__ = [
    "aid_ids",
    "commit_amount",
    "commit_person",
    "commitment_references",
    "devis_status",
    "expense_amounts",
    "financing_count",
    "person_accounts",
    "production_budget_by_id",
    "register_global_provider",
    "reported_costs_from",
    "set_reported_costs",
    "shooting_day_lines",
]


def commit_person(
    production: Production,
    person: Person,
    *,
    reference: str,
    label: str,
    amount: Decimal,
    day: date,
) -> bool:
    """Record (or update) the commitment ``reference`` on ``person``'s budget line.

    The line of the reference devis wins, else the latest version's. False when the
    person has no budget line: nothing is committed.
    """
    line = (
        BudgetLine.objects.filter(budget__production=production, person=person)
        .order_by("-budget__is_reference", "-budget_id")
        .first()
    )
    if line is None:
        return False
    Commitment.objects.update_or_create(
        production=production,
        reference=reference,
        defaults={
            "account": line.account,
            "supplier": str(person),
            "label": label,
            "amount": amount,
            "date": day,
        },
    )
    return True


def commit_amount(
    production: Production,
    *,
    reference: str,
    account: str,
    supplier: str,
    label: str,
    amount: Decimal,
    day: date,
) -> bool:
    """Record (or update) the commitment ``reference`` on a devis ``account`` (a licence
    fee, a location); True when it was created."""
    _commitment, created = Commitment.objects.update_or_create(
        production=production,
        reference=reference,
        defaults={
            "account": account,
            "supplier": supplier[:200],
            "label": label[:300],
            "amount": amount,
            "date": day,
        },
    )
    return created


def expense_amounts(production: Production) -> list[tuple[str, Decimal]]:
    """(account, amount excl. VAT) of every expense of the production."""
    rows = Expense.objects.filter(production=production).values_list("account", "amount_ht")
    return list(rows)


def commitment_references(production: Production) -> set[str]:
    """References of the production's commitments (a signed contract books ``contrat-<id>``)."""
    return set(Commitment.objects.filter(production=production).values_list("reference", flat=True))


def aid_ids(production: Production) -> set[str]:
    """Funding-source ids (``funding_sources.yaml``) of the financing plan's lines."""
    rows = FinancingSource.objects.filter(production=production).exclude(aid_id="")
    return set(rows.values_list("aid_id", flat=True))


def financing_count(production: Production) -> int:
    return FinancingSource.objects.filter(production=production).count()


@dataclass(frozen=True)
class DevisStatus:
    url: str  # the reference version's page
    source: str  # where its quantities come from
    off_plan: list[str]  # what differs from the plan de travail


def devis_status(production: Production) -> DevisStatus | None:
    """The reference devis and what of it no longer follows the plan; ``None`` without one."""
    version = reference_version(production)
    if version is None:
        return None
    url = reverse("budget:devis", args=[production.pk, version.pk])
    source = plan_source(production) or _("typed in the devis")
    return DevisStatus(url, source, [gap.subject for gap in gaps(version)])


def person_accounts(production: Production) -> dict[int, tuple[str, str]]:
    """By person id: the account of their line in the reference devis, and their name."""
    version = reference_version(production)
    if version is None:
        return {}
    lines = version.lines.exclude(person=None).select_related("person").order_by("-pk")
    return {line.person.pk: (line.account, str(line.person)) for line in lines if line.person}


def shooting_day_lines(production: Production) -> list[tuple[str, str, Decimal]]:
    """Lines of the reference devis counted in shooting days (those that follow, or should
    follow, the plan's « tournage » global): (account, label, what one day costs on it,
    rate x number, before social charges)."""
    version = reference_version(production)
    if version is None:
        return []
    provided = provided_globals(production)
    return [
        (line.account, line.label, line.rate * line.number)
        for line in version.lines.select_related("person")
        if line.quantity_ref == SHOOTING_DAYS
        or (not line.quantity_ref and planned_code(line, provided) == SHOOTING_DAYS)
    ]


def set_reported_costs(
    production: Production, origin: str, rows: list[tuple[str, str, str, Decimal | None]]
) -> dict[str, int]:
    """What the document ``origin`` adds to the ETC: (reference, account, label, amount)
    rows, updated in place when saved again and removed when the document no longer
    gives them. Returns the row id by reference."""
    ids = {}
    for reference, account, label, amount in rows:
        row = save_changed(
            ReportedCost,
            {"production": production, "reference": reference},
            {"origin": origin, "account": account, "label": label[:300], "amount": amount},
        )
        ids[reference] = row.pk
    stale = ReportedCost.objects.filter(production=production, origin=origin)
    for row in stale.exclude(pk__in=ids.values()):
        row.delete()  # one by one: the history records each removal
    return ids


def reported_costs_from(production: Production, origin: str) -> list[ReportedCost]:
    """What the document ``origin`` added to the ETC."""
    return list(ReportedCost.objects.filter(production=production, origin=origin))
