"""Referential checks of block 1 answered by the development domain.

Each evaluator reads this app's records (other apps through their ``api``) and
delegates the rule to ``tournage.development``; absent data is ``unknown``."""

from __future__ import annotations

from collections.abc import Callable

from tournage.development import benchmark, brief, channels, feasibility
from tournage.development.dossier import PieceStatus
from tournage.development.rules import RULES, SCHEMES
from tournage.development.specification import economy_problems
from tournage.referential.registry import CheckResult, Evidence, Status, register_check
from tournage.referential.verdicts import coverage, listing, present, unknown
from tournage.web.productions.api import production_url
from tournage.web.productions.models import Phase, Production

from . import adapters, models

Evaluator = Callable[[Production], CheckResult]
NO_BRIEF = "Aucune demande de production (brief) n'est saisie."
NO_CHANNELS = "Aucun canal n'est prévu au plan de diffusion."
DOSSIER_SOURCE = "development/schemes.yaml (dossier_contents.yaml, RGA du CNC)"


def _page(production: Production, name: str, label: str) -> Evidence:
    return Evidence(label, production_url(f"development:{name}", production))


def _brief_page(production: Production) -> Evidence:
    return _page(production, "index", "Demande de production")


@register_check("c1_1_1.brief_fields_complete")
def brief_fields_complete(production: Production) -> CheckResult:
    if not models.Brief.objects.filter(production=production).exists():
        return unknown(NO_BRIEF)
    missing = brief.missing_fields(adapters.core_brief(production))
    fields = RULES.load().brief_fields
    return coverage(
        len(fields.fields),
        missing,
        met="La demande a objectifs, publics, canaux, enveloppe et échéance.",
        not_met="Champs de la demande non renseignés",
        empty=NO_BRIEF,
        source=fields.source,
        evidence=(_brief_page(production),),
    )


def _note(production: Production, kind: str) -> models.Note | None:
    return models.Note.objects.filter(production=production, kind=kind).first()


@register_check("c1_1_1.note_links_brief")
def note_links_brief(production: Production) -> CheckResult:
    note = _note(production, models.NoteKind.OPPORTUNITY)
    if note is None:
        return present(
            False,
            met="",
            not_met="Pas de note d'opportunité.",
            source="criteria.yaml c1_1_1",
            evidence=(_brief_page(production),),
        )
    objectives = list(production.objectives.all())
    cited = set(note.objectives.values_list("pk", flat=True))
    missing = [o.text for o in objectives if o.pk not in cited]
    if not note.cites_audiences:
        missing.append("publics visés")
    return coverage(
        len(objectives) + 1,
        missing,
        met="La note d'opportunité cite chaque objectif de la demande et les publics visés.",
        not_met="Éléments de la demande que la note ne cite pas",
        empty=NO_BRIEF,
        source="criteria.yaml c1_1_1 note_links_brief",
        evidence=(_page(production, "notes", "Notes"),),
    )


@register_check("c1_1_1.note_references_dated")
def note_references_dated(production: Production) -> CheckResult:
    references = list(
        models.NoteReference.objects.filter(
            note__production=production, note__kind=models.NoteKind.OPPORTUNITY
        )
    )
    return coverage(
        len(references),
        [r.label for r in references if not (r.date and r.source.strip())],
        met=f"Les {len(references)} références de la note sont datées et sourcées.",
        not_met="Références sans date ou sans source",
        empty="La note d'opportunité ne cite aucune référence de contexte.",
        source="criteria.yaml c1_1_1 note_references_dated",
        evidence=(_page(production, "notes", "Notes"),),
    )


def _rows(production: Production) -> list[benchmark.Row]:
    return adapters.benchmark_rows(production)


def _bench_page(production: Production) -> Evidence:
    return _page(production, "benchmark", "Benchmark")


@register_check("c1_1_2.benchmark_min_rows")
def benchmark_min_rows(production: Production) -> CheckResult:
    row = models.Brief.objects.filter(production=production).first()
    rule = RULES.load().benchmark_min_rows
    wanted = (row.benchmark_min_rows if row else None) or int(rule.value)
    count = len(_rows(production))
    status = Status.MET if count >= wanted else Status.PARTLY if count else Status.NOT_MET
    return CheckResult(
        status,
        f"{count} œuvres comparables pour {wanted} attendues.",
        (_bench_page(production),),
        {"rows": count, "wanted": wanted},
        rule.source,
        uncertain=row is None or row.benchmark_min_rows is None,
    )


@register_check("c1_1_2.benchmark_channel_mix")
def benchmark_channel_mix(production: Production) -> CheckResult:
    if not production.channels:
        return unknown("La production ne prévoit aucun canal.")
    wanted = {k for k in map(benchmark.channel_kind, production.channels) if k}
    missing = benchmark.missing_kinds(_rows(production), production.channels)
    return coverage(
        len(wanted),
        missing,
        met="Le benchmark couvre chaque type de canal visé : " + ", ".join(sorted(wanted)) + ".",
        not_met="Types de canal visés sans œuvre comparable",
        empty="Aucun canal connu.",
        source=RULES.load().channel_kinds.source,
        evidence=(_bench_page(production),),
    )


@register_check("c1_1_2.benchmark_figures_sourced")
def benchmark_figures_sourced(production: Production) -> CheckResult:
    rows = _rows(production)
    return coverage(
        2 * len(rows),
        benchmark.blank_or_unsourced(rows),
        met="Chaque chiffre du benchmark est sourcé et daté, ou marqué inconnu.",
        not_met="Chiffres vides ou sans source datée",
        empty="Le benchmark est vide.",
        source="dossier_contents.yaml pieces.benchmark.proposed_structure",
        evidence=(_bench_page(production),),
    )


@register_check("crit_b1_benchmark_positioning.benchmark_sources")
def benchmark_sources(production: Production) -> CheckResult:
    given, unsourced = benchmark.given_without_source(_rows(production))
    return coverage(
        given,
        unsourced,
        met=f"Les {given} chiffres donnés sont sourcés et datés.",
        not_met="Chiffres sans source ou sans date",
        empty="Le benchmark ne donne aucun chiffre.",
        source="dossier_contents.yaml pieces.benchmark.proposed_structure",
        evidence=(_bench_page(production),),
    )


@register_check("crit_b1_benchmark_positioning.positioning_column_filled")
def positioning_column_filled(production: Production) -> CheckResult:
    rows = _rows(production)
    return coverage(
        len(rows),
        benchmark.without_positioning(rows),
        met=f"Les {len(rows)} œuvres du benchmark ont une note de positionnement.",
        not_met="Œuvres sans positionnement",
        empty="Le benchmark est vide.",
        source="dossier_contents.yaml pieces.benchmark.proposed_structure",
        evidence=(_bench_page(production),),
    )


def _cdc_page(production: Production) -> Evidence:
    return _page(production, "cdc", "Cahier des charges")


@register_check("c1_2_3.cdc_sections_present")
def cdc_sections_present(production: Production) -> CheckResult:
    sections = adapters.cdc_sections(production)
    return coverage(
        len(sections),
        [f"{s.title} ({listing(list(s.missing), 2)})" for s in sections if not s.complete],
        met="Toutes les sections du cahier des charges sont renseignées.",
        not_met="Sections incomplètes",
        empty="",
        source=RULES.load().cdc_sections.source,
        evidence=(_cdc_page(production),),
        uncertain=RULES.load().cdc_sections.uncertain,
    )


def _with_plans(
    check: Callable[[Production, list[channels.ChannelPlan]], CheckResult],
) -> Evaluator:
    def run(production: Production) -> CheckResult:
        plans = adapters.channel_plans(production)
        if not plans:
            return unknown(NO_CHANNELS, evidence=(_page(production, "distribution", "Diffusion"),))
        return check(production, plans)

    run.__name__ = check.__name__
    return run


def _distribution_page(production: Production) -> Evidence:
    return _page(production, "distribution", "Plan de diffusion")


@register_check("c1_2_3.accessibility_deliverables_listed")
@_with_plans
def accessibility_deliverables_listed(
    production: Production, plans: list[channels.ChannelPlan]
) -> CheckResult:
    required, missing, uncertain = channels.accessibility_gaps(plans)
    if not required:
        return present(
            True,
            met="Aucun canal prévu n'exige de SME ni d'AD.",
            not_met="",
            source="development/rules.yaml channels",
            evidence=(_distribution_page(production),),
        )
    return coverage(
        required,
        missing,
        met=f"Les {required} fichiers SME et AD exigés par les canaux sont prévus.",
        not_met="Fichiers accessibles exigés et non prévus",
        empty="",
        source="accessibility.yaml legal_obligations_fr (loi 2005-102)",
        evidence=(_distribution_page(production),),
        uncertain=uncertain,
    )


@register_check("c1_3.windows_respected")
@_with_plans
def windows_respected(production: Production, plans: list[channels.ChannelPlan]) -> CheckResult:
    result = channels.windows(plans)
    source = RULES.load().release_windows.source
    if result.theatrical is None:
        if any(p.channel == "dcp_cinema" for p in plans):
            return unknown("La date de sortie en salle n'est pas prévue.")
        return present(
            True,
            met="Pas de sortie en salle : la chronologie des médias ne s'applique pas.",
            not_met="",
            source=source,
            evidence=(_distribution_page(production),),
        )
    return coverage(
        len(result.checked),
        result.breaches,
        met="Chaque canal ouvre après sa fenêtre de la chronologie des médias.",
        not_met="Canaux prévus avant leur fenêtre",
        empty="Aucun canal soumis à la chronologie après la salle.",
        source=source,
        evidence=(_distribution_page(production),),
        uncertain=result.uncertain,
    )


@register_check("c1_3.distribution_carbon_present")
@_with_plans
def distribution_carbon_present(
    production: Production, plans: list[channels.ChannelPlan]
) -> CheckResult:
    return coverage(
        len(plans),
        channels.without_viewing_carbon(plans),
        met="Chaque canal a une estimation sourcée du carbone du visionnage.",
        not_met="Canaux sans estimation sourcée du visionnage",
        empty=NO_CHANNELS,
        source=RULES.load().viewing_carbon.source,
        evidence=(_distribution_page(production),),
    )


@register_check("crit_b1_scenario_coherent.client_approval_recorded")
def client_approval_recorded(production: Production) -> CheckResult:
    facts = adapters.script_facts(production)
    if facts is None:
        return unknown("Aucun scénario importé.")
    approved = models.Approval.objects.filter(
        production=production, milestone=models.Milestone.SCRIPT, script_version=facts.version
    ).first()
    return present(
        approved is not None,
        met=f"Version {facts.version} du scénario approuvée le "
        f"{approved.approved_on.isoformat() if approved else ''} par "
        f"{approved.approved_by if approved else ''}.",
        not_met=f"La version {facts.version} du scénario n'a pas d'approbation du client.",
        source="criteria.yaml crit_b1_scenario_coherent",
        evidence=(_page(production, "approvals", "Approbations"),),
        value={"version": facts.version},
    )


@register_check("crit_b1_scenario_coherent.brief_objectives_traced")
def brief_objectives_traced(production: Production) -> CheckResult:
    facts = adapters.script_facts(production)
    traces = {
        o.text: [(t.kind, t.reference) for t in o.traces.all()]
        for o in production.objectives.prefetch_related("traces")
    }
    return coverage(
        len(traces),
        brief.untraced_objectives(traces, facts.scenes if facts else None),
        met=f"Les {len(traces)} objectifs sont reliés à une scène ou à un élément.",
        not_met="Objectifs reliés à rien (ou à une scène absente du scénario)",
        empty="La demande n'a aucun objectif.",
        source="criteria.yaml crit_b1_scenario_coherent",
        evidence=(_brief_page(production),),
    )


@register_check("crit_b1_scenario_coherent.duration_vs_brief")
def duration_vs_brief(production: Production) -> CheckResult:
    facts = adapters.script_facts(production)
    dimension = feasibility.duration(
        feasibility.Inputs(
            script_pages=facts.pages if facts else None,
            target_minutes=production.target_duration_minutes,
        )
    )
    status = {
        feasibility.Verdict.FITS: Status.MET,
        feasibility.Verdict.TIGHT: Status.PARTLY,
        feasibility.Verdict.DOES_NOT_FIT: Status.NOT_MET,
        feasibility.Verdict.UNKNOWN: Status.UNKNOWN,
    }[dimension.verdict]
    return CheckResult(
        status,
        " ".join(dimension.reasons),
        (_brief_page(production),),
        {"pages": facts.pages if facts else None},
        RULES.load().minutes_per_page.source,
        uncertain=True,
    )


def _dossiers(production: Production) -> list[models.Dossier]:
    return list(models.Dossier.objects.filter(production=production))


@register_check("crit_b1_dossier_complete.dossier_pieces_present")
def dossier_pieces_present(production: Production) -> CheckResult:
    provided = adapters.provided_sources(production)
    wanted = {
        "benchmark": "benchmark",
        "scénario": "script",
        "note d'opportunité": "note:opportunity",
        "cahier des charges": "cdc",
    }
    return coverage(
        len(wanted),
        [label for label, source in wanted.items() if source not in provided],
        met="Benchmark, scénario, note d'opportunité et cahier des charges présents.",
        not_met="Pièces du dossier de développement absentes",
        empty="",
        source="criteria.yaml crit_b1_dossier_complete",
        evidence=(_page(production, "dossiers", "Dossiers"),),
        all_or_nothing=True,
    )


@register_check("crit_b1_dossier_complete.scheme_pieces_present")
def scheme_pieces_present(production: Production) -> CheckResult:
    records = _dossiers(production)
    if not records:
        return unknown("Aucun dispositif de financement n'est visé.")
    built = [adapters.assemble(production, r) for r in records]
    total = sum(len(d.pieces) for d in built)
    return coverage(
        total,
        [f"{d.scheme.id} : {p.name}" for d in built for p in d.missing],
        met="Chaque pièce des dispositifs visés est jointe ou produite.",
        not_met="Pièces manquantes",
        empty="",
        source=DOSSIER_SOURCE,
        evidence=(_page(production, "dossiers", "Dossiers"),),
        uncertain=any(d.scheme.uncertain for d in built),
        all_or_nothing=True,
    )


@register_check("crit_b1_dossier_complete.piece_length_limits")
def piece_length_limits(production: Production) -> CheckResult:
    records = _dossiers(production)
    if not records:
        return unknown("Aucun dispositif de financement n'est visé.")
    built = [adapters.assemble(production, r) for r in records]
    limited = [
        (d, p)
        for d in built
        for p in d.pieces
        if p.status is not PieceStatus.MISSING and _has_limit(d.scheme.id, p.id)
    ]
    too_long = [f"{p.name} : {f.message}" for _d, p in limited for f in p.findings]
    return coverage(
        len(limited),
        too_long,
        met="Les pièces bornées respectent les limites des dispositifs.",
        not_met="Pièces trop longues",
        empty="Aucune pièce présente n'a de limite de longueur.",
        source=DOSSIER_SOURCE,
        evidence=(_page(production, "dossiers", "Dossiers"),),
    )


def _has_limit(scheme_id: str, piece_id: str) -> bool:
    scheme = SCHEMES.load().scheme(scheme_id)
    return scheme is not None and any(
        p.id == piece_id and (p.max_lines or p.max_pages) for p in scheme.pieces
    )


@register_check("crit_b1_cdc_constraints.cdc_economic")
def cdc_economic(production: Production) -> CheckResult:
    eco = adapters.economy(production)
    absent = [
        label
        for label, value in (
            ("enveloppe", eco.envelope),
            ("devis", eco.devis_total),
            ("plan de financement", eco.financing_total),
        )
        if value is None
    ]
    problems = absent + economy_problems(eco)
    return present(
        not problems,
        met="Enveloppe, devis et plan de financement présents et cohérents.",
        not_met="Volet économique : " + ", ".join(problems) + ".",
        source="criteria.yaml crit_b1_cdc_constraints (budget app)",
        evidence=(_cdc_page(production),),
        value={
            "envelope": eco.envelope,
            "devis": eco.devis_total,
            "financing": eco.financing_total,
        },
    )


@register_check("crit_b1_cdc_constraints.cdc_technical")
def cdc_technical(production: Production) -> CheckResult:
    if not production.channels:
        return unknown("La production ne prévoit aucun canal.")
    planned = set(
        models.ChannelPlan.objects.filter(production=production).values_list("channel", flat=True)
    )
    deliverables = _deliverable_channels(production)
    missing = [
        c
        for c in production.channels
        if c not in planned or c not in deliverables or channels.rule(c) is None
    ]
    return coverage(
        len(production.channels),
        missing,
        met="Chaque canal a son profil de livraison et son livrable.",
        not_met="Canaux sans profil, sans plan ou sans livrable",
        empty="",
        source="delivery/pad_profiles.yaml",
        evidence=(_cdc_page(production),),
    )


def _deliverable_channels(production: Production) -> set[str]:
    from tournage.web.delivery.api import Deliverable

    rows = Deliverable.objects.filter(production=production).values_list("channel", "profile")
    return {value for pair in rows for value in pair if value}


@register_check("crit_b1_cdc_constraints.cdc_human")
def cdc_human(production: Production) -> CheckResult:
    spec = models.Specification.objects.filter(production=production).first()
    wanted = RULES.load().heads_of_department
    missing = [
        f"chef de poste : {label}"
        for label, holder in adapters.head_lines(production)
        if not holder
    ]
    if spec is None or not spec.agreement.strip():
        missing.append("convention collective")
    return coverage(
        len(wanted.items) + 1,
        missing,
        met="Chefs de poste nommés ou prévus avec une date ; convention collective choisie.",
        not_met="Volet humain incomplet",
        empty="",
        source=wanted.source,
        evidence=(_cdc_page(production),),
        uncertain=wanted.uncertain,
    )


@register_check("crit_b1_channel_specs.profile_per_channel")
def profile_per_channel(production: Production) -> CheckResult:
    if not production.channels:
        return unknown("La production ne prévoit aucun canal.")
    return coverage(
        len(production.channels),
        channels.unknown_profiles(production.channels),
        met="Chaque canal prévu correspond à un profil de livraison connu.",
        not_met="Canaux sans profil de livraison connu",
        empty="",
        source="delivery/pad_profiles.yaml",
        evidence=(_cdc_page(production),),
    )


@register_check("crit_b1_channel_specs.shooting_format_compatible")
def shooting_format_compatible(production: Production) -> CheckResult:
    capture = adapters.capture(production)
    if not capture.complete:
        return unknown("Le format de tournage n'est pas fixé au cahier des charges.")
    if not production.channels:
        return unknown("La production ne prévoit aucun canal.")
    problems = {c: channels.capture_problems(capture, c) for c in production.channels}
    uncertain = any(
        (rule := channels.rule(c)) is not None and rule.frame_rates_uncertain
        for c in production.channels
    )
    return coverage(
        len(problems),
        [f"{c} ({'; '.join(p)})" for c, p in problems.items() if p],
        met=f"Tourner en {capture.width}×{capture.height} à {capture.frame_rate} i/s "
        f"({capture.aspect}) produit chaque profil visé.",
        not_met="Profils que le format de tournage ne produit pas",
        empty="",
        source="development/rules.yaml channels (delivery/pad_profiles.yaml)",
        evidence=(_cdc_page(production),),
        uncertain=uncertain,
    )


@register_check("crit_b1_accessibility_universal_design.sme_every_version")
@_with_plans
def sme_every_version(production: Production, plans: list[channels.ChannelPlan]) -> CheckResult:
    total, missing = channels.versions_without_sme(plans)
    return coverage(
        total,
        missing,
        met=f"Les {total} versions livrées ont leurs sous-titres SME prévus.",
        not_met="Versions livrées sans SME prévu",
        empty="Aucune version n'est prévue par canal.",
        source="accessibility.yaml legal_obligations_fr.subtitling_sme",
        evidence=(_distribution_page(production),),
    )


@register_check("crit_b1_accessibility_universal_design.ad_planned")
@_with_plans
def ad_planned(production: Production, plans: list[channels.ChannelPlan]) -> CheckResult:
    with_ad = [p.channel for p in plans if p.ad]
    return present(
        bool(with_ad),
        met="Audiodescription prévue : " + ", ".join(with_ad) + ".",
        not_met="Aucune audiodescription n'est prévue.",
        source="finance/funding_sources.yaml (agrément) ; conventions des chaînes",
        evidence=(_distribution_page(production),),
    )


@register_check("crit_b2_concept_brief.approvals_at_milestones")
def approvals_at_milestones(production: Production) -> CheckResult:
    has_brief = models.Brief.objects.filter(production=production).exists()
    due = brief.due_milestones(
        has_brief=has_brief,
        has_script=adapters.script_facts(production) is not None,
        in_post=production.phase == Phase.POST,
    )
    done = set(
        models.Approval.objects.filter(production=production).values_list("milestone", flat=True)
    )
    labels = dict(models.Milestone.choices)
    return coverage(
        len(due),
        [str(labels[m]) for m in due if m not in done],
        met=f"Approbation du client à chacune des {len(due)} étapes atteintes.",
        not_met="Étapes sans approbation du client",
        empty=NO_BRIEF,
        source=RULES.load().milestones.source,
        evidence=(_page(production, "approvals", "Approbations"),),
    )
