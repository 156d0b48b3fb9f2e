"""Referential checks answered by the shoot follow-up: call sheets, daily reports,
progress, takes and backups, the project plan and the post versions log."""

from __future__ import annotations

from datetime import date

from django.apps import apps
from django.utils import timezone

from tournage.closing import pad_lineage
from tournage.common.formatting import format_number
from tournage.followup.backups import Card, Copy, unsafe_cards
from tournage.followup.callsheet import complete
from tournage.followup.errors import FollowupError
from tournage.followup.plan import PostVersion as CorePostVersion
from tournage.followup.plan import late, order_violations, pad_not_final
from tournage.followup.progress import consistency, elapsed_days
from tournage.followup.tables import FOLLOWUP
from tournage.referential.registry import CheckResult, Evidence, Status, register_check, shared
from tournage.referential.verdicts import coverage, present, unknown
from tournage.web.labor.api import accommodation_needs, actual_shifts
from tournage.web.productions.api import production_url
from tournage.web.productions.models import Person, Production

from . import services
from .models import CallSheet, DailyReport, DroppedScene, MediaCard, PostVersion, Take

NO_SCHEDULE = "Aucun plan de travail accepté : rien à suivre."
NOT_STARTED = "Le tournage n'a pas commencé : aucun jour de tournage écoulé ni rapporté."
PAD_KINDS = ("grade", "mix")


def _link(production: Production, name: str, label: str) -> Evidence:
    return Evidence(label, production_url(f"followup:{name}", production))


def _plan(production: Production) -> services.Plan | None:
    return shared(("followup.plan", production.pk), lambda: services.current_plan(production))


def _elapsed(production: Production) -> list[date] | None:
    """Shooting days already past or reported; ``None`` without an accepted schedule."""
    plan = _plan(production)
    if plan is None:
        return None
    return elapsed_days(plan.days, timezone.localdate(), services.day_reports(production))


def _day_coverage(
    production: Production, lacking: set[date] | None, *, met: str, not_met: str, source: str
) -> CheckResult:
    days = _elapsed(production)
    if days is None:
        return unknown(NO_SCHEDULE)
    return coverage(
        len(days),
        [f"{d:%d/%m}" for d in days if lacking is None or d in lacking],
        met=met.format(n=len(days)),
        not_met=not_met,
        empty=NOT_STARTED,
        source=source,
        evidence=(_link(production, "reports", "Rapports de production"),),
    )


def _reports(production: Production) -> dict[date, DailyReport]:
    return {r.date: r for r in DailyReport.objects.filter(production=production)}


@register_check("c2_3_1.daily_report_each_day")
def daily_report_each_day(production: Production) -> CheckResult:
    reported = set(_reports(production))
    days = _elapsed(production) or []
    return _day_coverage(
        production,
        {d for d in days if d not in reported},
        met="Un rapport de production pour chacun des {n} jours tournés.",
        not_met="Jours sans rapport de production",
        source="production_report.yaml: rapport de production, une page par jour",
    )


@register_check("crit_b3_progress_reports.report_per_day")
def report_per_day(production: Production) -> CheckResult:
    signed = {d for d, r in _reports(production).items() if r.signed_off_by}
    days = _elapsed(production) or []
    return _day_coverage(
        production,
        {d for d in days if d not in signed},
        met="Les {n} rapports de production sont visés.",
        not_met="Jours sans rapport visé",
        source="production_report.yaml: rapport de production validé",
    )


@register_check("c2_3.activity_data_complete")
def activity_data_complete(production: Production) -> CheckResult:
    rules = FOLLOWUP.load()
    reports = _reports(production)
    days = _elapsed(production) or []
    lacking = {
        d
        for d in days
        if d not in reports or any(getattr(reports[d], f) is None for f in rules.activity_fields)
    }
    return _day_coverage(
        production,
        lacking,
        met="Transport, énergie, repas et déchets saisis pour les {n} jours tournés.",
        not_met="Jours sans données d'activité complètes",
        source=rules.activity_source,
    )


@register_check("c3_2_3a.call_sheet_each_day")
def call_sheet_each_day(production: Production) -> CheckResult:
    plan = _plan(production)
    if plan is None:
        return unknown(NO_SCHEDULE)
    elapsed = _elapsed(production) or []
    upcoming = [d for d in plan.days if d not in elapsed][:1]  # tomorrow's sheet is due too
    days = [*elapsed, *upcoming]
    sheets = {s.date: s for s in CallSheet.objects.filter(production=production)}
    lacking = [f"{d:%d/%m}" for d in days if not _issued_the_eve(sheets.get(d), d)]
    return coverage(
        len(days),
        lacking,
        met=f"Feuille de service complète envoyée la veille pour les {len(days)} jours.",
        not_met="Feuilles de service absentes, tardives ou incomplètes",
        empty=NOT_STARTED,
        source="call_sheet.yaml: envoyée la veille (heures, décors, sécurité, contacts)",
        evidence=(_link(production, "callsheets", "Feuilles de service"),),
    )


def _issued_the_eve(sheet: CallSheet | None, day: date) -> bool:
    if sheet is None or sheet.issued_at is None:
        return False
    return timezone.localtime(sheet.issued_at).date() < day and complete(sheet.content)


@register_check("c3_2_3a.call_times_rest")
def call_times_rest(production: Production) -> CheckResult:
    try:
        found = services.rest_breaches(production)
    except FollowupError:
        return unknown(NO_SCHEDULE)
    return present(
        not found,
        met="Chaque convocation respecte le repos quotidien depuis la fin de la veille.",
        not_met="Repos quotidien non respecté : " + " ; ".join(f.message for f in found[:4]),
        source=found[0].source if found else "labour_limits.yaml: repos quotidien",
        evidence=(_link(production, "callsheets", "Feuilles de service"),),
        value=len(found),
        uncertain=bool(found) and all(not f.is_blocking for f in found),
    )


def _accommodations(production: Production) -> CheckResult:
    needs = accommodation_needs(production)
    if not needs:
        return unknown("Aucun besoin d'aménagement enregistré (avec consentement).")
    people = [str(p) for p in Person.objects.filter(pk__in=list(needs))]
    total, missing = 0, []
    for sheet in CallSheet.objects.filter(production=production).exclude(issued_at=None):
        crew = (*sheet.content.get("cast", []), *sheet.content.get("crew", []))
        called = {c["name"] for c in crew}
        listed = " ".join(sheet.content.get("accessibility", []))
        for person in people:
            if person in called:
                total += 1
                if str(person) not in listed:
                    missing.append(f"{person} ({sheet.date:%d/%m})")
    return coverage(
        total,
        missing,
        met=f"Les aménagements figurent sur les {total} feuilles de service concernées.",
        not_met="Aménagements absents des feuilles de service",
        empty="Aucune feuille de service envoyée ne convoque une personne ayant un besoin.",
        source="call_sheet.yaml: accessibility.accommodation_requests",
        evidence=(_link(production, "callsheets", "Feuilles de service"),),
    )


@register_check("c3_2_1.accommodations_applied")
def accommodations_applied(production: Production) -> CheckResult:
    return _accommodations(production)


@register_check("crit_b3_inclusive_coordination.accommodations_on_call_sheets")
def accommodations_on_call_sheets(production: Production) -> CheckResult:
    return _accommodations(production)


@register_check("crit_b2_schedule_breakdown.breakdown_elements_available")
def breakdown_elements_available(production: Production) -> CheckResult:
    plan = _plan(production)
    if plan is None:
        return unknown(NO_SCHEDULE)
    confirmed = {
        s.date: set(s.elements_confirmed) for s in CallSheet.objects.filter(production=production)
    }
    needed = [
        (day, element)
        for day in plan.days
        for element in sorted({e for s in plan.scenes_on(day) for e in s.elements})
    ]
    return coverage(
        len(needed),
        [f"{e} ({d:%d/%m})" for d, e in needed if e not in confirmed.get(d, set())],
        met=f"Les {len(needed)} éléments du dépouillement sont confirmés pour leurs jours.",
        not_met="Éléments non confirmés disponibles le jour prévu",
        empty="Aucun élément de dépouillement dans les scènes planifiées.",
        source=f"Plan de travail v{plan.number} et feuilles de service (besoins particuliers)",
        evidence=(_link(production, "callsheets", "Feuilles de service"),),
    )


@register_check("c3_2_3b.progress_vs_plan")
def progress_vs_plan(production: Production) -> CheckResult:
    if _plan(production) is None:
        return unknown(NO_SCHEDULE)
    result = services.production_progress(production)
    if not result.days_shot:
        return unknown("Aucun rapport de production : l'avancement n'est pas mesuré.")
    summary = (
        f"{result.eighths_shot}/{result.eighths_planned_to_date} huitièmes tournés sur "
        f"{result.days_shot} jour(s), {result.scenes_shot}/{result.scenes_planned} scènes"
    )
    return present(
        result.days_ahead >= 0,
        met=f"Dans les temps : {summary}.",
        not_met=f"{format_number(-result.days_ahead, 1)} jour(s) de retard : {summary}.",
        source="production_report.yaml: consolidation",
        evidence=(_link(production, "reports", "Avancement"),),
        value=result.to_dict(),
    )


@register_check("crit_b3_progress_reports.report_consistency")
def report_consistency(production: Production) -> CheckResult:
    plan = _plan(production)
    reports = services.day_reports(production)
    if plan is None or not reports:
        return unknown(NO_SCHEDULE if plan is None else "Aucun rapport de production.")
    problems = [f.message for f in consistency(plan.assignment, reports)]
    problems += _timesheet_gaps(production)
    return present(
        not problems,
        met="Rapports, plan de travail et relevés d'heures concordent.",
        not_met="Écarts : " + " ; ".join(problems[:4]),
        source="production_report.yaml; relevés d'heures (équipe)",
        evidence=(_link(production, "reports", "Rapports de production"),),
        value=len(problems),
    )


def _timesheet_gaps(production: Production) -> list[str]:
    """People a report lists as present without an actual timesheet that day (only once the
    production keeps actual timesheets at all)."""
    shifts = actual_shifts(production)
    if not shifts:
        return []
    return [
        f"{person} présent le {report.date:%d/%m} sans relevé d'heures"
        for report in DailyReport.objects.filter(production=production).prefetch_related(
            "people_present"
        )
        for person in report.people_present.all()
        if (person.pk, report.date) not in shifts
    ]


@register_check("c4_1_1.every_scene_has_select")
def every_scene_has_select(production: Production) -> CheckResult:
    plan = _plan(production)
    if plan is None:
        return unknown(NO_SCHEDULE)
    scenes = [s.id for d in (_elapsed(production) or []) for s in plan.scenes_on(d)]
    chosen = set(
        Take.objects.filter(production=production, selected=True).values_list("scene", flat=True)
    ) | set(DroppedScene.objects.filter(production=production).values_list("scene", flat=True))
    return coverage(
        len(scenes),
        [s for s in scenes if s not in chosen],
        met=f"Les {len(scenes)} scènes tournées ont une prise retenue ou une décision.",
        not_met="Scènes sans prise retenue",
        empty=NOT_STARTED,
        source="takes_log.yaml: prise cerclée (circled take)",
        evidence=(_link(production, "takes", "Journal des prises"),),
    )


@register_check("c4_1_1.rushes_backed_up")
def rushes_backed_up(production: Production) -> CheckResult:
    cards = [
        Card(
            c.label,
            c.checksum,
            tuple(Copy(b.destination, b.checksum, b.verified) for b in c.copies.all()),
        )
        for c in MediaCard.objects.filter(production=production).prefetch_related("copies")
    ]
    rule = FOLLOWUP.load().backups
    return coverage(
        len(cards),
        unsafe_cards(cards),
        met=f"Les {len(cards)} cartes ont {rule.copies_required} copies vérifiées.",
        not_met=f"Cartes sans {rule.copies_required} copies vérifiées",
        empty="Aucune carte ni bobine enregistrée.",
        source=rule.source,
        evidence=(
            _link(production, "takes", "Sauvegardes des rushes"),
            _link(production, "offloads", "Déchargements de cartes (empreintes calculées)"),
        ),
    )


@register_check("crit_b2_time_budget.milestones_on_time")
def milestones_on_time(production: Production) -> CheckResult:
    milestones = services.core_milestones(production)
    findings = late(milestones, timezone.localdate())
    return coverage(
        len(milestones),
        [f.message for f in findings],
        met=f"Les {len(milestones)} jalons du projet sont tenus.",
        not_met="Jalons en retard",
        empty="Aucun jalon dans le planning du projet.",
        source="Planning du projet : dates prévues et réelles",
        evidence=(_link(production, "plan", "Planning du projet"),),
    )


@register_check("crit_b3_planning_chronology.dependency_order")
def dependency_order(production: Production) -> CheckResult:
    milestones = services.core_milestones(production)
    if not milestones:
        return unknown("Aucun jalon dans le planning du projet.")
    try:
        found = order_violations(milestones)
    except FollowupError as error:
        return CheckResult(Status.NOT_MET, error.message, source=FOLLOWUP.load().phases_source)
    return present(
        not found,
        met="Aucune étape ne commence avant la fin de celles dont elle dépend.",
        not_met="Ordre non respecté : " + " ; ".join(f.message for f in found[:3]),
        source=FOLLOWUP.load().phases_source,
        evidence=(_link(production, "plan", "Planning du projet"),),
        value=len(found),
    )


@register_check("crit_b4_pad_definition.pad_built_from_final_versions")
def pad_built_from_final_versions(production: Production) -> CheckResult:
    """The versions log names the approved grade and mix used for the PAD; the delivery
    register's PAD file (its QC run, same SHA-256) must not predate their approval."""
    stored = PostVersion.objects.filter(production=production)
    versions = [CorePostVersion(v.kind, v.number, v.approved, v.for_pad) for v in stored]
    pads = _pad_files(production)
    if not any(v.kind in PAD_KINDS for v in versions):
        return unknown(pad_lineage.missing_data(False, pads))
    wrong = pad_not_final(versions, PAD_KINDS)
    finals = [
        pad_lineage.FinalVersion(v.kind, v.number, v.approved_on)
        for v in stored
        if v.for_pad and v.kind in PAD_KINDS
    ]
    early = [] if wrong else pad_lineage.built_before_approval(pads or [], finals)
    met = "Le PAD est construit sur les dernières versions validées d'étalonnage et de mixage"
    return present(
        not wrong and not early,
        met=met + (" ; le fichier livré leur est postérieur." if pads else "."),
        not_met=(
            "Le PAD ne part pas de la dernière version validée : " + ", ".join(wrong)
            if wrong
            else "Le PAD livré précède la version validée : " + " ; ".join(early)
        ),
        source="Journal des versions de post-production ; registre de livraison (SHA-256)",
        evidence=(_link(production, "plan", "Versions de post-production"),),
        value=wrong or early,
    )


def _pad_files(production: Production) -> list[pad_lineage.PadFile] | None:
    """The delivery register's PAD files (None when the closing app is not installed)."""
    if not apps.is_installed("tournage.web.closing"):
        return None
    from tournage.web.closing.api import pad_files

    return pad_files(production)
