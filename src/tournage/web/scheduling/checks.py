"""Referential checks answered by the plan de travail (current schedule version)."""

from __future__ import annotations

from decimal import Decimal

from tournage.common.formatting import format_date, format_money, format_number, format_quantity
from tournage.referential.registry import CheckResult, Evidence, register_check, shared
from tournage.referential.verdicts import coverage, present, unknown
from tournage.scheduling.evaluate import Evaluation, evaluate
from tournage.web.productions.api import production_url
from tournage.web.productions.models import PersonKind, Production

from .models import AvailabilityConfirmation, Schedule, Unavailability
from .services import assignment_of, current_schedule, problem_of

NO_SCHEDULE = "Aucun plan de travail accepté : rien à contrôler."
WORK_RULES = ("day.too_long", "rest.daily", "rest.weekly")
MINOR_RULES = ("minor.daily_cap", "minor.night", "minor.sunday")
LIMITS_SOURCE = "data/scheduling/labour_limits.yaml (Code du travail et conventions collectives)"


def _board(production: Production, schedule: Schedule) -> Evidence:
    url = production_url("scheduling:board", production, schedule_id=schedule.pk)
    return Evidence(f"Plan de travail v{schedule.number}", url)


def _live(schedule: Schedule) -> Evaluation:
    """The current schedule re-evaluated: availabilities may have changed since it was solved."""
    return shared(
        ("scheduling.live", schedule.pk),
        lambda: evaluate(problem_of(schedule), assignment_of(schedule)),
    )


def _findings_check(
    production: Production, codes: tuple[str, ...], met: str, not_met: str, source: str
) -> CheckResult:
    schedule = current_schedule(production)
    if schedule is None:
        return unknown(NO_SCHEDULE)
    found = [f for f in _live(schedule).findings if f.code in codes]
    return present(
        not found,
        met=met,
        not_met=f"{not_met} : " + " ; ".join(f.message for f in found[:5]),
        source=source,
        evidence=(_board(production, schedule),),
        value=len(found),
        uncertain=bool(found) and all(not f.is_blocking for f in found),
    )


@register_check("c2_1_3.availability_recorded")
def availability_recorded(production: Production) -> CheckResult:
    cast = list(production.people.filter(kind=PersonKind.CAST))
    known = set(
        Unavailability.objects.filter(production=production).values_list("person_id", flat=True)
    ) | set(
        AvailabilityConfirmation.objects.filter(production=production).values_list(
            "person_id", flat=True
        )
    )
    return coverage(
        len(cast),
        [str(p) for p in cast if p.pk not in known],
        met=f"Disponibilités recueillies pour les {len(cast)} interprètes.",
        not_met="Disponibilités non recueillies",
        empty="Aucun interprète enregistré dans la production.",
        source="Plan de travail : indisponibilités et disponibilités recueillies",
        evidence=(Evidence("Plan de travail", production_url("scheduling:index", production)),),
    )


@register_check("c2_2.all_scenes_scheduled")
def all_scenes_scheduled(production: Production) -> CheckResult:
    schedule = current_schedule(production)
    if schedule is None:
        return unknown(NO_SCHEDULE)
    rows = list(schedule.assignments.all())
    return coverage(
        len(rows),
        [a.scene_key for a in rows if a.day_id is None],
        met=f"Les {len(rows)} scènes sont placées dans le plan de travail.",
        not_met="Scènes non planifiées",
        empty="Le plan de travail ne contient aucune scène.",
        source=f"Plan de travail v{schedule.number}",
        evidence=(_board(production, schedule),),
        all_or_nothing=True,
    )


@register_check("c2_2.availability_respected")
def availability_respected(production: Production) -> CheckResult:
    return _findings_check(
        production,
        ("cast.unavailable", "location.unavailable"),
        "Aucun interprète ni décor n'est planifié hors de ses disponibilités.",
        "Disponibilités non respectées",
        "Indisponibilités des interprètes et fenêtres des décors",
    )


@register_check("c2_2.working_time_rules")
def working_time_rules(production: Production) -> CheckResult:
    return _findings_check(
        production,
        WORK_RULES,
        "Durée quotidienne, repos quotidien et jours consécutifs respectés.",
        "Règles de temps de travail enfreintes",
        LIMITS_SOURCE,
    )


@register_check("c2_2.minors_hours")
def minors_hours(production: Production) -> CheckResult:
    return _findings_check(
        production,
        MINOR_RULES,
        "Plafonds horaires, nuit et dimanche des enfants respectés.",
        "Règles des enfants du spectacle enfreintes",
        LIMITS_SOURCE,
    )


@register_check("c2_2.daily_capacity")
def daily_capacity(production: Production) -> CheckResult:
    schedule = current_schedule(production)
    if schedule is None:
        return unknown(NO_SCHEDULE)
    problem = problem_of(schedule)
    capacity = int(Decimal(problem.pages_per_day) * 8)
    pace = format_number(problem.pages_per_day, 1)
    days = _live(schedule).days
    over = [f"{format_date(d.day, 'short')} ({d.eighths}/8)" for d in days if d.eighths > capacity]
    return coverage(
        len(days),
        over,
        met=f"Chaque jour reste sous {pace} pages (rythme de la production).",
        not_met=f"Jours au-delà de {pace} pages",
        empty="Le plan de travail n'a aucun jour de tournage.",
        source="Rythme de la production (pages par jour)",
        evidence=(_board(production, schedule),),
    )


@register_check("crit_b2_schedule_breakdown.schedule_cost")
def schedule_cost(production: Production) -> CheckResult:
    schedule = current_schedule(production)
    if schedule is None or schedule.objective is None:
        return unknown(NO_SCHEDULE)
    previous = (
        Schedule.objects.filter(production=production, number__lt=schedule.number)
        .exclude(objective=None)
        .order_by("-number")
        .first()
    )
    holding = sum(dict(schedule.terms.get("holding_days", {})).values())
    message = (
        f"Coût du plan v{schedule.number} : {format_money(schedule.objective)}, "
        f"{holding} jour(s) d'attente."
    )
    if previous is not None:
        message += f" Version v{previous.number} : {format_money(previous.objective)}."
    return present(
        True,
        met=message,
        not_met="",
        source="Plan de travail : objectif du solveur (scheduling/defaults.yaml)",
        evidence=(_board(production, schedule),),
        value={
            "objective": schedule.objective,
            "holding_days": holding,
            "previous": previous.objective if previous else None,
        },
    )


@register_check("crit_b2_env_logistics.schedule_groups_locations")
def schedule_groups_locations(production: Production) -> CheckResult:
    versions = [
        s
        for s in Schedule.objects.filter(production=production).order_by("number")
        if s.terms.get("move_kgco2e") is not None
    ]
    if not versions:
        return unknown(NO_SCHEDULE)
    figures = [
        f"v{s.number} : {format_quantity(Decimal(s.terms['move_kgco2e']), 'kgCO2e')}"
        for s in versions
    ]
    return present(
        len(versions) > 1,
        met="Variantes comparées sur les émissions des déplacements : " + ", ".join(figures),
        not_met="Une seule version du plan : aucune variante comparée sur les déplacements.",
        source="Déplacements de l'équipe (facteurs de data/scheduling/company_moves.yaml)",
        evidence=tuple(_board(production, s) for s in versions[-3:]),
        value={f"v{s.number}": s.terms["move_kgco2e"] for s in versions},
        action="Optimiser une variante du plan de travail et comparer les déplacements.",
    )
