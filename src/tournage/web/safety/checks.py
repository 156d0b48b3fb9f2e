"""Referential checks answered by the health, safety and inclusion file.

Each evaluator reads this app's models (the teams' register and locations through their
``api``), applies the rule of ``tournage.safety`` and words the result with the shared
verdicts; unknown when the data is absent, uncertain when the rule rests on uncertain data.
"""

from __future__ import annotations

from collections.abc import Callable

from tournage.referential.registry import CheckResult, Evidence, Status, register_check
from tournage.referential.verdicts import coverage, present, unknown
from tournage.safety import checklist
from tournage.safety.inclusion import ParityResult
from tournage.safety.rules import ACCIDENTS, DUER, INCLUSION, OETH, PARITY
from tournage.web.productions.api import production_url
from tournage.web.productions.models import Production

from . import services


def _page(production: Production, name: str, label: str) -> Evidence:
    return Evidence(label, production_url(f"safety:{name}", production))


@register_check("duer_present")
def duer_present(production: Production) -> CheckResult:
    report = services.duer_report(production)
    legal = DUER.load().legal_basis
    missing = [] if report.established else ["date d'établissement"]
    if not report.has_action_plan:
        missing.append("plan d'action daté pour chaque risque")
    return present(
        not missing,
        met=f"DUER établi le {report.established:%d/%m/%Y}, {len(report.hazards)} risques "
        "cotés avec leur plan d'action."
        if report.established
        else "",
        not_met="DUER incomplet : " + ", ".join(missing) + ".",
        source=f"{legal.reference} ({legal.source})",
        evidence=(_page(production, "duer", "DUER"),),
        value={"hazards": len(report.hazards), "established": report.established},
        uncertain=legal.uncertain,
    )


@register_check("risky_scene_measures_b3")
def risky_scene_measures(production: Production) -> CheckResult:
    scenes = services.risky_scenes(production)
    return coverage(
        len(scenes),
        [f"{s.scene} ({', '.join(s.missing())})" for s in scenes if s.missing()],
        met="Chaque scène à risque a ses mesures, un responsable et un briefing enregistré.",
        not_met="Scènes à risque incomplètes",
        empty="Aucune scène à risque dans le registre des risques.",
        source="labor/safety.yaml > risky_scenes ; dispositions générales 2016",
        evidence=(_page(production, "briefings", "Briefings sécurité"),),
    )


NOBODY_CALLED = "Aucun lieu utilisé (pas de convocation sur un lieu)."


def _locations(
    production: Production,
    *,
    used_only: bool,
    group: str | None,
    failing: Callable[[checklist.LocationStatus], str | None],
    **wording: str,
) -> CheckResult:
    """Coverage of the locations (used ones, or all) by the checklist items of ``group``;
    ``failing`` names a location that falls short, ``None`` when it passes."""
    statuses = services.location_statuses(production, used_only=used_only, group=group)
    names = [name for name in map(failing, statuses) if name is not None]
    return coverage(
        len(statuses),
        names,
        source=checklist.group_source(group) if group else "safety/location_checklist.yaml",
        evidence=(_page(production, "locations", "Check-lists des lieux"),),
        uncertain=group == "hygiene",  # the 2016 rules' articles were not read
        met=wording["met"],
        not_met=wording["not_met"],
        empty=wording["empty"],
    )


def _incomplete(status: checklist.LocationStatus) -> str | None:
    return None if status.complete else status.location


@register_check("location_hygiene")
def location_hygiene(production: Production) -> CheckResult:
    return _locations(
        production,
        used_only=True,
        group="hygiene",
        failing=lambda s: s.describe() if s.failing or s.unanswered else None,
        met="Toilettes, eau, repos et premiers secours vérifiés sur chaque lieu utilisé.",
        not_met="Lieux sans hygiène ou premiers secours vérifiés",
        empty=NOBODY_CALLED,
    )


@register_check("location_checklist_done")
def location_checklist_done(production: Production) -> CheckResult:
    return _locations(
        production,
        used_only=False,
        group="accessibility",
        failing=_incomplete,
        met="La check-list d'accessibilité de chaque lieu est remplie.",
        not_met="Lieux sans check-list d'accessibilité remplie",
        empty="Aucun lieu enregistré.",
    )


@register_check("checklist_per_location")
def checklist_per_location(production: Production) -> CheckResult:
    return _locations(
        production,
        used_only=True,
        group=None,
        failing=_incomplete,
        met="Chaque lieu utilisé a sa check-list complète.",
        not_met="Lieux utilisés sans check-list complète",
        empty=NOBODY_CALLED,
    )


@register_check("incident_closed")
def incident_closed(production: Production) -> CheckResult:
    rows = [services.core_incident(r) for r in production.safety_incidents.all()]
    if not rows:
        return CheckResult(
            Status.MET,
            "Aucun incident enregistré dans le registre.",
            (_page(production, "incidents", "Registre des incidents"),),
            {"total": 0, "failing": 0},
        )
    return coverage(
        len(rows),
        [r.label for r in rows if not r.is_closed],
        met="Chaque incident a une action et une date de clôture.",
        not_met="Incidents ouverts",
        empty="",
        evidence=(_page(production, "incidents", "Registre des incidents"),),
    )


@register_check("accidents_declared")
def accidents_declared(production: Production) -> CheckResult:
    rule = ACCIDENTS.load().employer_declaration
    rows = production.safety_incidents.filter(accident=True)
    findings = services.incident_findings(production)
    late = [f.subject for f in findings if f.code.startswith("SAF-ACCIDENT-") and f.is_blocking]
    evidence = (_page(production, "incidents", "Registre des incidents"),)
    source = f"{rule.reference} ({rule.source})"
    if not rows.exists():
        return CheckResult(
            Status.MET, "Aucun accident du travail enregistré.", evidence, {"total": 0}, source
        )
    return coverage(
        rows.count(),
        late,
        met=f"Chaque accident du travail est déclaré dans les {rule.hours} heures.",
        not_met="Accidents non déclarés dans le délai",
        empty="",
        source=source,
        evidence=evidence,
    )


def _headcount(production: Production) -> int | None:
    return services.safety_file(production).company_headcount


@register_check("referent_handicap")
def referent_handicap(production: Production) -> CheckResult:
    rule = INCLUSION.load().referent_handicap
    file = services.safety_file(production)
    source = f"{rule.reference} ({rule.source})"
    evidence = (_page(production, "inclusion", "Inclusion"),)
    if file.disability_referent_id:
        return CheckResult(
            Status.MET,
            f"Référent handicap : {file.disability_referent}.",
            evidence,
            str(file.disability_referent),
            source,
            rule.uncertain,
        )
    headcount = _headcount(production)
    if headcount is None:
        return unknown(
            "Effectif de l'entreprise non renseigné : obligation de référent inconnue.",
            source=source,
            evidence=evidence,
        )
    required = headcount >= (rule.threshold_employees or 0)
    return present(
        not required,
        met=f"Effectif {headcount} < {rule.threshold_employees} : référent non obligatoire "
        "(recommandé).",
        not_met=f"Effectif {headcount} : un référent handicap doit être désigné.",
        source=source,
        evidence=evidence,
        value=headcount,
        uncertain=rule.uncertain,
    )


@register_check("disability_quota_info")
def disability_quota_info(production: Production) -> CheckResult:
    from tournage.safety.inclusion import oeth

    rule = OETH.load()
    status = oeth(_headcount(production), services.safety_file(production).oeth_beneficiaries)
    evidence = (_page(production, "inclusion", "Inclusion"),)
    if status.subject is None:
        return unknown(
            "Effectif de l'entreprise non renseigné : obligation d'emploi (OETH) non calculée.",
            source=rule.source,
            evidence=evidence,
        )
    note = INCLUSION.load().intermittents.note
    if not status.subject:
        message = f"Effectif {status.headcount} < {status.threshold} : pas d'obligation de 6 %."
    else:
        message = f"Effectif {status.headcount} : {status.required} bénéficiaire(s) à employer"
        if status.shortfall:
            message += f", {status.shortfall} manquant(s) (contribution Agefiph)"
        message += "."
    shortfall = bool(status.shortfall)
    return CheckResult(
        Status.NOT_MET if shortfall else Status.MET,
        f"{message} Non vérifié : {note}",
        evidence,
        {"headcount": status.headcount, "required": status.required},
        rule.source,
        uncertain=True,
    )


def _points(result: ParityResult) -> str:
    text = f"{result.women_points}/{result.total} points tenus par des femmes"
    if result.stated_total is not None and result.stated_total != result.total:
        text += f" (le barème annonce {result.stated_total} points : grille à vérifier)"
    return text


@register_check("parity_grid")
def parity_grid(production: Production) -> CheckResult:
    result = services.parity(production)
    bonus = PARITY.load().parity_bonus
    evidence = (_page(production, "inclusion", "Grille parité"),)
    if not result.grid:
        return unknown(
            f"Pas de grille parité dans les données pour « {result.kind} ».",
            source=bonus.source,
            evidence=evidence,
        )
    threshold = "seuil inconnu" if result.threshold is None else f"seuil {result.threshold}"
    return coverage(
        len(result.grid),
        [post.label for post in result.unknown_posts],
        met=f"Grille parité : {_points(result)} ({threshold}).",
        not_met="Postes de la grille sans titulaire ou sans sexe déclaré",
        empty="",
        source=bonus.source,
        evidence=evidence,
        uncertain=bonus.uncertain,
    )


@register_check("parity_indicator")
def parity_indicator(production: Production) -> CheckResult:
    result = services.parity(production)
    bonus = PARITY.load().parity_bonus
    evidence = (_page(production, "inclusion", "Grille parité"),)
    if not result.computed:
        return unknown(
            f"Points parité non calculables : {len(result.unknown_posts)} poste(s) inconnu(s).",
            source=bonus.source,
            evidence=evidence,
        )
    reached = {True: "bonus atteint", False: "bonus non atteint", None: "seuil inconnu"}
    return CheckResult(
        Status.MET,
        f"{_points(result)} ({reached[result.bonus_reached]}).",
        evidence,
        {"women_points": result.women_points, "total": result.total},
        bonus.source,
        uncertain=bonus.uncertain,
    )


@register_check("chefs_de_poste_form")
def chefs_de_poste_form(production: Production) -> CheckResult:
    form = PARITY.load().heads_of_department_form
    evidence = (_page(production, "inclusion", form.name),)
    if not services.heads_form_required(production):
        return CheckResult(
            Status.MET,
            "Pas d'aide FSA au plan de financement : formulaire non requis.",
            evidence,
            None,
            form.source,
            form.uncertain,
        )
    result = services.parity(production)
    return coverage(
        len(result.grid),
        [post.label for post in result.unknown_posts],
        met="Formulaire des chefs de poste prêt (identité et sexe de chaque poste).",
        not_met="Formulaire des chefs de poste incomplet",
        empty="Pas de liste de postes dans les données : formulaire non préparable.",
        source=form.source,
        evidence=evidence,
        uncertain=form.uncertain,
    )
