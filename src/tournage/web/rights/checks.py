"""Referential checks answered by the rights app: clearances, author contracts, permits,
release steps, signage, destinations' documents and the music cue sheet."""

from __future__ import annotations

from collections.abc import Iterable

from tournage.common.findings import Finding
from tournage.common.formatting import format_date
from tournage.referential.registry import CheckResult, Evidence, Status, register_check, shared
from tournage.referential.verdicts import coverage, unknown
from tournage.rights import authors as core_authors
from tournage.rights import clearances as core_clearances
from tournage.rights import cuesheet as core_cues
from tournage.rights import release as core_release
from tournage.rights.rules import AUTHORS, CLEARANCES, CUESHEET, PERMITS, RELEASE
from tournage.web.productions.api import production_url
from tournage.web.productions.models import Production

from . import services
from .models import ReleasePlan

NOT_APPLICABLE = "Sans objet : "


def _page(production: Production, name: str, label: str) -> tuple[Evidence, ...]:
    return (Evidence(label, production_url(f"rights:{name}", production)),)


def _not_applicable(message: str, source: str = "") -> CheckResult:
    return CheckResult(Status.MET, NOT_APPLICABLE + message, source=source)


def _with(findings: Iterable[Finding], codes: Iterable[str]) -> bool:
    wanted = set(codes)
    return any(f.code in wanted for f in findings)


# --- clearances -------------------------------------------------------------------------


@register_check("c1_2_1.rights_for_each_reference")
def rights_for_each_reference(production: Production) -> CheckResult:
    refs = services.references(production)
    missing = core_clearances.uncovered(refs, services.clearance_facts(production))
    return coverage(
        len(refs),
        [f"{m.subject} ({m.type})" for m in missing],
        met="Chaque élément tiers du dépouillement a une entrée au registre des droits.",
        not_met="Éléments du dépouillement sans entrée au registre des droits",
        empty="Aucun élément tiers (musique, œuvre, figurant, mineur) dans le dépouillement.",
        source=CLEARANCES.load().source,
        evidence=_page(production, "clearances", "Registre des droits"),
        action="Créer les entrées depuis le dépouillement (registre des droits).",
    )


def _cover_channels(production: Production) -> CheckResult:
    if not production.channels:
        return unknown("Aucun canal de diffusion prévu.")
    rows = [
        (item, f) for item, f in services.clearance_findings(production) if item.status == "granted"
    ]
    return coverage(
        len(rows),
        [item.subject for item, found in rows if _with(found, ("CLR-SCOPE", "CLR-EXPIRED"))],
        met="Chaque licence accordée couvre les canaux, territoires et la durée prévus.",
        not_met="Licences qui ne couvrent pas le plan de diffusion",
        empty="Aucune licence accordée au registre des droits.",
        source=CLEARANCES.load().source,
        evidence=_page(production, "clearances", "Registre des droits"),
    )


register_check("c1_3.rights_cover_channels")(_cover_channels)
register_check("crit_b1_diffusion_regulation.rights_cover_channels_b1")(_cover_channels)


# --- authors ----------------------------------------------------------------------------


def _author_fields(production: Production, codes: tuple[str, ...]) -> CheckResult:
    rows = shared(("rights.authors", production.pk), lambda: services.author_findings(production))
    failing = [c for c, found in rows if _with(found, codes)]
    only_review = all(
        not _with(found, ("AUTH-FIELD", "AUTH-NO-RIGHT")) for c, found in rows if c in failing
    )
    table = AUTHORS.load()
    return coverage(
        len(rows),
        [str(c) for c in failing],
        met="Chaque contrat d'auteur détaille par droit le mode, le territoire, la durée et "
        "la rémunération.",
        not_met="Contrats d'auteur incomplets",
        empty="Aucun contrat d'auteur saisi.",
        source=f"{table.right_fields.law} — {table.right_fields.source}",
        evidence=_page(production, "authors", "Contrats d'auteurs"),
        uncertain=bool(failing) and only_review,
    )


@register_check("c1_2_1.author_contract_fields")
def author_contract_fields(production: Production) -> CheckResult:
    return _author_fields(production, ("AUTH-FIELD", "AUTH-NO-RIGHT"))


@register_check("c3_1.author_contract_fields_b3")
def author_contract_fields_b3(production: Production) -> CheckResult:
    return _author_fields(production, ("AUTH-FIELD", "AUTH-NO-RIGHT", "AUTH-LUMP-SUM"))


@register_check("c1_2_1.co_authors_covered")
def co_authors_covered(production: Production) -> CheckResult:
    credits = services.credits(production)
    missing = services.uncovered_credits(production)
    return coverage(
        len(credits),
        [f"{c.author} ({core_authors.role_label(c.role)})" for c in missing],
        met="Chaque coauteur présumé (L113-7) au générique a un contrat signé.",
        not_met="Coauteurs sans contrat signé",
        empty="Aucun coauteur (scénariste, réalisateur, compositeur…) parmi les personnes.",
        source=AUTHORS.load().co_authors.source,
        evidence=_page(production, "authors", "Contrats d'auteurs"),
    )


@register_check("c4_2_1.author_statements_scheduled")
def author_statements_scheduled(production: Production) -> CheckResult:
    rows = shared(("rights.authors", production.pk), lambda: services.author_findings(production))
    signed = [(c, f) for c, f in rows if c.signed_on]
    return coverage(
        len(signed),
        [str(c) for c, f in signed if _with(f, ("AUTH-STATEMENTS", "AUTH-STATEMENT-LATE"))],
        met="Relevés annuels de recettes planifiés pour chaque auteur.",
        not_met="Relevés de recettes non planifiés ou en retard",
        empty="Aucun contrat d'auteur signé.",
        source=AUTHORS.load().statements.source,
        evidence=_page(production, "authors", "Contrats d'auteurs"),
    )


# --- permits ----------------------------------------------------------------------------


@register_check("c2_1_2.permit_status")
def permit_status(production: Production) -> CheckResult:
    days = services.location_days(production)
    if not days:
        return unknown("Pas de plan de travail accepté : aucun lieu daté.")
    reports = services.permit_reports(production)
    bad_codes = ("PERMIT-REASON", "PERMIT-LATE", "PERMIT-DEADLINE-PASSED", "PERMIT-REFUSED")
    failing = set(services.shot_without_permit(production))
    failing |= {
        r.facts.location
        for p, r in reports
        if p.location_id in days
        and (r.facts.status == "to_request" or _with(r.findings, bad_codes))
    }
    uncertain = any(r.uncertain for _, r in reports)
    return coverage(
        len(days),
        sorted(failing),
        met="Chaque lieu du plan de travail a son autorisation demandée ou accordée "
        "dans les délais.",
        not_met="Lieux sans autorisation ou hors délai",
        empty="",
        source=PERMITS.load().source,
        evidence=_page(production, "permits", "Autorisations de tournage"),
        uncertain=uncertain,
    )


@register_check("crit_b2_authorisations.permit_before_shoot_day")
def permit_before_shoot_day(production: Production) -> CheckResult:
    days = services.location_days(production)
    if not days:
        return unknown("Pas de plan de travail accepté : aucun jour de tournage.")
    total = sum(len(d) for d in days.values())
    uncovered = services.uncovered_days(production)
    missing = [
        f"{name} le {format_date(day, 'short')}"
        for day, names in sorted(uncovered.items())
        for name in names
    ]
    return coverage(
        total,
        missing,
        met="Chaque jour de tournage a son autorisation accordée pour le lieu.",
        not_met="Jours de tournage sans autorisation accordée",
        empty="",
        source=PERMITS.load().source,
        evidence=_page(production, "permits", "Autorisations de tournage"),
    )


@register_check("c2_1_2.insurance_certificate_for_permits")
def insurance_certificate_for_permits(production: Production) -> CheckResult:
    filed = [
        p
        for p in services.permit_reports(production)
        if p[1].facts.status in ("requested", "granted")
    ]
    rule = PERMITS.load().insurance_certificate
    return coverage(
        len(filed),
        [p.location.name for p, r in filed if not r.facts.insurance_on_file],
        met="Une attestation d'assurance RC accompagne chaque demande d'autorisation.",
        not_met="Demandes sans attestation d'assurance",
        empty="Aucune demande d'autorisation déposée.",
        source=rule.source,
        evidence=_page(production, "permits", "Autorisations de tournage"),
    )


# --- music ------------------------------------------------------------------------------


@register_check("crit_b2_authorisations.music_cleared")
def music_cleared(production: Production) -> CheckResult:
    edit = services.latest_edit(production)
    if edit is None:
        return unknown("Aucun montage importé : les musiques utilisées ne sont pas connues.")
    cues = services.edit_cues(edit)
    missing = core_cues.uncleared(cues, services.clearance_facts(production))
    return coverage(
        len(cues),
        sorted({c.name for c in missing}),
        met="Chaque musique du montage a sa licence ou son contrat.",
        not_met="Musiques du montage sans licence",
        empty="Aucune musique dans le montage.",
        source=CLEARANCES.load().source,
        evidence=_page(production, "cuesheet", "Relevé des œuvres musicales"),
    )


@register_check("crit_b2_authorisations.cue_sheet_matches_edit")
def cue_sheet_matches_edit(production: Production) -> CheckResult:
    edit = services.latest_edit(production)
    if edit is None:
        return unknown("Aucun montage importé.")
    cues = services.edit_cues(edit)
    found = core_cues.sheet_findings(services.sheet_cues(production), cues)
    return coverage(
        len(cues),
        sorted({f.subject for f in found}),
        met="Le relevé des œuvres liste chaque musique du montage, minutage conforme.",
        not_met="Relevé des œuvres incomplet ou minutage différent du montage",
        empty="Aucune musique dans le montage.",
        source=CUESHEET.load().source,
        evidence=_page(production, "cuesheet", "Relevé des œuvres musicales"),
        uncertain=CUESHEET.load().uncertain,
    )


# --- release ----------------------------------------------------------------------------


def _steps(
    production: Production,
    ids: Iterable[str] | None,
    codes: tuple[str, ...],
    *,
    met: str,
    not_met: str,
    empty: str,
) -> CheckResult:
    wanted = None if ids is None else set(ids)
    rows = [r for r in services.step_rows(production) if wanted is None or r.rule.id in wanted]
    if not rows:
        return _not_applicable(empty, RELEASE.load().source)
    failing = [r for r in rows if _with(r.findings, codes)]
    return coverage(
        len(rows),
        [r.rule.fr for r in failing],
        met=met,
        not_met=not_met,
        empty=empty,
        source="; ".join(sorted({r.rule.source for r in rows})),
        evidence=_page(production, "release", "Étapes de sortie"),
        uncertain=bool(failing) and all(r.rule.uncertain for r in failing),
    )


@register_check("crit_b1_diffusion_regulation.national_steps_planned")
def national_steps_planned(production: Production) -> CheckResult:
    return _steps(
        production,
        ("rca_immatriculation", "visa_exploitation", "isan"),
        ("REL-MISSING", "REL-NO-DATE"),
        met="RCA, visa et ISAN planifiés avec leur échéance.",
        not_met="Démarches nationales non planifiées",
        empty="aucune démarche nationale (RCA, visa, ISAN) pour cette œuvre.",
    )


@register_check("crit_b3_planning_chronology.regulatory_milestones")
def regulatory_milestones(production: Production) -> CheckResult:
    return _steps(
        production,
        ("rca_immatriculation", "visa_exploitation", "production_account"),
        ("REL-MISSING", "REL-LATE", "REL-OVERDUE"),
        met="RCA avant le tournage, demande de visa un mois avant la première projection, "
        "compte de production dans les délais.",
        not_met="Jalons réglementaires manqués ou non planifiés",
        empty="aucun jalon réglementaire (RCA, visa, compte de production) pour cette œuvre.",
    )


@register_check("c4_3.release_steps_status")
def release_steps_status(production: Production) -> CheckResult:
    return _steps(
        production,
        None,
        ("REL-MISSING", "REL-NO-DATE", "REL-OVERDUE", "REL-REFERENCE"),
        met="Chaque étape de sortie applicable a un statut et une date.",
        not_met="Étapes de sortie sans statut, sans date ou en retard",
        empty="aucune étape de sortie applicable.",
    )


@register_check("crit_b4_market_authorisations.isan_present")
def isan_present(production: Production) -> CheckResult:
    if not ReleasePlan.objects.filter(production=production).exists():
        return unknown("Le plan de sortie (aide CNC ou non) n'est pas renseigné.")
    return _steps(
        production,
        ("isan",),
        ("REL-MISSING", "REL-REFERENCE", "REL-NO-DATE"),
        met="ISAN enregistré.",
        not_met="ISAN manquant pour une œuvre aidée par le CNC",
        empty="œuvre non aidée par le CNC, ISAN non exigé.",
    )


def _destination_check(
    production: Production, wanted: set[str] | None, *, met: str, not_met: str, empty: str
) -> CheckResult:
    rows = [
        r
        for r in services.destination_items(production)
        if (wanted is None and r.item.id in r.destination.regulatory)
        or (wanted is not None and r.destination.id in wanted)
    ]
    missing = [f"{r.destination.fr} : {r.item.fr}" for r in rows if not r.present]
    return coverage(
        len(rows),
        missing,
        met=met,
        not_met=not_met,
        empty=empty,
        source=RELEASE.load().source,
        evidence=_page(production, "release", "Étapes de sortie"),
        uncertain=bool(missing) and all(r.item.uncertain for r in rows if not r.present),
    )


@register_check("crit_b4_market_authorisations.authorisations_per_destination")
def authorisations_per_destination(production: Production) -> CheckResult:
    return _destination_check(
        production,
        None,
        met="Chaque destination a ses autorisations (visa, RCA, signalétique, acceptation…).",
        not_met="Autorisations manquantes par destination",
        empty="Aucune destination (canal) prévue.",
    )


@register_check("c4_3.sales_docs_present")
def sales_docs_present(production: Production) -> CheckResult:
    if not services.plan_of(production).sales_agreement:
        return _not_applicable("pas de contrat de vente internationale.", RELEASE.load().source)
    return _destination_check(
        production,
        {"international_sales"},
        met="Le matériel de livraison internationale est complet.",
        not_met="Matériel de livraison internationale manquant",
        empty="",
    )


# --- signage ----------------------------------------------------------------------------


def _ratings(production: Production) -> list[core_release.RatingFacts]:
    return services.rating_facts(production)


@register_check("crit_b1_diffusion_regulation.age_category_per_channel")
def age_category_per_channel(production: Production) -> CheckResult:
    facts = _ratings(production)
    if not facts:
        return _not_applicable("aucun canal de télévision ou de SMAD prévu.")
    rules = RELEASE.load().rating
    return coverage(
        len(facts),
        [
            f.channel
            for f in facts
            if _with(core_release.rating_findings(f), ("RATE-MISSING", "RATE-SLOT-MISSING"))
        ],
        met="Chaque canal TV/SMAD a une catégorie visée et une case ou un placement catalogue.",
        not_met="Canaux sans catégorie ou sans case",
        empty="",
        source=rules.source,
        evidence=_page(production, "release", "Signalétique"),
        uncertain=rules.uncertain,
    )


@register_check("c1_3.slot_vs_category")
def slot_vs_category(production: Production) -> CheckResult:
    plan = services.plan_of(production)
    facts = [f for f in _ratings(production) if f.category]
    if not _ratings(production):
        return _not_applicable("aucun canal de télévision ou de SMAD prévu.")
    rules = RELEASE.load().rating
    return coverage(
        len(facts),
        [
            f.channel
            for f in facts
            if _with(
                core_release.rating_findings(f, plan.visa_ban), ("RATE-SLOT", "RATE-VISA-FLOOR")
            )
        ],
        met="Chaque case horaire prévue est compatible avec la catégorie visée.",
        not_met="Cases horaires incompatibles avec la catégorie",
        empty="Aucune catégorie de signalétique visée.",
        source=rules.source,
        evidence=_page(production, "release", "Signalétique"),
        uncertain=rules.uncertain,
    )


@register_check("c4_1_3b.trailer_rating")
def trailer_rating(production: Production) -> CheckResult:
    rated = [f for f in _ratings(production) if f.category]
    if not rated:
        return unknown("Aucune catégorie de signalétique visée.")
    needing = [f for f in rated if core_release.trailer_needs_signage(f)]
    if not needing:
        return _not_applicable("œuvre tous publics, la bande-annonce ne porte pas de signalétique.")
    rules = RELEASE.load().rating
    return coverage(
        len(needing),
        [f.channel for f in needing if not f.trailer_signage],
        met="La bande-annonce porte la signalétique de sa catégorie sur chaque canal.",
        not_met="Bandes-annonces sans signalétique",
        empty="",
        source=rules.trailer_source,
        evidence=_page(production, "release", "Signalétique"),
        uncertain=rules.uncertain,
    )
