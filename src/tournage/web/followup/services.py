"""Adapters between the database (and the other apps' api) and ``tournage.followup``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from tournage.common.findings import Finding
from tournage.followup import callsheet as core
from tournage.followup import feeds
from tournage.followup.errors import FollowupError
from tournage.followup.minors import Child
from tournage.followup.pdf import call_sheet_pdf
from tournage.followup.plan import Milestone as CoreMilestone
from tournage.followup.plan import proposed
from tournage.followup.progress import DayReport, Progress, ShotScene, progress
from tournage.followup.sun import sun_times
from tournage.followup.tables import FOLLOWUP
from tournage.followup.takes import Take as CoreTake
from tournage.labor.calendar import needs_child_authorisation
from tournage.scheduling.model import Problem
from tournage.scheduling.rules import work_rules
from tournage.screenplay.sets import matched
from tournage.web.budget import api as budget_api
from tournage.web.carbon import api as carbon_api
from tournage.web.labor import api as labor_api
from tournage.web.labor.api import (
    ChildTerms,
    accommodation_needs,
    child_terms,
    scene_risks,
    schedule_calls,
)
from tournage.web.productions.models import Location, Person, PersonKind, Production
from tournage.web.scheduling.api import assignment_of, current_schedule, problem_of
from tournage.web.screenplay.api import set_places

from .models import CallSheet, DailyReport, Milestone, PersonTime, Take

ADVANCE_DAYS = 2  # days shown in the advance schedule (a layout choice)


@dataclass(frozen=True)
class Plan:
    """The accepted schedule as the follow-up reads it."""

    number: int
    problem: Problem
    assignment: dict[str, date]
    calls: dict[date, Any]  # day -> unit call time

    @property
    def days(self) -> list[date]:
        return sorted(set(self.assignment.values()))

    def scenes_on(self, day: date) -> list[Any]:
        return [s for s in self.problem.scenes if self.assignment.get(s.id) == day]

    @property
    def eighths(self) -> dict[str, int]:
        return {s.id: s.eighths for s in self.problem.scenes}


def current_plan(production: Production) -> Plan | None:
    schedule = current_schedule(production)
    if schedule is None:
        return None
    calls: dict[date, Any] = {}
    for day in schedule.days.order_by("call_time"):
        calls.setdefault(day.date, day.call_time)
    return Plan(schedule.number, problem_of(schedule), assignment_of(schedule), calls)


def require_plan(production: Production) -> Plan:
    plan = current_plan(production)
    if plan is None:
        raise FollowupError(
            "followup.no_schedule", "Aucun plan de travail accepté : acceptez-en un d'abord."
        )
    return plan


def day_reports(production: Production) -> list[DayReport]:
    reports = DailyReport.objects.filter(production=production).prefetch_related("scenes")
    return [
        DayReport(
            r.date,
            tuple(ShotScene(s.scene, s.eighths, s.complete) for s in r.scenes.all()),
            bool(r.signed_off_by),
        )
        for r in reports
    ]


def production_progress(production: Production) -> Progress:
    plan = require_plan(production)
    return progress(plan.assignment, plan.eighths, day_reports(production))


def build_sheet(production: Production, day: date, version: int | None = None) -> core.CallSheet:
    """The call sheet of ``day`` from the accepted schedule and what the manager typed."""
    plan = require_plan(production)
    if day not in plan.calls:
        raise FollowupError(
            "callsheet.no_day",
            f"Le {day:%d/%m/%Y} n'est pas un jour de tournage du plan de travail v{plan.number}.",
        )
    stored = CallSheet.objects.filter(production=production, date=day).first() or CallSheet(
        production=production, date=day
    )
    scenes = plan.scenes_on(day)
    risks = scene_risks(production)
    day_input = core.DayInput(
        date=day,
        day_number=plan.days.index(day) + 1,
        total_days=len(plan.days),
        unit_call=plan.calls[day],
        scenes=tuple(
            core.SceneLine(s.id, s.label, s.eighths, tuple(s.cast), tuple(s.elements))
            for s in scenes
        ),
        places=_places(production, scenes, day),
        weather=stored.weather,
        hospital=stored.hospital,
        safety=(*stored.lines("safety_notes"), *(r for s in scenes for r in risks.get(s.id, []))),
        contacts=stored.lines("contacts"),
        notes=stored.notes,
        advance=_advance(plan, day),
        school_holiday=day in plan.problem.calendar.school_holidays,
    )
    people, wraps, children = _called(production, day)
    number = stored.version + 1 if version is None else version
    return core.build_call_sheet(
        day_input, people, wraps, _rest(plan), version=number, children=children
    )


def _places(production: Production, scenes: Sequence[Any], day: date) -> tuple[core.Place, ...]:
    """The locations holding the day's sets (the set ↔ location mapping), in scene order,
    with the day's sunrise and sunset where the location has coordinates."""
    places = set_places(production)
    found = dict.fromkeys(
        place
        for place in (matched(scene.location, places) for scene in scenes)
        if place is not None
    )
    return tuple(_place(place, day) for place in found)


def _place(location: Location, day: date) -> core.Place:
    address = " ".join(x for x in (location.address, location.postcode, location.city) if x)
    place = core.Place(location.name, address, location.notes)
    if location.latitude is None or location.longitude is None:
        return place
    sun = sun_times(day, location.latitude, location.longitude, settings.TIME_ZONE)
    return replace(
        place,
        sunrise=sun.sunrise.strftime("%H:%M") if sun.sunrise else "",
        sunset=sun.sunset.strftime("%H:%M") if sun.sunset else "",
        polar=sun.polar,
    )


def _advance(plan: Plan, day: date) -> tuple[str, ...]:
    later = [d for d in plan.days if d > day][:ADVANCE_DAYS]
    return tuple(f"{d:%d/%m} : " + ", ".join(s.id for s in plan.scenes_on(d)) for d in later)


def _called(
    production: Production, day: date
) -> tuple[list[core.Called], dict[str, datetime], list[Child]]:
    """People the schedule calls on ``day``, each one's previous wrap (the reported wrap
    of that day when a daily report gives it), and the children among them with their
    planned wrap and their contract's terms."""
    calls = schedule_calls(production)
    actual = _reported_wraps(production)
    needs = accommodation_needs(production)
    ids = [pid for pid, rows in calls.items() if any(start.date() == day for start, _, _ in rows)]
    people = Person.objects.filter(pk__in=ids).order_by("kind", "last_name")
    terms = child_terms(production, day)
    called, wraps, children = [], {}, []
    for person in people:
        earlier = [end for start, end, _ in calls[person.pk] if start.date() < day]
        if earlier:
            last = _naive(max(earlier))
            wraps[str(person.pk)] = actual.get(last.date(), last)
        called.append(_person(person, day, needs.get(person.pk, [])))
        if called[-1].minor and person.birth_date is not None:
            wrap = max(_naive(end) for start, end, _ in calls[person.pk] if start.date() == day)
            children.append(_child(person, wrap, terms.get(person.pk)))
    return called, wraps, children


def _naive(moment: datetime) -> datetime:
    """Local wall-clock time: the call sheet compares times as the crew reads them."""
    return timezone.localtime(moment).replace(tzinfo=None) if timezone.is_aware(moment) else moment


def _reported_wraps(production: Production) -> dict[date, datetime]:
    """Wraps after midnight are typed as times of the shooting day: read them as next day."""
    wraps = {}
    for r in DailyReport.objects.filter(production=production, wrap__isnull=False):
        assert r.wrap is not None  # filtered above
        moment = datetime.combine(r.date, r.wrap)
        if r.call is not None and r.wrap < r.call:
            moment += timedelta(days=1)
        wraps[r.date] = moment
    return wraps


def _child(person: Person, wrap: datetime, terms: ChildTerms | None) -> Child:
    assert person.birth_date is not None  # only people known to be minors come here
    if terms is None:
        return Child(str(person), person.birth_date, wrap)
    return Child(
        str(person),
        person.birth_date,
        wrap,
        authorisation=terms.authorisation,
        guardian=terms.guardian,
        schooling=terms.schooling,
    )


def _person(person: Person, day: date, needs: list[str]) -> core.Called:
    cast = person.kind == PersonKind.CAST
    return core.Called(
        key=str(person.pk),
        name=str(person),
        role=person.character if cast else person.functions,
        cast=cast,
        department=person.functions,
        phone=person.phone,
        minor=needs_child_authorisation(person.birth_date, day),
        accommodations=tuple(needs),
    )


def _rest(plan: Plan) -> core.Rest:
    rule = work_rules(plan.problem.convention).daily_rest
    return core.Rest(rule.value, rule.source, rule.uncertain)


def rest_breaches(production: Production) -> list[Finding]:
    """Every planned call closer to the person's previous wrap (the reported one when a
    daily report gives it) than the daily rest. The cast starts at HMC, whose lead is a
    default of the data: when it is marked uncertain, the cast's breaches only warn."""
    plan = require_plan(production)
    calls = schedule_calls(production)
    actual = _reported_wraps(production)
    leads = FOLLOWUP.load().calls
    people = {p.pk: p for p in Person.objects.filter(pk__in=list(calls))}
    rows: dict[bool, list[tuple[str, datetime, datetime | None]]] = {True: [], False: []}
    for pid, shifts in calls.items():
        cast = people[pid].kind == PersonKind.CAST
        before = timedelta(minutes=leads.hmc_lead_minutes if cast else 0)
        ordered = sorted((_naive(start), _naive(end)) for start, end, _ in shifts)
        for (start, end), (following, _) in pairwise(ordered):
            rows[cast].append((str(people[pid]), following - before, actual.get(start.date(), end)))
    rest = _rest(plan)
    cast_rest = replace(rest, uncertain=rest.uncertain or leads.uncertain)
    return core.rest_findings(rows[False], rest) + core.rest_findings(rows[True], cast_rest)


@transaction.atomic
def issue(production: Production, day: date) -> CallSheet:
    """Store the sheet as sent under the next version number."""
    sheet = build_sheet(production, day)
    stored, _ = CallSheet.objects.get_or_create(production=production, date=day)
    stored.version = sheet.version
    stored.content = sheet.to_dict()
    stored.issued_at = timezone.now()
    stored.save()
    return stored


def sheet_pdf(production: Production, day: date, recipient: str = "") -> bytes:
    """The issued sheet of ``day`` as PDF (the current draft when not issued yet); for one
    recipient when ``recipient`` names them."""
    stored = CallSheet.objects.filter(production=production, date=day).first()
    content = (
        stored.content if stored and stored.issued_at else build_sheet(production, day).to_dict()
    )
    if recipient:
        content = core.for_recipient(content, recipient)
    return call_sheet_pdf(content, production.title)


def send_sheet(production: Production, day: date) -> int:
    """E-mail the issued sheet to each person it calls who has an address: their own share
    of it as PDF and their call time in the message. Returns the number of messages sent."""
    stored = CallSheet.objects.filter(production=production, date=day).first()
    if stored is None or stored.issued_at is None:
        raise FollowupError("callsheet.not_issued", "Émettez la feuille de service avant l'envoi.")
    named = {c["name"] for c in (*stored.content["cast"], *stored.content["crew"])}
    people = [p for p in production.people.exclude(email="") if str(p) in named]
    messages = []
    for person in people:
        share = core.for_recipient(stored.content, str(person))
        message = EmailMessage(
            subject=f"{production.title} — feuille de service du {day:%d/%m/%Y} "
            f"(v{stored.version})",
            body=f"Bonjour {person.first_name},\n\nVotre convocation : {share['personal_call']}."
            "\nLa feuille de service est jointe.",
            to=[person.email],
        )
        message.attach(
            f"feuille-{day.isoformat()}-v{stored.version}.pdf",
            call_sheet_pdf(share, production.title),
            "application/pdf",
        )
        messages.append(message)
    with get_connection() as connection:
        return connection.send_messages(messages) or 0


@transaction.atomic
def store_takes(production: Production, rows: Sequence[CoreTake], source: str) -> int:
    """New takes are added; a take already logged (same scene, shot, take and roll) gets its
    selection, clip and timecodes updated. Returns the number of new takes."""
    added = 0
    for row in rows:
        _, created = Take.objects.update_or_create(
            production=production,
            scene=row.scene,
            shot=row.shot,
            take=row.take,
            camera_roll=row.camera_roll,
            defaults={
                "clip_name": row.clip_name,
                "tc_in": row.tc_in,
                "tc_out": row.tc_out,
                "sound_roll": row.sound_roll,
                "selected": row.selected,
                "comments": row.comments,
                "source": source[:200],
            },
        )
        added += created
    return added


def default_milestones(production: Production) -> int:
    """Create the data's phases missing from the plan, dated around the accepted schedule."""
    plan = require_plan(production)
    added = 0
    for m in proposed(plan.days[0], plan.days[-1]):
        _, created = Milestone.objects.get_or_create(
            production=production,
            key=m.key,
            defaults={
                "name": m.name,
                "planned_start": m.planned_start,
                "planned_end": m.planned_end,
                "after": list(m.after),
            },
        )
        added += created
    return added


def core_milestones(production: Production) -> list[CoreMilestone]:
    return [
        CoreMilestone(
            m.key,
            m.name,
            m.planned_start,
            m.planned_end,
            m.actual_start,
            m.actual_end,
            tuple(m.after),
        )
        for m in Milestone.objects.filter(production=production)
    ]


def report_people(production: Production, day: date, report: DailyReport | None) -> list[Person]:
    """Whom the report of ``day`` speaks of: the people the plan calls that day, and those
    the report already names (present or timed)."""
    calls = schedule_calls(production)
    ids = {pid for pid, rows in calls.items() if any(start.date() == day for start, _, _ in rows)}
    if report is not None and report.pk is not None:
        ids |= set(report.people_present.values_list("pk", flat=True))
        ids |= set(PersonTime.objects.filter(report=report).values_list("person_id", flat=True))
    return list(Person.objects.filter(pk__in=ids).order_by("kind", "last_name", "first_name"))


@dataclass(frozen=True)
class Fed:
    """What one report wrote elsewhere (ids of the rows, for links)."""

    activities: dict[str, int]  # report field -> carbon activity id
    timesheets: dict[int, int]  # person id -> timesheet id
    costs: dict[str, int]  # reference -> reported cost id


@transaction.atomic
def feed(report: DailyReport) -> Fed:
    """Write what ``report`` gives to the carbon actuals, the timesheets and the cost
    report, through each app's api; the same report saved again writes nothing new."""
    production, day = report.production, report.date
    where = feeds.origin(day)
    rules = FOLLOWUP.load()
    quantities = {f.field: getattr(report, f.field) for f in rules.carbon_feeds}
    activities = {
        line.field: carbon_api.record_activity(
            production,
            phase="actual",
            factor=line.factor,
            quantity=line.quantity,
            unit=line.unit,
            label=line.label,
        )
        for line in feeds.carbon_lines(day, quantities, rules.carbon_feeds)
    }
    carbon_api.remove_activities(production, label_end=f"— {where}", keep=activities.values())
    present = list(report.people_present.values_list("pk", flat=True))
    shifts = feeds.person_shifts(day, _unit_times(report), present, _own_times(report))
    timesheets = labor_api.record_shifts(
        production,
        where,
        [(s.person, _aware(s.start), _aware(s.end), s.break_minutes) for s in shifts],
    )
    costs = budget_api.set_reported_costs(production, where, _costs(report, present))
    return Fed(activities, timesheets, costs)


def fed_by(report: DailyReport) -> dict[str, list[Any]]:
    """The rows the report wrote in the other apps, for the report page's links."""
    production, where = report.production, feeds.origin(report.date)
    return {
        "activities": carbon_api.activities_from(production, f"— {where}"),
        "timesheets": labor_api.shifts_from(production, where),
        "costs": budget_api.reported_costs_from(production, where),
    }


def _unit_times(report: DailyReport) -> feeds.Times:
    return feeds.Times(report.call, report.wrap, report.meal_minutes)


def _own_times(report: DailyReport) -> dict[int, feeds.Times]:
    return {t.person_id: feeds.Times(t.call, t.wrap, t.meal_minutes) for t in report.times.all()}


def _aware(moment: datetime) -> datetime:
    return timezone.make_aware(moment)


def _costs(report: DailyReport, present: list[int]) -> list[tuple[str, str, str, Any]]:
    production = report.production
    accounts = budget_api.person_accounts(production)
    rates = {pid: feeds.HourRate(*rate) for pid, rate in labor_api.hourly_rates(production).items()}
    lines = feeds.overtime_costs(
        report.date,
        report.overtime_minutes,
        {pid: accounts[pid] for pid in present if pid in accounts},
        rates,
    )
    days = [feeds.DayLine(*row) for row in budget_api.shooting_day_lines(production)]
    lines += feeds.extra_day_costs(report.date, report.extra_days or 0, days)
    return [(c.reference, c.account, c.label, c.amount) for c in lines]
