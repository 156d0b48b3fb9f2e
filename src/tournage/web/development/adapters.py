"""From the development models (and the other apps' public services) to the core."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.apps import apps

from tournage.budget.eligibility import match_aids
from tournage.budget.errors import BudgetError
from tournage.budget.report import analyse, profile_with_budget
from tournage.development import benchmark, brief, dossier, feasibility, specification
from tournage.development.channels import Capture, ChannelPlan
from tournage.development.rules import RULES
from tournage.development.specification import Economy, Human, post_labels
from tournage.labor.calendar import needs_child_authorisation
from tournage.referential.registry import shared
from tournage.web.productions.models import Membership, Production, Role
from tournage.web.safety import api as safety_api

from . import models


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _brief(production: Production) -> models.Brief | None:
    return models.Brief.objects.filter(production=production).first()


def core_brief(production: Production) -> brief.Brief:
    row = _brief(production)
    return brief.Brief(
        objectives=tuple(production.objectives.values_list("text", flat=True)),
        audiences=row.audiences if row else "",
        channels=tuple(production.channels),
        budget_envelope=production.budget_envelope,
        deadline=row.deadline if row else None,
    )


@dataclass(frozen=True)
class ScriptFacts:
    version: int
    pages: float
    scenes: set[str]
    night_scenes: int
    minors: int


def script_facts(production: Production) -> ScriptFacts | None:
    """The current script's length, scene references, night scenes and minors in its cast
    (computed once per referential evaluation: several checks read it)."""
    return shared(("development.script", production.pk), lambda: _script_facts(production))


def _script_facts(production: Production) -> ScriptFacts | None:
    if not apps.is_installed("tournage.web.screenplay"):
        return None
    from tournage.web.screenplay.api import cast_by_character, core_script, current_version

    version = current_version(production)
    if version is None:
        return None
    script = core_script(version)
    day = production.shoot_start or date.today()
    people = cast_by_character(production).values()
    return ScriptFacts(
        version=version.number,
        pages=script.pages,
        scenes={scene.key for scene in script.scenes if not scene.omitted},
        night_scenes=sum(1 for s in script.scenes if s.day_night == "night" and not s.omitted),
        minors=sum(1 for p in people if needs_child_authorisation(p.birth_date, day)),
    )


def economy(production: Production) -> Economy:
    """Envelope, devis total, financing and public share, from the budget app."""
    return shared(("development.economy", production.pk), lambda: _economy(production))


def _economy(production: Production) -> Economy:
    from tournage.web.budget.api import production_budget_by_id

    try:
        document = production_budget_by_id(production.pk)
        if document is None:
            return Economy(envelope=production.budget_envelope)
        totals, _report, financing = analyse(document)
    except BudgetError:  # a devis the budget app refuses is no figure to show
        return Economy(envelope=production.budget_envelope)
    funded = bool(document.financing.sources)
    return Economy(
        envelope=production.budget_envelope,
        devis_total=totals.total,
        financing_total=financing.total if funded else None,
        public_share=financing.public_share if funded else None,
    )


def aid_verdicts(production: Production) -> tuple[tuple[str, str], ...] | None:
    """The budget app's eligibility verdicts of the aids its financing plan targets."""
    from tournage.web.budget.api import production_budget_by_id

    try:
        document = production_budget_by_id(production.pk)
        if document is None:
            return None
        targeted = {s.aid_id for s in document.financing.sources if s.aid_id}
        total = analyse(document)[0].total
        verdicts = match_aids(profile_with_budget(document.profile, total))
    except BudgetError:
        return None
    return tuple((v.name, v.status) for v in verdicts if v.aid in targeted)


def carbon_kg(production: Production) -> Decimal | None:
    from tournage.web.carbon.api import forecast_kg

    return forecast_kg(production)


def age_categories(production: Production) -> dict[str, str]:
    """The target age category per channel: one record of it, the rights app's signage page
    (``rights_api.AGE_CATEGORY_PAGE``); the plan only reads it."""
    if not apps.is_installed("tournage.web.rights"):
        return {}
    from tournage.web.rights.api import age_categories as recorded

    return recorded(production)


def slot_breaches(production: Production) -> list[str]:
    """Planned slots their channel's category does not allow, as the signage rules of the
    rights app judge them (one set of rules for both apps)."""
    if not apps.is_installed("tournage.web.rights"):
        return []
    from tournage.web.rights.api import slot_breaches as judged

    return judged(production)


def channel_plans(production: Production) -> list[ChannelPlan]:
    categories = age_categories(production)
    return [
        ChannelPlan(
            channel=p.channel,
            versions=_split(p.versions),
            sme_versions=_split(p.sme_versions),
            ad=p.ad,
            lsf=p.lsf,
            age_category=categories.get(p.channel, ""),
            slot=p.slot.strftime("%H:%M") if p.slot else "",
            release=p.release,
            territories=p.territories,
            viewing_hours=p.viewing_hours,
            g_per_hour=p.g_per_hour,
            carbon_source=p.carbon_source,
        )
        for p in models.ChannelPlan.objects.filter(production=production)
    ]


def _spec(production: Production) -> models.Specification | None:
    return models.Specification.objects.filter(production=production).first()


def capture(production: Production) -> Capture:
    spec = _spec(production)
    if spec is None:
        return Capture()
    return Capture(
        spec.capture_width, spec.capture_height, spec.capture_frame_rate, spec.capture_aspect
    )


def heads(production: Production) -> dict[str, str]:
    """Post → the person named, or the date by which one will be hired: the safety file's
    heads-of-department record (the CNC form), the one record of the chefs de poste."""
    return safety_api.heads_of_department(production)


def head_lines(production: Production) -> list[tuple[str, str]]:
    """The wanted posts with their label and who holds them ("" when nobody yet)."""
    named, labels = heads(production), post_labels()
    return [(labels.get(p, p), named.get(p, "")) for p in RULES.load().heads_of_department.items]


def eco_referent(production: Production) -> str:
    member = (
        Membership.objects.filter(production=production, role=Role.ECO_REFERENT)
        .select_related("user")
        .first()
    )
    return "" if member is None else (member.user.get_full_name() or member.user.get_username())


def cdc_inputs(production: Production) -> specification.Inputs:
    from tournage.web.carbon.api import reduction_measures

    spec = _spec(production)
    row = _brief(production)
    return specification.Inputs(
        economy=economy(production),
        channels=channel_plans(production),
        slot_breaches=tuple(slot_breaches(production)),
        capture=capture(production),
        target_minutes=production.target_duration_minutes,
        human=Human(
            agreement=spec.agreement if spec else "",
            heads=heads(production),
            inclusion=spec.inclusion if spec else "",
        ),
        rights=spec.rights if spec else "",
        carbon_forecast_kg=carbon_kg(production),
        reduction_measures=len(reduction_measures(production)),
        eco_referent=eco_referent(production),
        universal_design=spec.universal_design if spec else "",
        shoot_start=production.shoot_start,
        deadline=row.deadline if row else None,
    )


def cdc_sections(production: Production) -> list[specification.Section]:
    return shared(
        ("development.cdc", production.pk), lambda: specification.build(cdc_inputs(production))
    )


def feasibility_of(production: Production) -> list[feasibility.Dimension]:
    facts = script_facts(production)
    row = _brief(production)
    inputs = feasibility.Inputs(
        script_pages=facts.pages if facts else None,
        target_minutes=production.target_duration_minutes,
        budget_estimate=economy(production).devis_total,
        budget_envelope=production.budget_envelope,
        pace_pages_per_day=production.pace_pages_per_day,
        shoot_start=production.shoot_start,
        deadline=row.deadline if row else None,
        minors=facts.minors if facts else 0,
        night_scenes=facts.night_scenes if facts else 0,
        carbon_forecast_kg=carbon_kg(production),
        aids=aid_verdicts(production),
    )
    return feasibility.assess(inputs)


def _figure(value: Any, unknown: bool, source: str, day: date | None) -> benchmark.Figure:
    return benchmark.Figure(value, unknown, source, day)


def benchmark_rows(production: Production) -> list[benchmark.Row]:
    return [
        benchmark.Row(
            r.title,
            r.channel_kind,
            _figure(r.budget, r.budget_unknown, r.budget_source, r.budget_date),
            _figure(r.audience, r.audience_unknown, r.audience_source, r.audience_date),
            r.positioning,
        )
        for r in models.BenchmarkRow.objects.filter(production=production)
    ]


def provided_sources(production: Production) -> set[str]:
    """The ``provided_by`` sources of schemes.yaml this production has."""
    provided = {f"note:{k}" for k in production.dev_notes.values_list("kind", flat=True)}
    checks = {
        "logline": bool(production.logline.strip()),
        "script": script_facts(production) is not None,
        "benchmark": production.benchmark.exists(),
        "cdc": production.cdc_versions.exists(),
        "distribution": production.channel_plans.exists(),
    }
    eco = economy(production)
    checks["devis"] = eco.devis_total is not None
    checks["financing"] = eco.financing_total is not None
    return provided | {name for name, present in checks.items() if present}


def piece_texts(production: Production) -> dict[str, str]:
    """Typed text of the generated pieces, for the schemes' length limits."""
    texts = {"resume_court": production.logline}
    by_kind = dict(production.dev_notes.values_list("kind", "body"))
    for piece, kind in (
        ("synopsis", "synopsis"),
        ("note_intention", "intention"),
        ("note_realisation", "director"),
        ("note_production", "producer"),
        ("note_opportunite", "opportunity"),
    ):
        if kind in by_kind:
            texts[piece] = by_kind[kind]
    return texts


def assemble(production: Production, record: models.Dossier) -> dossier.Dossier:
    stored = record.attachments.values_list("piece", "pages") if record.pk else ()
    attached = dict(stored)
    return dossier.assemble(
        record.scheme,
        provided=provided_sources(production),
        attached=attached,
        texts=piece_texts(production),
    )
