"""Referential checks answered by the devis, the cost report and the financing plan."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db.models import Max, Sum
from django.utils import timezone

from tournage.budget.coverage import (
    BREAKDOWN_ACCOUNTS,
    TRACKING,
    accessibility_lines,
    categories_without_lines,
    expense_gaps,
    stale_days,
)
from tournage.budget.document import ProductionBudget
from tournage.budget.eligibility import (
    ELIGIBLE,
    NOT_ELIGIBLE,
    cross_cutting_conditions,
    match_aids,
)
from tournage.budget.errors import BudgetError
from tournage.budget.report import analyse, profile_with_budget
from tournage.budget.tax_credit import estimate
from tournage.common.formatting import format_date, format_money, format_percent
from tournage.referential.registry import (
    CheckResult,
    Evidence,
    Status,
    register_check,
    shared,
)
from tournage.referential.verdicts import coverage, listing, present, unknown
from tournage.web.productions.api import production_url
from tournage.web.productions.models import Production

from .adapters import production_budget, reference_version
from .models import Commitment, Expense

NO_DEVIS = "Aucun devis : le budget n'est pas encore saisi."
AID_CRITERIA = "budget/aid_criteria.yaml (funding_sources.yaml, RGA du CNC)"
PUBLIC_KINDS = ("cnc_automatic", "cnc_selective", "regional")


def _page(production: Production, name: str, label: str) -> Evidence:
    return Evidence(label, production_url(f"budget:{name}", production))


def _with_budget(
    check: Callable[[Production, ProductionBudget], CheckResult],
) -> Callable[[Production], CheckResult]:
    """Unknown without a devis; a devis the core refuses is reported, never passed."""

    def run(production: Production) -> CheckResult:
        document = production_budget(production)
        if document is None:
            return unknown(NO_DEVIS)
        try:
            return check(production, document)
        except BudgetError as error:
            return CheckResult(Status.NOT_MET, f"Le devis ne se calcule pas : {error.message}")

    run.__name__ = check.__name__
    return run


def _analysed(document: ProductionBudget) -> Any:
    return shared(("budget.analyse", id(document)), lambda: analyse(document))


def _accounts(production: Production) -> list[str]:
    version = reference_version(production)
    return [] if version is None else list(version.lines.values_list("account", flat=True))


@register_check("c1_2_2.devis_balanced_with_breakdown")
@_with_budget
def devis_balanced_with_breakdown(production: Production, document: Any) -> CheckResult:
    from tournage.web.screenplay.api import breakdown_categories

    categories = (
        breakdown_categories(production) if apps.is_installed("tournage.web.screenplay") else None
    )
    if not categories:
        return unknown("Aucun élément de dépouillement : rien à rapprocher du devis.")
    table = BREAKDOWN_ACCOUNTS.load().categories
    used = [c for c in categories if table.get(c)]
    return coverage(
        len(used),
        categories_without_lines(used, _accounts(production)),
        met=f"Chacune des {len(used)} catégories du dépouillement a une ligne au devis.",
        not_met="Catégories du dépouillement sans ligne au devis",
        empty="Le dépouillement n'a aucune catégorie de dépense.",
        source=BREAKDOWN_ACCOUNTS.load().source,
        evidence=(_page(production, "index", "Devis"),),
    )


@register_check("c1_2_3.budget_within_envelope")
@_with_budget
def budget_within_envelope(production: Production, document: Any) -> CheckResult:
    envelope = production.budget_envelope
    if envelope is None:
        return unknown("L'enveloppe budgétaire de la production n'est pas renseignée.")
    total = _analysed(document)[0].total
    return present(
        total <= envelope,
        met=f"Devis {format_money(total)} dans l'enveloppe de {format_money(envelope)}.",
        not_met=f"Devis {format_money(total)} au-delà de l'enveloppe de "
        f"{format_money(envelope)} (+{format_money(total - envelope)}).",
        source="Enveloppe budgétaire de la production",
        evidence=(_page(production, "index", "Devis"),),
        value={"total": total, "envelope": envelope},
    )


def _targeted(document: ProductionBudget) -> list[str]:
    return [s.aid_id for s in document.financing.sources if s.aid_id]


@register_check("c2_1_1.eligibility_screen")
@_with_budget
def eligibility_screen(production: Production, document: Any) -> CheckResult:
    targeted = _targeted(document)
    if not targeted:
        return unknown("Aucune aide visée dans le plan de financement (identifiant d'aide).")
    total = _analysed(document)[0].total
    verdicts = {v.aid: v for v in match_aids(profile_with_budget(document.profile, total))}
    screened = [verdicts[a] for a in targeted if a in verdicts]
    refused = [v.name for v in screened if v.status == NOT_ELIGIBLE]
    to_check = [v.name for v in screened if v.status not in (ELIGIBLE, NOT_ELIGIBLE)]
    status = Status.NOT_MET if refused else Status.PARTLY if to_check else Status.MET
    message = {
        Status.MET: f"Conditions connues remplies pour {len(screened)} aide(s) visée(s).",
        Status.PARTLY: f"Conditions à vérifier : {listing(to_check)}.",
        Status.NOT_MET: f"Aides visées non éligibles : {listing(refused)}.",
    }[status]
    return CheckResult(
        status,
        message,
        (_page(production, "financing", "Plan de financement et aides"),),
        {v.aid: v.status for v in screened},
        AID_CRITERIA,
    )


@register_check("c2_1_1.plan_balanced")
@_with_budget
def plan_balanced(production: Production, document: Any) -> CheckResult:
    if not document.financing.sources:
        return unknown("Le plan de financement est vide.")
    totals, _, financing = _analysed(document)
    return present(
        financing.gap == 0,
        met=f"Plan de financement égal au devis ({format_money(totals.total)}).",
        not_met=f"Écart entre devis et financement : {format_money(financing.gap)}.",
        source="Plan de financement",
        evidence=(_page(production, "financing", "Plan de financement"),),
        value={"gap": financing.gap},
    )


@register_check("c2_1_1.aid_intensity")
@_with_budget
def aid_intensity(production: Production, document: Any) -> CheckResult:
    financing = _analysed(document)[2]
    ceiling = financing.ceiling
    if ceiling is None or financing.public_share is None:
        return unknown("Pas de plafond d'aides publiques connu pour ce format.")
    return present(
        not financing.over_ceiling,
        met=f"Aides publiques {format_percent(financing.public_share)}, plafond "
        f"{format_percent(ceiling.percent)}.",
        not_met=f"Aides publiques {format_percent(financing.public_share)} au-delà du plafond "
        f"de {format_percent(ceiling.percent)} ({ceiling.rule}).",
        source=ceiling.source,
        evidence=(_page(production, "financing", "Plan de financement"),),
        value={"share": financing.public_share, "ceiling": ceiling.percent},
    )


@register_check("c2_1_1.tax_credit_estimate")
@_with_budget
def tax_credit_estimate(production: Production, document: Any) -> CheckResult:
    profile = document.profile
    credit = estimate(
        _analysed(document)[0],
        profile.format,
        profile.genre,
        profile.flags.get("french_language"),
        document.duration_minutes,
    )
    if credit is None:
        return unknown("Aucun crédit d'impôt ne couvre ce format.")
    return CheckResult(
        Status.MET,
        f"{credit.name} estimé à {format_money(credit.amount)} "
        f"({format_percent(credit.rate_percent)} de {format_money(credit.eligible_base)}).",
        (_page(production, "financing", "Plan de financement"),),
        {"amount": credit.amount, "rate_percent": credit.rate_percent},
        "budget/tax_credits.yaml",
        credit.uncertain,
    )


@register_check("c2_3_2.expense_has_receipt")
def expense_has_receipt(production: Production) -> CheckResult:
    expenses = list(Expense.objects.filter(production=production))
    accounts = _accounts(production)
    failing = []
    for expense in expenses:
        gaps = expense_gaps(bool(expense.receipt), expense.account, accounts)
        if gaps:
            name = expense.label or expense.supplier
            failing.append(f"{format_date(expense.date, 'short')} {name} ({', '.join(gaps)})")
    receipts = [
        Evidence(f"Justificatif {e}", file=e.receipt.name or "") for e in expenses if e.receipt
    ]
    return coverage(
        len(expenses),
        failing,
        met=f"Les {len(expenses)} dépenses ont un justificatif et une ligne du devis.",
        not_met="Dépenses sans justificatif ou hors devis",
        empty="Aucune dépense saisie.",
        source="Suivi des dépenses (justificatifs joints)",
        evidence=(_page(production, "costs", "Suivi des coûts"), *receipts),
        action="Joindre le justificatif de chaque dépense et l'imputer à une ligne du devis.",
    )


@register_check("c2_3_2.overrun_alert")
@_with_budget
def overrun_alert(production: Production, document: Any) -> CheckResult:
    alerts = _analysed(document)[1].alerts
    return present(
        not alerts,
        met="Aucun poste n'est estimé au-delà de son budget à terminaison.",
        not_met="Dépassements prévus : " + " ; ".join(a.message for a in alerts[:5]),
        source="Suivi des coûts (estimé à terminaison)",
        evidence=(_page(production, "costs", "Suivi des coûts"),),
        value=len(alerts),
    )


@register_check("crit_b2_funding_identified.at_least_one_public_and_broadcaster")
@_with_budget
def at_least_one_public_and_broadcaster(production: Production, document: Any) -> CheckResult:
    kinds = {s.kind for s in document.financing.sources}
    if not kinds:
        return unknown("Le plan de financement est vide.")
    missing = [
        label
        for label, wanted in (
            ("CNC ou région", PUBLIC_KINDS),
            ("diffuseur", ("broadcaster_presale",)),
        )
        if not kinds & set(wanted)
    ]
    return coverage(
        2,
        missing,
        met="Le plan considère une aide publique (CNC ou région) et un diffuseur.",
        not_met="Sources absentes du plan",
        empty="",
        source="budget/financing_kinds.yaml",
        evidence=(_page(production, "financing", "Plan de financement"),),
    )


@register_check("crit_b2_funding_identified.conditions_met")
@_with_budget
def conditions_met(production: Production, document: Any) -> CheckResult:
    targeted = set(_targeted(document))
    conditions = [
        c
        for c in cross_cutting_conditions()
        if targeted & set(c.applies_to) and document.profile.genre in c.genres
    ]
    if not conditions:
        return unknown("Aucune aide visée n'a de condition transversale suivie.")
    flags = document.profile.flags
    failing = [c.reason for c in conditions if flags.get(c.criterion.flag or "") is not True]
    return coverage(
        len(conditions),
        failing,
        met=f"{len(conditions)} condition(s) transversale(s) remplie(s) d'après les données.",
        not_met="Conditions non remplies",
        empty="",
        source=AID_CRITERIA,
        evidence=(_page(production, "financing", "Plan de financement et aides"),),
    )


@register_check("crit_b2_realtime_budget_tracking.cost_report_freshness")
def cost_report_freshness(production: Production) -> CheckResult:
    history = Expense.history.filter(production_id=production.pk)
    last = history.aggregate(last=Max("history_date"))["last"]
    rule = TRACKING.load()
    if last is None:
        return unknown("Aucune dépense saisie : le suivi n'a pas commencé.")
    today = timezone.localdate()
    if production.shoot_start is None or today < production.shoot_start:
        return present(
            True,
            met="Tournage pas encore commencé : la fraîcheur du suivi n'est pas encore exigée.",
            not_met="",
            source=rule.source,
            uncertain=rule.cost_report_max_age_days.uncertain,
        )
    late = stale_days(timezone.localdate(last), today)
    return present(
        late is None,
        met=f"Dernière dépense saisie le {format_date(timezone.localdate(last))}.",
        not_met=f"Aucune dépense saisie depuis le {format_date(timezone.localdate(last))} "
        f"({late} jour(s) de retard).",
        source=rule.source,
        evidence=(_page(production, "costs", "Suivi des coûts"),),
        uncertain=rule.cost_report_max_age_days.uncertain,
    )


@register_check("crit_b2_realtime_budget_tracking.cost_report_reconciles")
@_with_budget
def cost_report_reconciles(production: Production, document: Any) -> CheckResult:
    total = _analysed(document)[1].total
    spent = Expense.objects.filter(production=production).aggregate(s=Sum("amount_ht"))["s"]
    committed = Commitment.objects.filter(production=production).aggregate(s=Sum("amount"))["s"]
    spent, committed = spent or Decimal(0), committed or Decimal(0)
    gaps = [
        f"{label} {format_money(report)} au lieu de {format_money(ledger)}"
        for label, report, ledger in (
            ("réalisé", total.actual, spent),
            ("engagé", total.committed, committed),
        )
        if report != ledger
    ]
    return present(
        not gaps,
        met=f"Suivi des coûts égal aux écritures : réalisé {format_money(spent)}, "
        f"engagé {format_money(committed)}.",
        not_met="Le suivi des coûts ne reprend pas toutes les écritures : " + " ; ".join(gaps),
        source="Dépenses et engagements saisis",
        evidence=(_page(production, "costs", "Suivi des coûts"),),
    )


@register_check("crit_b2_realtime_budget_tracking.export_available")
@_with_budget
def export_available(production: Production, document: Any) -> CheckResult:
    return present(
        True,
        met="Le suivi des coûts s'exporte en XLSX et en PDF.",
        not_met="",
        source="Exports du budget",
        evidence=tuple(
            Evidence(f"Export {fmt.upper()}", production_url("budget:export", production, fmt=fmt))
            for fmt in ("xlsx", "pdf")
        ),
    )


@register_check("crit_b1_accessibility_universal_design.accessibility_budgeted")
@_with_budget
def accessibility_budgeted(production: Production, document: Any) -> CheckResult:
    count = accessibility_lines(_accounts(production))
    codes = ", ".join(BREAKDOWN_ACCOUNTS.load().accessibility_accounts)
    return present(
        count > 0,
        met=f"{count} ligne(s) d'accessibilité au devis (poste {codes}).",
        not_met=f"Aucune ligne d'accessibilité au devis (poste {codes} : sous-titrage SME, "
        "audiodescription).",
        source=BREAKDOWN_ACCOUNTS.load().source,
        evidence=(_page(production, "index", "Devis"),),
        value=count,
    )
