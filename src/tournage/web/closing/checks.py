"""Referential checks answered by the closing app: the register, the marketing set, the
closing file, and the QC outcomes a broadcaster signs (read through delivery's api)."""

from __future__ import annotations

from django.utils import timezone

from tournage.closing.delivery_checks import REGISTER_CHECKS, Outcome, qc_outcomes
from tournage.closing.report import CLOSING_CHECKS
from tournage.closing.rules import rules
from tournage.referential.registry import CheckResult, Evidence, register_check
from tournage.referential.verdicts import coverage, unknown
from tournage.web.delivery import api as delivery_api
from tournage.web.productions.api import production_url
from tournage.web.productions.models import Production

from . import services

PROFILES = "data/delivery/qc_profiles.yaml"
NO_QC = "Aucun master contrôlé avec ce contrôle (profil qui ne le demande pas ou pas de QC)."


def _page(production: Production, name: str, label: str) -> tuple[Evidence, ...]:
    return (Evidence(label, production_url(f"closing:{name}", production)),)


def _with_evidence(result: CheckResult, evidence: tuple[Evidence, ...]) -> CheckResult:
    return CheckResult(
        result.status,
        result.message,
        evidence,
        result.value,
        result.source,
        result.uncertain,
        result.action,
    )


def _closing_check(key: str) -> None:
    def evaluate(production: Production) -> CheckResult:
        data = services.shared_input(production, timezone.localdate())
        result = CLOSING_CHECKS[key](data)
        return _with_evidence(result, _page(production, "report", "Dossier de clôture"))

    evaluate.__name__ = key
    register_check(key)(evaluate)


def _register_check(key: str) -> None:
    def evaluate(production: Production) -> CheckResult:
        statuses = services.shared_statuses(production, timezone.localdate())
        result = REGISTER_CHECKS[key](statuses)
        return _with_evidence(result, _page(production, "index", "Registre de livraison"))

    evaluate.__name__ = key
    register_check(key)(evaluate)


for _key in CLOSING_CHECKS:
    _closing_check(_key)
for _key in REGISTER_CHECKS:
    _register_check(_key)


def _outcomes(production: Production, *check_ids: str) -> list[Outcome]:
    return [
        Outcome(o.deliverable, o.status, o.message)
        for check_id in check_ids
        for o in delivery_api.latest_check_outcomes(production, check_id)
    ]


def _qc(production: Production, check_ids: tuple[str, ...], met: str, not_met: str) -> CheckResult:
    return qc_outcomes(
        _outcomes(production, *check_ids), met=met, not_met=not_met, empty=NO_QC, source=PROFILES
    )


@register_check("crit_b4_mix_duration.av_same_duration")
def av_same_duration(production: Production) -> CheckResult:
    return _qc(
        production,
        ("av_duration",),
        "Pistes son et image de même durée, synchrones à une image près.",
        "Durées son/image différentes",
    )


@register_check("crit_b4_edit_accessibility_rgaa.captions_kind")
def captions_kind(production: Production) -> CheckResult:
    return _qc(
        production,
        ("captions_kind",),
        "La piste SME est signalée comme sous-titres pour sourds et malentendants.",
        "Piste SME non signalée (kind captions / rôle TTML)",
    )


@register_check("crit_b4_edit_accessibility_rgaa.flashes")
def flashes(production: Production) -> CheckResult:
    return _qc(
        production,
        ("flashes",),
        "Aucun flash au-delà des seuils UIT-R BT.1702 (plus de trois par seconde).",
        "Flashs au-delà des seuils BT.1702",
    )


@register_check("crit_b4_mix_duration.duration_within_tolerance")
def duration_within_tolerance(production: Production) -> CheckResult:
    return _qc(
        production,
        ("duration",),
        "Durée de chaque livrable dans la tolérance demandée.",
        "Durées hors tolérance",
    )


@register_check("crit_b4_grading_format.format_matches_brief")
def format_matches_brief(production: Production) -> CheckResult:
    return _qc(
        production,
        tuple(rules().format_checks),
        "Résolution, cadence, format d'image et colorimétrie égaux à ceux demandés.",
        "Format du master différent de la demande",
    )


@register_check("c4_1_3b.marketing_set_complete")
def marketing_set_complete(production: Production) -> CheckResult:
    sets = [s for s in services.marketing_status(production) if s.asked]
    if not sets:
        return unknown("Aucune destination n'attend de pièces marketing (registre vide).")
    missing = [f"{s.destination} : {', '.join(s.missing)}" for s in sets if s.missing]
    return coverage(
        len(sets),
        missing,
        met="Jeu marketing complet pour chaque destination qui le demande.",
        not_met="Pièces marketing manquantes",
        empty="",
        source=rules().marketing.source,
        evidence=_page(production, "marketing", "Jeu marketing"),
        uncertain=True,  # the destination lists are uncertain in the data (check level warn)
    )
