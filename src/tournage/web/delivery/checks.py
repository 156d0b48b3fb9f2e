"""Referential checks answered by the QC of the masters (latest finished run per deliverable)."""

from __future__ import annotations

from typing import Any, cast

from django.core.cache import cache

from tournage.delivery.conformance import Conformance, fingerprint, self_test
from tournage.referential.registry import CheckResult, Evidence, register_check
from tournage.referential.verdicts import coverage, present, unknown
from tournage.web.productions.api import production_url
from tournage.web.productions.models import Production

from .models import Deliverable, DeliverableKind, QCRun, QCStatus

PROFILES = "data/delivery/qc_profiles.yaml et pad_profiles.yaml"
LOUDNESS = ("integrated_loudness", "true_peak")
FRENCH_PAD = ("pad-hd-fr", "arte")
NO_QC = "Aucun master contrôlé : pas de livrable avec un contrôle qualité terminé."


def _latest_runs(production: Production, **filters: Any) -> list[tuple[Deliverable, QCRun]]:
    rows = []
    for deliverable in Deliverable.objects.filter(production=production, **filters):
        run = (
            deliverable.qc_runs.filter(status=QCStatus.DONE).order_by("-created_at", "-pk").first()
        )
        if run is not None and run.report:
            rows.append((deliverable, run))
    return rows


def _report(run: QCRun) -> dict[str, Any]:
    report: dict[str, Any] = run.report or {}
    return report


def _evidence(
    production: Production, rows: list[tuple[Deliverable, QCRun]]
) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(
            f"Rapport QC — {deliverable.name}",
            production_url("delivery:run", production, run_id=run.pk),
        )
        for deliverable, run in rows
    )


def _qc_checks(
    production: Production, ids: tuple[str, ...], met: str, not_met: str, **filters: Any
) -> CheckResult:
    """Every concerned deliverable's latest QC passes the checks ``ids`` (a warning only
    warns)."""
    rows = [  # a profile without these checks (e.g. no loudness rule) is not concerned
        (deliverable, run)
        for deliverable, run in _latest_runs(production, **filters)
        if any(c["id"] in ids for c in _report(run).get("checks", []))
    ]
    if not rows:
        return unknown(NO_QC)
    failing, uncertain = [], []
    for deliverable, run in rows:
        results = [c for c in _report(run).get("checks", []) if c["id"] in ids]
        bad = [c for c in results if c["status"] in ("fail", "warn")]
        if bad:
            failing.append(f"{deliverable.name} ({bad[0]['message']})")
            uncertain.append(all(c["status"] == "warn" for c in bad))
    return coverage(
        len(rows),
        failing,
        met=met,
        not_met=not_met,
        empty=NO_QC,
        source=PROFILES,
        evidence=_evidence(production, rows),
        uncertain=bool(uncertain) and all(uncertain),
    )


@register_check("c4_1_2.loudness_per_version")
def loudness_per_version(production: Production) -> CheckResult:
    return _qc_checks(
        production,
        LOUDNESS,
        "Chaque version est à la loudness et au true peak de son profil.",
        "Versions hors loudness ou true peak",
    )


@register_check("crit_b4_mix_duration.loudness_target")
def loudness_target(production: Production) -> CheckResult:
    return _qc_checks(
        production,
        LOUDNESS,
        "Loudness intégrée et true peak conformes au profil de chaque livrable.",
        "Loudness ou true peak hors cible",
    )


@register_check("c4_1_2.video_levels")
def video_levels(production: Production) -> CheckResult:
    return _qc_checks(
        production,
        ("video_levels",),
        "Niveaux vidéo dans les limites du profil de chaque livrable.",
        "Niveaux vidéo hors limites",
    )


@register_check("crit_b4_grading_format.legal_levels")
def legal_levels(production: Production) -> CheckResult:
    return _qc_checks(
        production,
        ("video_levels",),
        "L'étalonnage respecte les niveaux légaux du profil.",
        "Niveaux hors des limites légales",
    )


@register_check("crit_b4_pad_definition.pad_has_picture_and_mix")
def pad_has_picture_and_mix(production: Production) -> CheckResult:
    rows = _latest_runs(production, kind=DeliverableKind.BROADCAST)
    if not rows:
        return unknown("Aucun PAD contrôlé (livrable de diffusion avec un contrôle terminé).")
    failing = []
    for deliverable, run in rows:
        media = _report(run).get("media", {})
        layout = [c for c in _report(run).get("checks", []) if c["id"] == "audio_layout"]
        if not media.get("video"):
            failing.append(f"{deliverable.name} (pas d'image)")
        elif not layout or layout[0]["status"] == "fail":
            failing.append(f"{deliverable.name} (pistes son non conformes)")
    return coverage(
        len(rows),
        failing,
        met="Chaque PAD contient l'image et les pistes son demandées par son profil.",
        not_met="PAD incomplets",
        empty="",
        source=PROFILES,
        evidence=_evidence(production, rows),
    )


@register_check("crit_b4_pad_broadcast_norms.qc_fr_pad")
def qc_fr_pad(production: Production) -> CheckResult:
    rows = _latest_runs(production, profile__in=FRENCH_PAD)
    if not rows:
        return unknown("Aucun PAD français (profil PAD HD ou ARTE) contrôlé.")
    return coverage(
        len(rows),
        [d.name for d, run in rows if run.verdict == "fail"],
        met="Le PAD français passe le contrôle (conteneur, codec, -23 LUFS, niveaux).",
        not_met="PAD français non conformes",
        empty="",
        source=PROFILES,
        evidence=_evidence(production, rows),
    )


@register_check("crit_b4_pad_broadcast_norms.loudness_meter_conformance")
def loudness_meter_conformance(production: Production) -> CheckResult:
    key = f"loudness-self-test-{fingerprint()}"
    result = cast(Conformance, cache.get_or_set(key, self_test, None))
    total = len(result.passed) + len(result.failed)
    return present(
        total > 0 and not result.failed,
        met=f"L'outil de mesure passe les {total} cas stationnaires EBU Tech 3341/3342 "
        "(la suite complète tourne avec les tests du logiciel).",
        not_met="Cas EBU échoués : " + ", ".join(result.failed),
        source=result.source,
        value={"passed": list(result.passed), "failed": list(result.failed)},
    )
