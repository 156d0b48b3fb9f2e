"""Legal side of the closing file: contracts closed with final pay, rights expiring,
insurance closed, conservation of the elements.

Contracts are the labor domain's; rights come from the rights app when it is installed
(``None`` here means "not available", shown as such, never as a pass).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from tournage.closing.rules import rules
from tournage.referential.registry import CheckResult
from tournage.referential.verdicts import coverage

CLOSING = "data/closing/closing_file.yaml legal.contracts_status"


@dataclass(frozen=True)
class ContractLine:
    id: int
    person: str
    function: str
    status: str  # draft | sent | signed | ended (labor.ContractStatus)
    status_label: str
    end: date | None
    final_pay_settled: bool
    documents_handed: bool


@dataclass(frozen=True)
class RightLine:
    label: str
    expires: date | None


@dataclass(frozen=True)
class LegalInput:
    contracts: tuple[ContractLine, ...] = ()
    rights: tuple[RightLine, ...] | None = None  # None: the rights app is not available
    insurance_closed: bool = False
    conservation: str = ""
    # authors whose yearly statement is due or unscheduled; None: the rights app is absent
    statements_due: tuple[tuple[str, date | None], ...] | None = None


def open_reasons(contract: ContractLine) -> list[str]:
    reasons = []
    if contract.status != "ended":
        reasons.append(f"statut « {contract.status_label} »")
    if not contract.final_pay_settled:
        reasons.append("solde non réglé")
    if not contract.documents_handed:
        reasons.append("documents de fin de contrat non remis")
    return reasons


def contracts_closed(data: LegalInput) -> CheckResult:
    still_open = [
        f"{c.person} ({', '.join(reasons)})" for c in data.contracts if (reasons := open_reasons(c))
    ]
    return coverage(
        len(data.contracts),
        still_open,
        met=f"Les {len(data.contracts)} contrats sont terminés, soldés et leurs documents remis.",
        not_met="Contrats non clos",
        empty="Aucun contrat de travail enregistré : rien à clore ou équipe non saisie.",
        source=f"{CLOSING} ; {rules().contract_closure.get('ref', '')}",
    )


def section(data: LegalInput, today: date) -> dict[str, Any]:
    return {
        "contracts": [
            {
                "id": c.id,
                "person": c.person,
                "function": c.function,
                "status": c.status,
                "status_label": c.status_label,
                "end": c.end.isoformat() if c.end else None,
                "final_pay_settled": c.final_pay_settled,
                "documents_handed": c.documents_handed,
                "open": open_reasons(c),
            }
            for c in data.contracts
        ],
        "rights": None
        if data.rights is None
        else [
            {
                "label": r.label,
                "expires": r.expires.isoformat() if r.expires else None,
                "expired": r.expires is not None and r.expires < today,
            }
            for r in sorted(data.rights, key=lambda r: r.expires or date.max)
        ],
        "rights_available": data.rights is not None,
        "author_statements_due": None
        if data.statements_due is None
        else [
            {"author": author, "due": due.isoformat() if due else None}
            for author, due in data.statements_due
        ],
        "insurance_closed": data.insurance_closed,
        "conservation": data.conservation,
    }
