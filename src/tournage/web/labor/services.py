"""Build the core's plain objects from the models and run the checks (no HTTP here)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from tournage.common.findings import Finding
from tournage.labor.compliance import check_team
from tournage.labor.contracts import Contract as CoreContract
from tournage.labor.contracts import Employer, check_contract
from tournage.labor.errors import LaborError
from tournage.labor.findings import unreadable_shift
from tournage.labor.plan import TeamPlan, plan_premiums
from tournage.labor.planning import Period, person_ics
from tournage.labor.premiums import PremiumLine
from tournage.labor.report import ObservationReport, observation_report_pdf
from tournage.labor.safety import Call, RiskEntry, SceneRisk, accessibility_findings, risk_register
from tournage.labor.timesheet import Shift, Worker
from tournage.web.budget import api as budget_api
from tournage.web.productions.history import create_with_history
from tournage.web.productions.models import Production
from tournage.web.scheduling import api as scheduling_api
from tournage.web.screenplay.api import current_version

from .models import Contract, Risk, TeamSettings, Timesheet


def employer(production: Production) -> Employer:
    settings = TeamSettings.objects.filter(production=production).first()
    if settings is None:
        return Employer(name=production.title)
    return Employer(settings.employer_name, settings.employer_address, settings.employer_siret)


def core_contract(contract: Contract) -> CoreContract:
    return core_contracts(contract.production, [contract])[contract.pk]


def core_contracts(
    production: Production, contracts: Sequence[Contract]
) -> dict[int, CoreContract]:
    """The contracts of one production by id, in two queries whatever their number."""
    boss = employer(production)
    called = _called_days(production.pk, {c.person_id for c in contracts})
    return {c.pk: _core(c, boss, called[c.person_id]) for c in contracts}


def _core(contract: Contract, boss: Employer, called: set[date]) -> CoreContract:
    person = contract.person
    return CoreContract(
        employer=boss,
        employee=str(person),
        idcc=contract.idcc,
        function=contract.function,
        programme=contract.programme,
        start=contract.start,
        end=contract.end,
        pay_amount=contract.pay_amount,
        pay_basis=contract.pay_basis,
        workplace=contract.workplace,
        genre=contract.genre or None,
        birth_date=person.birth_date,
        conges_spectacles_number=contract.conges_spectacles_number,
        numero_objet=contract.numero_objet,
        cadre=contract.cadre,
        reference_hours=contract.reference_hours,
        working_days=tuple(sorted(called | {date.fromisoformat(d) for d in contract.working_days})),
        trial_days=contract.trial_days,
        delivered_on=contract.delivered_on,
        minor_authorisation=contract.minor_authorisation,
        rights_remuneration={k: Decimal(str(v)) for k, v in contract.rights_remuneration.items()},
        author_share_percent=contract.author_share_percent,
        status=contract.status,
    )


def _called_days(production_id: int, person_ids: set[int]) -> defaultdict[int, set[date]]:
    """The days each person is called in the timesheets (added to their contract's days)."""
    days: defaultdict[int, set[date]] = defaultdict(set)
    sheets = Timesheet.objects.filter(production_id=production_id, person_id__in=person_ids)
    for person_id, start in sheets.values_list("person_id", "start"):
        days[person_id].add(timezone.localtime(start).date())
    return days


def core_worker(contract: Contract) -> Worker:
    return Worker(
        name=str(contract.person),
        idcc=contract.idcc,
        function=contract.function,
        birth_date=contract.person.birth_date,
        genre=contract.genre or None,
        reduced_rest_allowed=contract.reduced_rest_allowed,
        weekly_derogation_hours=contract.weekly_derogation_hours,
        hourly_rate=contract.hourly_rate,
    )


def _shift(sheet: Timesheet) -> Shift:
    local = timezone.localtime
    return Shift(
        str(sheet.person),
        local(sheet.start).replace(tzinfo=None),
        local(sheet.end).replace(tzinfo=None),
        sheet.break_minutes,
        sheet.school_holiday,
    )


def team_plan(production_id: int) -> TeamPlan:
    production = Production.objects.filter(pk=production_id).first()
    if production is None:
        raise LaborError("labor.production_unknown", f"Production {production_id} introuvable.")
    contracts = list(production.labor_contracts.select_related("person", "production"))
    sheets = production.labor_timesheets.select_related("person")
    # actual timesheets replace the planned ones of the same person and day
    actual = {(s.person_id, s.start.date()) for s in sheets if s.kind == "actual"}
    kept = [s for s in sheets if s.kind == "actual" or (s.person_id, s.start.date()) not in actual]
    shifts, rejected = _readable(s for s in kept if s.person_id in {c.person_id for c in contracts})
    return TeamPlan(
        production.title,
        workers=[core_worker(c) for c in contracts],
        contracts=list(core_contracts(production, contracts).values()),
        shifts=shifts,
        rejected=rejected,
    )


def _readable(sheets: Iterable[Timesheet]) -> tuple[list[Shift], list[Finding]]:
    """The shifts of ``sheets``; one the rules cannot read (a break longer than a short
    call) becomes a finding instead of stopping the whole team's checks."""
    shifts, rejected = [], []
    for sheet in sheets:
        try:
            shifts.append(_shift(sheet))
        except LaborError as error:
            day = timezone.localtime(sheet.start).date()
            rejected.append(unreadable_shift(error.code, error.message, str(sheet.person), day))
    return shifts, rejected


def compliance(production: Production) -> tuple[list[Finding], list[PremiumLine]]:
    plan = team_plan(production.pk)
    today = timezone.localdate()
    findings = [f for c in plan.contracts for f in _contract_findings(c, today)]
    findings += plan.rejected + check_team(plan.workers, plan.shifts)
    return findings, plan_premiums(plan)


def _contract_findings(contract: CoreContract, today: date) -> list[Finding]:
    return check_contract(contract, today if contract.status == "draft" else None)


def contract_findings(contract: Contract) -> list[Finding]:
    return check_contract(core_contract(contract))


def contracts_findings(
    production: Production, contracts: Sequence[Contract]
) -> dict[int, list[Finding]]:
    """The findings of many contracts by id, without a query per contract."""
    return {pk: check_contract(c) for pk, c in core_contracts(production, contracts).items()}


def contract_premiums(contract: Contract) -> list[PremiumLine]:
    """Overtime and increases estimated from this person's planned or actual timesheets."""
    plan = team_plan(contract.production_id)
    return [p for p in plan_premiums(plan) if p.person == str(contract.person)]


def script_flags(scenes: list[Any]) -> list[SceneRisk]:
    """Risk flags of core ``tournage.screenplay`` scenes (an uploaded or demo script)."""
    return [
        SceneRisk(scene.key, risk.code, risk.evidence)
        for scene in scenes
        if not scene.omitted
        for risk in scene.risks
    ]


def breakdown_flags(production: Production) -> list[SceneRisk]:
    """Risk flags of the production's current script version in the screenplay app."""
    version = current_version(production)
    if version is None:
        return []
    return [
        SceneRisk(row.key, risk["code"], risk.get("evidence", ""))
        for row in version.scenes.filter(omitted=False)
        for risk in row.risks
    ]


def seed_risks(production: Production, flags: list[SceneRisk]) -> int:
    """Add risk flags to the register; lines already there are kept as the user edited them."""
    created = 0
    for entry in risk_register(flags):
        _, new = Risk.objects.get_or_create(
            production=production,
            scene=entry.scene,
            code=entry.code,
            defaults={
                "label": entry.label,
                "measures": "\n".join(entry.measures),
                "owner": entry.owner,
                "evidence": entry.evidence[:300],
            },
        )
        created += new
    return created


def accessibility(production: Production) -> list[Finding]:
    locations = {
        str(a.location): a.checklist()
        for a in production.labor_location_access.select_related("location")
    }
    needs = {
        str(n.person): n.needs for n in production.labor_needs.select_related("person") if n.consent
    }
    calls = [
        Call(str(s.person), str(s.location), s.start.date())
        for s in production.labor_timesheets.select_related("person", "location")
        if s.location_id
    ]
    return accessibility_findings(locations, _unique(calls), needs)


def _unique(calls: list[Call]) -> list[Call]:
    seen: dict[tuple[str, str], Call] = {}
    for call in calls:
        seen.setdefault((call.person, call.location), call)
    return list(seen.values())


def risk_entries(production: Production) -> list[RiskEntry]:
    """The risk register as the user edited it (measures one per line)."""
    return [
        RiskEntry(
            r.scene,
            r.code,
            r.label,
            tuple(r.measures.splitlines()),
            r.owner,
            "",
            True,
            r.evidence,
            r.day,
            r.get_status_display(),
        )
        for r in production.labor_risks.all()
    ]


def location_access(production: Production) -> dict[int, dict[str, object]]:
    """Accessibility checklist of each location (by location id) as the teams recorded it."""
    return {a.location_id: a.checklist() for a in production.labor_location_access.all()}


def locations_used(production: Production) -> list[Any]:
    """The locations where people are called (planned or actual timesheets)."""
    ids = production.labor_timesheets.exclude(location=None).values_list("location_id")
    return list(production.locations.filter(pk__in=ids))


def incident_register(production: Production) -> list[dict[str, Any]]:
    """The safety file's incident register (the safety app owns incidents). Imported here:
    the safety app reads the teams app's api at import time, not the other way round."""
    from tournage.web.safety import api as safety_api

    return safety_api.incident_register(production)


def observation_report(production: Production) -> bytes:
    settings = TeamSettings.objects.filter(production=production).first()
    risks = risk_entries(production)
    findings, _ = compliance(production)
    report = ObservationReport(
        production=production.title,
        risks=risks,
        incidents=[
            {"date": f"{i['date']:%d/%m/%Y}", **{k: i[k] for k in ("description", "action")}}
            for i in incident_register(production)
        ],
        accessibility=accessibility(production),
        working_time=[
            f
            for f in findings
            if f.code.startswith(("LAB-DAY", "LAB-REST", "LAB-WEEK", "LAB-MINOR"))
        ],
        contacts={
            "Référent sécurité": settings.safety_referent if settings else "",
            "Référent harcèlement / VHSS": settings.harassment_referent if settings else "",
            "Santé au travail": settings.occupational_health if settings else "",
        },
    )
    return observation_report_pdf(report)


def periods(production: Production) -> list[Period]:
    return [
        Period(str(c.person), c.start, c.end, "shoot", c.function)
        for c in production.labor_contracts.select_related("person")
    ]


def ics_for(production: Production, person_id: int) -> bytes:
    person = production.people.get(pk=person_id)
    shifts = [_shift(s) for s in production.labor_timesheets.filter(person=person)]
    return person_ics(str(person), production.title, periods(production), shifts, timezone.now())


def contract_total(contract: Contract) -> Decimal:
    """Gross pay of the whole contract: per-day bases x days worked, weekly x weeks."""
    days = len(contract.working_days) or (contract.end - contract.start).days + 1
    if contract.pay_basis.startswith(("weekly", "week_")):
        return contract.pay_amount * Decimal(-(-days // 5))  # started weeks
    if contract.pay_basis.startswith("monthly"):
        return contract.pay_amount
    return contract.pay_amount * days


def commit_signed(contract: Contract) -> bool:
    """A signed contract becomes a commitment on the person's budget line (if any)."""
    if contract.status != "signed":
        return False
    return budget_api.commit_person(
        contract.production,
        contract.person,
        reference=f"contrat-{contract.pk}",
        label=f"CDDU {contract.function}",
        amount=contract_total(contract),
        day=contract.start,
    )


def schedule_calls(production: Production) -> dict[int, list[tuple[datetime, datetime, Any]]]:
    """Calls per person id from the accepted plan de travail (``accepted_plan``, the one
    reading of it that carbon and contracts share): the whole crew every shooting day, the
    cast on the days of their scenes; call and wrap as the scheduler evaluates them.
    Empty while no plan is accepted."""
    plan = scheduling_api.accepted_plan(production)
    if plan is None:
        return {}
    crew = list(production.people.filter(kind="crew").values_list("pk", flat=True))
    places = production.locations.in_bulk()
    calls: dict[int, list[tuple[datetime, datetime, Any]]] = {}
    for day in plan.days:
        start, end = timezone.make_aware(day.call), timezone.make_aware(day.wrap)
        place = places.get(day.location_id) if day.location_id is not None else None
        for person_id in dict.fromkeys([*crew, *day.cast_ids]):
            calls.setdefault(person_id, []).append((start, end, place))
    return calls


@transaction.atomic
def plan_from_schedule(production: Production, user: Any = None) -> int:
    """Replace the planned timesheets by the current schedule's calls; risks get their day."""
    calls = schedule_calls(production)
    if not calls:
        return 0
    Timesheet.objects.filter(production=production, kind="planned").delete()
    create_with_history(
        Timesheet,
        (
            Timesheet(
                production=production,
                person_id=person_id,
                start=start,
                end=end,
                break_minutes=0,
                kind="planned",
                location=place,
            )
            for person_id, rows in calls.items()
            for start, end, place in rows
            if end > start
        ),
        user=user,
    )
    _date_risks(production)
    return sum(len(rows) for rows in calls.values())


def _date_risks(production: Production) -> None:
    schedule = scheduling_api.current_schedule(production)
    days = scheduling_api.assignment_of(schedule) if schedule else {}
    for risk in production.labor_risks.all():
        if days.get(risk.scene) != risk.day:
            risk.day = days.get(risk.scene)
            risk.save(update_fields=["day"])
