"""Referential checks answered by the teams: contracts, working time, risks, accessibility.

The app also declares its sensitive records (accommodation needs, inclusion answers) to
the foundation, for the check ``sensitive_data_consent``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from django.apps import apps

from tournage.common.findings import Finding, Severity
from tournage.labor.calendar import needs_child_authorisation
from tournage.labor.errors import LaborError
from tournage.referential.registry import (
    CheckResult,
    Evidence,
    Status,
    register_check,
    shared,
)
from tournage.referential.verdicts import coverage, present, unknown
from tournage.web.productions.api import SensitiveRecords, production_url, register_sensitive_data
from tournage.web.productions.models import Production

from . import services
from .models import AccommodationNeed, Contract, ContractStatus, InclusionDeclaration, Risk

MENTION_CODES = (
    "LAB-OBJECT-VAGUE",
    "LAB-CONGES-NUMBER",
    "LAB-DATES-ORDER",
    "LAB-DATES-UNCOVERED",
    "LAB-FUNCTION-UNKNOWN",
)
TIME_PREFIXES = ("LAB-DAY", "LAB-REST", "LAB-WEEK", "LAB-PAUSE", "LAB-DAYS", "LAB-MINOR-D")
NO_CONTRACT = "Aucun contrat saisi."


def _needs(production: Production) -> SensitiveRecords:
    rows = AccommodationNeed.objects.filter(production=production)
    return SensitiveRecords(
        "besoins d'aménagement", rows.count(), rows.filter(consent=False).count()
    )


def _inclusion(production: Production) -> SensitiveRecords:
    rows = InclusionDeclaration.objects.filter(production=production)
    return SensitiveRecords(
        "questionnaire inclusion", rows.count(), rows.filter(opted_in=False).count()
    )


register_sensitive_data(_needs)
register_sensitive_data(_inclusion)


def _page(production: Production, name: str, label: str) -> Evidence:
    return Evidence(label, production_url(f"labor:{name}", production))


def _contract_check(
    production: Production,
    failing: Callable[[Contract, list[Finding]], Iterable[Finding]],
    *,
    met: str,
    not_met: str,
    source: str,
    contracts: list[Contract] | None = None,
) -> CheckResult:
    """Every contract (or ``contracts``) against the findings ``failing`` keeps."""
    rows = contracts if contracts is not None else _contracts(production)
    if not rows:
        return unknown(NO_CONTRACT)
    bad, uncertain = [], []
    every = shared(
        ("labor.contract_findings", production.pk, tuple(c.pk for c in rows)),
        partial(services.contracts_findings, production, rows),
    )
    for contract in rows:
        found = list(failing(contract, every[contract.pk]))
        if found:
            bad.append(f"{contract.person} ({found[0].message})")
            uncertain.append(all(f.severity is not Severity.FAIL for f in found))
    result = coverage(
        len(rows),
        bad,
        met=met,
        not_met=not_met,
        empty=NO_CONTRACT,
        source=source,
        evidence=(_page(production, "index", "Contrats"),),
        uncertain=bool(uncertain) and all(uncertain),
    )
    return result


def _contracts(production: Production) -> list[Contract]:
    return shared(
        ("labor.contracts", production.pk),
        lambda: list(Contract.objects.filter(production=production).select_related("person")),
    )


def _codes(*codes: str) -> Callable[[Contract, list[Finding]], list[Finding]]:
    return lambda contract, findings: [f for f in findings if f.code in codes]


@register_check("c2_3_1.risky_scene_has_measures")
def risky_scene_has_measures(production: Production) -> CheckResult:
    register = {(r.scene, r.code): r for r in Risk.objects.filter(production=production)}
    flagged = {(f.scene, f.code) for f in services.breakdown_flags(production)}
    keys = sorted(flagged | set(register))
    failing = []
    for scene, code in keys:
        risk = register.get((scene, code))
        if risk is None:
            failing.append(f"scène {scene} : {code} hors registre")
        elif not (risk.measures.strip() and risk.owner.strip()):
            failing.append(f"scène {scene} : {risk.label} sans mesure ou responsable")
    return coverage(
        len(keys),
        failing,
        met=f"Les {len(keys)} risques des scènes ont des mesures et un responsable.",
        not_met="Risques sans mesure de prévention",
        empty="Aucune scène à risque signalée ni inscrite au registre.",
        source="data/labor/safety.yaml et risk_measures.yaml (Code du travail L.4121-1)",
        evidence=(_page(production, "risks", "Registre des risques"),),
    )


@register_check("c2_3_2.contract_to_commitment")
def contract_to_commitment(production: Production) -> CheckResult:
    signed = [c for c in _contracts(production) if c.status == ContractStatus.SIGNED]
    if not signed:
        return unknown("Aucun contrat signé.")
    if not apps.is_installed("tournage.web.budget"):
        return unknown("Le budget n'est pas installé : aucun engagement à rapprocher.")
    from tournage.web.budget.api import commitment_references

    booked = commitment_references(production)
    return coverage(
        len(signed),
        [str(c.person) for c in signed if f"contrat-{c.pk}" not in booked],
        met=f"Les {len(signed)} contrats signés sont engagés au budget.",
        not_met="Contrats signés sans engagement au budget",
        empty="",
        source="Contrats signés et engagements du suivi des coûts",
        evidence=(
            _page(production, "index", "Contrats"),
            Evidence("Suivi des coûts", production_url("budget:costs", production)),
        ),
        action="Rattacher chaque personne à sa ligne du devis puis enregistrer la signature.",
    )


@register_check("crit_b2_location_accessibility.needs_matched")
def needs_matched(production: Production) -> CheckResult:
    needs = AccommodationNeed.objects.filter(production=production, consent=True)
    if not needs.exists():
        return unknown("Aucun besoin d'aménagement déclaré (avec consentement).")
    findings = services.accessibility(production)
    unmet = [f.message for f in findings if f.code == "LAB-ACCESS-UNMET"]
    open_items = [f.message for f in findings if f.code == "LAB-ACCESS-UNKNOWN"]
    status = Status.NOT_MET if unmet else Status.PARTLY if open_items else Status.MET
    message = {
        Status.MET: "Chaque besoin déclaré est couvert par les lieux des jours concernés.",
        Status.PARTLY: "À vérifier sur place : " + " ; ".join(open_items[:3]),
        Status.NOT_MET: "Besoins non couverts : " + " ; ".join(unmet[:3]),
    }[status]
    return CheckResult(
        status,
        message,
        (_page(production, "accessibility", "Accessibilité des lieux"),),
        {"unmet": len(unmet), "to_check": len(open_items)},
        "data/labor/accessibility_checklist.yaml",
    )


@register_check("c3_1.cddu_mentions")
def cddu_mentions(production: Production) -> CheckResult:
    return _contract_check(
        production,
        _codes(*MENTION_CODES),
        met="Chaque contrat porte objet, dates, fonction et mentions obligatoires.",
        not_met="Contrats aux mentions incomplètes",
        source="data/labor/cddu_mentions.yaml (Code du travail L.1242-12, conventions)",
    )


@register_check("c3_1.minimum_pay")
def minimum_pay(production: Production) -> CheckResult:
    return _contract_check(
        production,
        _codes("LAB-PAY-BELOW-MIN", "LAB-PAY-MIN-UNKNOWN"),
        met="Chaque rémunération atteint le minimum conventionnel de la fonction.",
        not_met="Rémunérations sous le minimum ou minimum inconnu",
        source="data/labor/minima_idcc2642.yaml, minima_idcc3097.yaml",
    )


@register_check("c3_1.contract_delivery_deadline")
def contract_delivery_deadline(production: Production) -> CheckResult:
    return _contract_check(
        production,
        _codes("LAB-DELIVERY-LATE"),
        met="Chaque contrat a été remis dans le délai légal.",
        not_met="Contrats remis en retard",
        source="Code du travail L.1242-13 (data/labor/cddu_mentions.yaml)",
    )


@register_check("crit_b3_contracts_compliant.all_contracts_validated")
def all_contracts_validated(production: Production) -> CheckResult:
    return _contract_check(
        production,
        lambda contract, findings: [f for f in findings if f.severity is Severity.FAIL],
        met="Tous les contrats passent les contrôles (mentions, minima, délais).",
        not_met="Contrats en erreur",
        source="data/labor (mentions, minima, délais)",
    )


@register_check("crit_b3_contracts_compliant.minors_authorisation")
def minors_authorisation(production: Production) -> CheckResult:
    children = [
        c for c in _contracts(production) if needs_child_authorisation(c.person.birth_date, c.start)
    ]
    if not children and _contracts(production):
        return present(
            True,
            met="Aucun enfant de moins de 16 ans sous contrat.",
            not_met="",
            source="Code du travail L.7124-1 (data/labor/child_actors.yaml)",
        )
    return _contract_check(
        production,
        _codes("LAB-MINOR-AUTHORISATION"),
        met="Chaque enfant sous contrat a son autorisation préfectorale référencée.",
        not_met="Enfants sans autorisation préfectorale",
        source="Code du travail L.7124-1 (data/labor/child_actors.yaml)",
        contracts=children,
    )


@register_check("crit_b3_health_safety.working_time_compliance")
def working_time_compliance(production: Production) -> CheckResult:
    if not production.labor_timesheets.exists():
        return unknown("Aucune feuille de temps : ni planning importé ni heures réelles.")
    try:
        findings, _ = services.compliance(production)
    except LaborError as error:
        return CheckResult(Status.UNKNOWN, str(error))
    breaches = [f for f in findings if f.code.startswith(TIME_PREFIXES)]
    errors = [f for f in breaches if f.severity is Severity.FAIL]
    return present(
        not breaches,
        met="Aucun dépassement des durées maximales ni manque de repos.",
        not_met=f"{len(breaches)} écart(s) au temps de travail : "
        + " ; ".join(f.message for f in breaches[:3]),
        source="data/labor/working_time.yaml (Code du travail, IDCC 2642 et 3097)",
        evidence=(_page(production, "compliance", "Conformité du temps de travail"),),
        value={"breaches": len(breaches), "errors": len(errors)},
        uncertain=bool(breaches) and not errors,
    )
