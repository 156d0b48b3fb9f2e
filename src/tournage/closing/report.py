"""The closing file: its four sections, its checks, and whether its numbers reconcile.

``build`` takes what the other domains hold (cost report and ledger, contracts, footprints,
the register) and returns the document the CLI prints as JSON and the PDF/XLSX show.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from tournage.closing import environmental, financial, legal
from tournage.closing.delivery_checks import REGISTER_CHECKS
from tournage.closing.environmental import CarbonInput
from tournage.closing.financial import FinancialInput
from tournage.closing.legal import LegalInput
from tournage.closing.register import DestinationStatus
from tournage.closing.rules import OUTLINE
from tournage.referential.registry import CheckResult
from tournage.referential.verdicts import present

RECONCILE_SOURCE = "criteria.yaml crit_b4_project_review.closing_numbers_reconcile"


@dataclass(frozen=True)
class ClosingInput:
    title: str
    today: date
    financial: FinancialInput
    legal: LegalInput
    carbon: CarbonInput
    destinations: tuple[DestinationStatus, ...] = ()
    closed_on: date | None = None


def reconcile_gaps(data: ClosingInput) -> list[str]:
    return [*financial.money_gaps(data.financial), *environmental.carbon_gaps(data.carbon)]


def closing_numbers_reconcile(data: ClosingInput) -> CheckResult:
    gaps = reconcile_gaps(data)
    return present(
        not gaps,
        met="Les chiffres de clôture égalent le suivi des coûts, les écritures et la somme "
        "des activités carbone réelles.",
        not_met="Chiffres de clôture non rapprochés : " + " ; ".join(gaps),
        source=RECONCILE_SOURCE,
    )


def missing_sections(data: ClosingInput) -> list[str]:
    missing = []
    if data.financial.report is None:
        missing.append("financier (pas de devis ni de coût définitif)")
    if not data.legal.contracts:
        missing.append("juridique (aucun contrat)")
    if not data.carbon.actual:
        missing.append("environnemental (pas d'empreinte réelle)")
    return missing


def closing_sections_present(data: ClosingInput) -> CheckResult:
    missing = missing_sections(data)
    return present(
        not missing,
        met="Volets financier, juridique et environnemental remplis.",
        not_met="Volets vides : " + ", ".join(missing),
        source="data/closing/closing_file.yaml closing_file_outline",
    )


ClosingCheck = Callable[[ClosingInput], CheckResult]
CLOSING_CHECKS: dict[str, ClosingCheck] = {
    "closing_financial_checks": lambda d: financial.financial_checks(d.financial),
    "certification_needed": lambda d: financial.certification_needed(d.financial),
    "final_vs_budget": lambda d: financial.final_vs_budget(d.financial),
    "post_budget": lambda d: financial.post_budget(d.financial),
    "contracts_closed": lambda d: legal.contracts_closed(d.legal),
    "final_footprint_present": lambda d: environmental.final_footprint_present(d.carbon),
    "forecast_final_delta": lambda d: environmental.forecast_final_delta(d.carbon),
    "ecoprod_score": lambda d: environmental.ecoprod_score(d.carbon),
    "closing_sections_present": closing_sections_present,
    "closing_numbers_reconcile": closing_numbers_reconcile,
}


def all_checks(data: ClosingInput) -> list[tuple[str, CheckResult]]:
    closing = [(key, check(data)) for key, check in CLOSING_CHECKS.items()]
    register = [(key, check(data.destinations)) for key, check in REGISTER_CHECKS.items()]
    return closing + register


def accessibility_section(destinations: Sequence[DestinationStatus]) -> list[dict[str, Any]]:
    """What was delivered for deaf and blind audiences, per destination (version)."""
    rows = []
    for destination in destinations:
        delivered = {s.item.kind for s in destination.items if s.item.delivered}
        rows.append(
            {
                "destination": destination.name,
                "sme": "sme" in delivered,
                "audio_description": "audio_description" in delivered,
            }
        )
    return rows


def check_document(key: str, result: CheckResult) -> dict[str, Any]:
    return {
        "id": key,
        "status": result.status.value,
        "message": result.message,
        "source": result.source,
        "uncertain": result.uncertain,
    }


def build(data: ClosingInput) -> dict[str, Any]:
    checks = all_checks(data)
    return {
        "title": data.title,
        "date": data.today.isoformat(),
        "closed_on": data.closed_on.isoformat() if data.closed_on else None,
        "outline": [{"id": s.id, "content": s.content} for s in OUTLINE.load().sections],
        "financial": financial.section(data.financial),
        "legal": legal.section(data.legal, data.today),
        "environmental": environmental.section(data.carbon),
        "accessibility": accessibility_section(data.destinations),
        "checks": [check_document(key, result) for key, result in checks],
        "reconciled": not reconcile_gaps(data),
    }
