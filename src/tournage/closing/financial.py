"""Financial side of the closing file: coût définitif against the devis, the ledger and the
financing; who must certify it; the production-account deadline.

The cost report is the budget domain's (``tournage.budget.cost_report``); the figures frozen
in the closing file must equal it and the ledger to the cent (``closing_numbers_reconcile``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from tournage.budget.cost_report import CostReport
from tournage.closing.rules import Trigger, rules
from tournage.common.formatting import format_money
from tournage.referential.registry import CheckResult, Status
from tournage.referential.verdicts import coverage, present, unknown

CLOSING = "data/closing/closing_file.yaml"
CINEMA_FORMATS = ("feature", "short")


@dataclass(frozen=True)
class Certificate:
    auditor: str
    signed_on: date | None
    has_file: bool


@dataclass(frozen=True)
class FinancialInput:
    report: CostReport | None  # cost report of the reference devis (None: no devis)
    report_error: str = ""  # why the reference devis does not compute, when it does not
    financing: tuple[tuple[str, Decimal], ...] = ()  # (financing kind, amount)
    ledger_total: Decimal | None = None  # sum of the expenses as booked
    format: str = ""
    completion: date | None = None
    visa: date | None = None
    frozen_total: Decimal | None = None  # coût définitif as frozen in the closing file
    certificate: Certificate | None = None
    overrun_note: str = ""
    chart_labels: dict[str, str] = field(default_factory=dict)


def certification_triggers(data: FinancialInput) -> list[Trigger]:
    """The rules of ``closing_file.yaml`` that require an auditor for this production."""
    amounts: dict[str, Decimal] = {}
    for kind, amount in data.financing:
        amounts[kind] = amounts.get(kind, Decimal(0)) + amount
    return [
        t
        for t in rules().certification.triggers
        if t.financing_kind in amounts
        and (not t.formats or data.format in t.formats)
        and (t.min_amount is None or amounts[t.financing_kind] >= t.min_amount)
    ]


def certification_needed(data: FinancialInput) -> CheckResult:
    triggers = certification_triggers(data)
    source = f"{CLOSING} financial.cout_definitif.certification"
    if not data.financing:
        return unknown(
            "Aucun plan de financement : impossible de dire si une certification est requise.",
            source=source,
        )
    if not triggers:
        return CheckResult(
            Status.MET,
            "Aucune certification du coût définitif requise par les financements déclarés.",
            source=source,
        )
    names = ", ".join(sorted({t.rule for t in triggers}))
    certified = data.certificate is not None and data.certificate.has_file
    return present(
        certified,
        met=f"Certification requise ({names}) : certificat de {_auditor(data)} joint.",
        not_met=f"Certification du coût définitif requise ({names}) : aucun certificat joint.",
        source=source,
        uncertain=all(t.uncertain for t in triggers),
        value=[t.rule for t in triggers],
        action="Joindre le certificat du commissaire aux comptes au dossier de clôture.",
    )


def _auditor(data: FinancialInput) -> str:
    return data.certificate.auditor if data.certificate and data.certificate.auditor else "?"


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, the month's last day when it has fewer days."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def account_deadline(data: FinancialInput) -> date | None:
    """Production account: completion + 6 months (audiovisual), visa + 8 months (cinema)."""
    account = rules().production_account
    if data.format in CINEMA_FORMATS:
        months = account.cinema_months_after_visa.value
        return add_months(data.visa, int(months)) if data.visa else None
    months = account.audiovisual_months_after_completion.value
    return add_months(data.completion, int(months)) if data.completion else None


def lines_without_actual(report: CostReport) -> list[str]:
    return [f"{r.code} {r.label}" for r in report.accounts if r.budget > 0 and r.actual == 0]


def _financing_total(data: FinancialInput) -> Decimal:
    return sum((amount for _kind, amount in data.financing), Decimal(0))


def financial_failures(data: FinancialInput, report: CostReport) -> list[str]:
    """The lines of ``financial.checks`` that fail (what the data lets tournage run)."""
    failures = []
    missing = lines_without_actual(report)
    if missing:
        failures.append(f"{len(missing)} ligne(s) du devis sans réalisé ({missing[0]}…)")
    if data.ledger_total is not None and data.ledger_total != report.total.actual:
        failures.append(
            f"réalisé {format_money(report.total.actual)} ≠ écritures "
            f"{format_money(data.ledger_total)}"
        )
    if data.financing and _financing_total(data) != report.total.actual:
        failures.append(
            f"financement {format_money(_financing_total(data))} ≠ coût définitif "
            f"{format_money(report.total.actual)}"
        )
    if certification_needed(data).status is Status.NOT_MET:
        failures.append("certificat du coût définitif manquant")
    if account_deadline(data) is None:
        failures.append(
            "date d'achèvement (ou de visa) absente : échéance du compte de production inconnue"
        )
    return failures


FINANCIAL_CHECKS = 5  # the lines financial_failures runs


def _no_report(data: FinancialInput, missing: str) -> CheckResult:
    """A devis that does not compute fails the check; no devis at all leaves it unknown."""
    if data.report_error:
        return CheckResult(
            Status.NOT_MET, f"Le devis ne se calcule pas : {data.report_error}", source=CLOSING
        )
    return unknown(missing, source=CLOSING)


def financial_checks(data: FinancialInput) -> CheckResult:
    if data.report is None:
        return _no_report(data, "Pas de devis de référence : pas de coût définitif.")
    failures = financial_failures(data, data.report)
    return coverage(
        FINANCIAL_CHECKS,
        failures,
        met="Contrôles de clôture financiers passés : chaque ligne a son réalisé, le réalisé "
        "égale les écritures et le financement, certification en ordre, échéance connue.",
        not_met="Contrôles financiers de clôture en échec",
        empty="",
        source=f"{CLOSING} financial.checks",
        uncertain=True,  # the checks list itself is marked uncertain in the data
    )


def final_vs_budget(data: FinancialInput) -> CheckResult:
    if data.report is None:
        return _no_report(data, "Pas de devis de référence.")
    total = data.report.total
    within = total.actual <= total.budget
    return present(
        within or bool(data.overrun_note.strip()),
        met=f"Coût définitif {format_money(total.actual)} pour un devis de "
        f"{format_money(total.budget)}"
        + ("." if within else f" ; dépassement documenté : {data.overrun_note.strip()}"),
        not_met=f"Coût définitif {format_money(total.actual)} au-dessus du devis "
        f"{format_money(total.budget)}, sans justification du dépassement.",
        source="Suivi des coûts (devis de référence)",
        value={"devis": str(total.budget), "final": str(total.actual)},
    )


def post_budget(data: FinancialInput) -> CheckResult:
    if data.report is None:
        return _no_report(data, "Pas de devis de référence.")
    chapters = rules().post_production_chapters
    rows = [r for r in data.report.chapters if r.code in chapters.value]
    if not rows:
        return unknown(
            "Le devis n'a pas de chapitre de post-production.", source=str(chapters.source)
        )
    over = [
        f"{r.code} {r.label} : {format_money(r.actual)} pour {format_money(r.budget)}"
        for r in rows
        if r.actual > r.budget
    ]
    return coverage(
        len(rows),
        over,
        met="Post-production dans son budget : "
        + "; ".join(f"{format_money(r.actual)} pour {format_money(r.budget)}" for r in rows),
        not_met="Post-production au-dessus du budget",
        empty="",
        source=str(chapters.source),
        uncertain=chapters.uncertain,
    )


def money_gaps(data: FinancialInput) -> list[str]:
    """closing total = cost report = ledger (``closing_numbers_reconcile``, money side)."""
    if data.report is None or data.frozen_total is None or data.ledger_total is None:
        return ["coût définitif non figé, devis ou écritures absents"]
    tolerance = rules().reconcile.money_tolerance
    actual = data.report.total.actual
    gaps = []
    if abs(data.frozen_total - actual) > tolerance:
        gaps.append(
            f"coût définitif figé {format_money(data.frozen_total)} ≠ suivi des coûts "
            f"{format_money(actual)}"
        )
    if abs(data.ledger_total - actual) > tolerance:
        gaps.append(
            f"suivi des coûts {format_money(actual)} ≠ écritures {format_money(data.ledger_total)}"
        )
    return gaps


def section(data: FinancialInput) -> dict[str, Any]:
    report = data.report
    deadline = account_deadline(data)
    return {
        "available": report is not None,
        "error": data.report_error,
        "devis_total": str(report.total.budget) if report else None,
        "final_cost": str(report.total.actual) if report else None,
        "frozen_final_cost": str(data.frozen_total) if data.frozen_total is not None else None,
        "ledger_total": str(data.ledger_total) if data.ledger_total is not None else None,
        "chapters": [
            {
                "code": r.code,
                "label": r.label,
                "devis": str(r.budget),
                "final": str(r.actual),
                "difference": str(r.actual - r.budget),
            }
            for r in (report.chapters if report else ())
        ],
        "financing": [{"kind": k, "amount": str(a)} for k, a in data.financing],
        "certification_required": [t.rule for t in certification_triggers(data)],
        "certificate": None
        if data.certificate is None
        else {
            "auditor": data.certificate.auditor,
            "signed_on": data.certificate.signed_on.isoformat()
            if data.certificate.signed_on
            else None,
            "attached": data.certificate.has_file,
        },
        "production_account_due": deadline.isoformat() if deadline else None,
        "overrun_note": data.overrun_note,
    }
