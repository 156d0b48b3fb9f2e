"""Adapters between the database and ``tournage.scheduling``: build, store, edit, accept."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max

from tournage.scheduling import problem_io
from tournage.scheduling.adapter import problem_from_script
from tournage.scheduling.evaluate import Evaluation, evaluate
from tournage.scheduling.model import Calendar, CastMember, Location, Problem, Unit
from tournage.scheduling.solver import Solution, SolveOptions, solve
from tournage.scheduling.stripboard import move_summary
from tournage.scheduling.tables import DEFAULTS
from tournage.screenplay.sets import matched
from tournage.web.productions.models import Production
from tournage.web.screenplay.api import core_script, current_version, set_places

from .models import (
    PlanSettings,
    SceneAssignment,
    Schedule,
    ScheduleOrigin,
    ScheduleStatus,
    ShootingDay,
    Unavailability,
)


def current_schedule(production: Any) -> Schedule | None:
    return Schedule.objects.filter(production=production, status=ScheduleStatus.CURRENT).first()


def latest_proposal(production: Any) -> Schedule | None:
    return (
        Schedule.objects.filter(production=production, status=ScheduleStatus.PROPOSED)
        .order_by("-number")
        .first()
    )


def _start(production: Production) -> date:
    if production.shoot_start:
        return production.shoot_start
    today = date.today()
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)  # next Monday


def has_script(production: Any) -> bool:
    version = current_version(production)
    return version is not None and version.scenes.filter(omitted=False).exists()


def build_problem(production: Any) -> Problem | None:
    """The production's problem from its current script version; ``None`` without script."""
    version = current_version(production)
    if version is None or not has_script(production):
        return None
    start = _start(production)
    pace = production.pace_pages_per_day or DEFAULTS.load().pages_per_day
    problem = problem_from_script(core_script(version), Calendar(start=start), pages_per_day=pace)
    people = {c.name: c.person for c in version.characters.select_related("person")}
    cast = tuple(_member(member, people.get(member.id), start) for member in problem.cast)
    places = set_places(production)
    locations = tuple(_location(loc, matched(loc.id, places)) for loc in problem.locations)
    return replace(problem, cast=cast, locations=locations)


def _member(member: CastMember, person: Any, start: date) -> CastMember:
    if person is None:
        return member
    off = frozenset(Unavailability.objects.filter(person=person).values_list("date", flat=True))
    age = None
    if person.birth_date:
        born = person.birth_date
        age = start.year - born.year - ((start.month, start.day) < (born.month, born.day))
    return CastMember(
        id=member.id,
        name=f"{member.id} ({person})",
        daily_cost=person.daily_rate or Decimal(0),
        unavailable=off,
        age=age,
    )


def _location(location: Location, place: Any) -> Location:
    """The script's décor shot at ``place`` (the location the set is placed at, or None)."""
    if place is None:
        return location
    window = (
        ((place.available_from or date.min, place.available_to or date.max),)
        if (place.available_from or place.available_to)
        else ()
    )
    return Location(
        id=location.id,
        name=f"{location.name} — {place.name}",
        latitude=place.latitude,
        longitude=place.longitude,
        windows=window,
    )


@transaction.atomic
def store(
    production: Any, problem: Problem, solution: Solution, origin: str, label: str = ""
) -> Schedule:
    """A new proposed version holding the solution (or only its conflicts)."""
    schedule = Schedule.objects.create(
        production=production,
        number=_next_number(production),
        label=label,
        origin=origin,
        solver_status=solution.status,
        seconds=solution.seconds,
        bound=solution.bound,
        conflicts=[c.to_dict() for c in solution.conflicts],
        problem=problem_io.to_dict(problem),
    )
    _write_days(schedule, problem, solution.assignment)
    if solution.evaluation is not None:
        _record(schedule, problem, solution.evaluation)
    return schedule


def _write_days(schedule: Schedule, problem: Problem, assignment: dict[str, date]) -> None:
    evaluation = evaluate(problem, assignment)
    for number, plan in enumerate(evaluation.days, start=1):
        day = ShootingDay.objects.create(
            schedule=schedule, number=number, date=plan.day, call_time=plan.call
        )
        for position, scene in enumerate(plan.scenes):
            SceneAssignment.objects.create(
                schedule=schedule, day=day, scene_key=scene.id, position=position
            )
    for scene in problem.scenes:
        if scene.id not in assignment:
            SceneAssignment.objects.create(schedule=schedule, day=None, scene_key=scene.id)


def _record(schedule: Schedule, problem: Problem, evaluation: Evaluation) -> None:
    moves = move_summary(problem, evaluation)
    schedule.objective = evaluation.objective
    schedule.terms = {
        **evaluation.terms,
        "moves_within_day": moves["within_day"],
        "move_cost_eur": moves["cost_eur"],
    }
    schedule.findings = [f.to_dict() for f in evaluation.findings]
    schedule.save()


def problem_of(schedule: Schedule) -> Problem:
    return problem_io.from_dict(schedule.problem)


def assignment_of(schedule: Schedule) -> dict[str, date]:
    return {
        a.scene_key: a.day.date
        for a in schedule.assignments.select_related("day")
        if a.day is not None
    }


def reevaluate(schedule: Schedule) -> Evaluation:
    """Costs and rule findings after a manual change; the proof no longer applies."""
    problem = problem_of(schedule)
    evaluation = evaluate(problem, assignment_of(schedule))
    schedule.bound = None
    schedule.solver_status = ""
    _record(schedule, problem, evaluation)
    return evaluation


@transaction.atomic
def move_scene(schedule: Schedule, scene_key: str, when: date | None) -> None:
    """Put a strip on another date of the calendar (a new shooting day if needed)."""
    assignment = schedule.assignments.get(scene_key=scene_key)
    if not assignment.locked:
        _place(schedule, assignment, when)


def _place(schedule: Schedule, assignment: SceneAssignment, when: date | None) -> None:
    day = None
    if when is not None:
        day = schedule.days.filter(date=when).first()
        if day is None:
            day = ShootingDay.objects.create(
                schedule=schedule, number=0, date=when, call_time=problem_of(schedule).day_call
            )
    assignment.day = day
    assignment.position = day.assignments.count() if day else 0
    assignment.save()
    _renumber(schedule)
    reevaluate(schedule)


def _next_number(production: Any) -> int:
    found = Schedule.objects.filter(production=production).aggregate(n=Max("number"))["n"]
    return (found or 0) + 1


@transaction.atomic
def draft_of(schedule: Schedule) -> Schedule:
    """The open draft of ``schedule`` (itself when it is one), copied on first use: the
    version it copies stays as it was until the draft is accepted."""
    if schedule.is_draft:
        return schedule
    found = Schedule.objects.filter(
        production=schedule.production, status=ScheduleStatus.DRAFT, based_on=schedule.number
    ).first()
    if found is not None:
        return found
    draft = Schedule.objects.create(
        production=schedule.production,
        number=_next_number(schedule.production),
        label=schedule.label,
        status=ScheduleStatus.DRAFT,
        origin=ScheduleOrigin.MANUAL,
        objective=schedule.objective,
        terms=schedule.terms,
        findings=schedule.findings,
        problem=schedule.problem,
        based_on=schedule.number,
    )
    days = {
        day.pk: ShootingDay.objects.create(
            schedule=draft, number=day.number, date=day.date, call_time=day.call_time
        )
        for day in schedule.days.all()
    }
    for row in schedule.assignments.all():
        SceneAssignment.objects.create(
            schedule=draft,
            day=days.get(row.day_id) if row.day_id else None,
            scene_key=row.scene_key,
            position=row.position,
            locked=row.locked,
        )
    return draft


def _iso(when: date | None) -> str | None:
    return when.isoformat() if when else None


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


@transaction.atomic
def move_in_draft(draft: Schedule, scene_key: str, when: date | None) -> bool:
    """Move a strip of a draft and remember the move (the moves undone are forgotten);
    ``False`` when nothing moved (a locked strip, or the same date)."""
    assignment = draft.assignments.select_related("day").get(scene_key=scene_key)
    before = assignment.day.date if assignment.day else None
    if assignment.locked or before == when:
        return False
    kept = draft.edits[: len(draft.edits) - draft.undone]
    draft.edits = [*kept, {"scene": scene_key, "from": _iso(before), "to": _iso(when)}]
    draft.undone = 0
    _place(draft, assignment, when)
    return True


@transaction.atomic
def undo(draft: Schedule) -> dict[str, Any] | None:
    """Put back the last move still applied; the move undone, ``None`` if none."""
    if not draft.can_undo:
        return None
    edit: dict[str, Any] = draft.edits[len(draft.edits) - draft.undone - 1]
    draft.undone += 1
    _place(draft, draft.assignments.get(scene_key=edit["scene"]), _date(edit["from"]))
    return edit


@transaction.atomic
def redo(draft: Schedule) -> dict[str, Any] | None:
    """Apply again the first move undone; the move, ``None`` if none."""
    if not draft.can_redo:
        return None
    edit: dict[str, Any] = draft.edits[len(draft.edits) - draft.undone]
    draft.undone -= 1
    _place(draft, draft.assignments.get(scene_key=edit["scene"]), _date(edit["to"]))
    return edit


def _renumber(schedule: Schedule) -> None:
    number = 0
    for day in schedule.days.order_by("date"):
        if not day.assignments.exists():
            day.delete()
            continue
        number += 1
        if day.number != number:
            day.number = number
            day.save(update_fields=["number"])


@transaction.atomic
def accept(schedule: Schedule) -> None:
    Schedule.objects.filter(production=schedule.production, status=ScheduleStatus.CURRENT).exclude(
        pk=schedule.pk
    ).update(status=ScheduleStatus.ARCHIVED)
    schedule.status = ScheduleStatus.CURRENT
    schedule.save(update_fields=["status"])


def with_settings_of(problem: Problem, earlier: Problem) -> Problem:
    """Keep what the script does not say from an earlier version: units, weather cover,
    split call, and each scene's unit and cover flag."""
    known = {scene.id: scene for scene in earlier.scenes}
    units = {unit.id for unit in earlier.units}
    scenes = tuple(
        replace(
            scene,
            unit=known[scene.id].unit if known[scene.id].unit in units else earlier.units[0].id,
            weather_cover=known[scene.id].weather_cover,
        )
        if scene.id in known
        else replace(scene, unit=earlier.units[0].id)
        for scene in problem.scenes
    )
    return replace(
        problem,
        scenes=scenes,
        units=earlier.units,
        weather_cover=earlier.weather_cover,
        split_call=earlier.split_call,
    )


SECOND_UNIT = "b"  # the second unit's id in every problem the web app builds


def settings_from(problem: Problem) -> dict[str, Any]:
    """The plan settings a problem holds (the form's values before any is saved)."""
    main, second = problem.units[0], problem.units[1] if len(problem.units) > 1 else None
    return {
        "main_unit_name": main.name,
        "main_day_cost": main.day_cost,
        "second_unit_name": second.name if second else "",
        "second_day_cost": second.day_cost if second else None,
        "split_call": problem.split_call,
        "weather_cover": problem.weather_cover.enabled,
        "second_unit_scenes": [s.id for s in problem.scenes if second and s.unit == second.id],
        "cover_scenes": [s.id for s in problem.scenes if s.weather_cover],
    }


def with_plan_settings(problem: Problem, settings: PlanSettings) -> Problem:
    """The problem with the production's own units, split call, cover and scene choices
    (the weather cover's lost days stay: they belong to a re-planning)."""
    main = Unit(problem.units[0].id, settings.main_unit_name, settings.main_day_cost, span=True)
    units: tuple[Unit, ...] = (main,)
    if settings.second_unit_name:
        units += (Unit(SECOND_UNIT, settings.second_unit_name, settings.second_day_cost, False),)
    second = set(settings.second_unit_scenes) if len(units) > 1 else set()
    cover = set(settings.cover_scenes)
    scenes = tuple(
        replace(s, unit=units[-1].id if s.id in second else main.id, weather_cover=s.id in cover)
        for s in problem.scenes
    )
    return replace(
        problem,
        scenes=scenes,
        units=units,
        weather_cover=replace(problem.weather_cover, enabled=settings.weather_cover),
        split_call=settings.split_call,
    )


def planning_problem(production: Any) -> Problem | None:
    """The problem the next optimisation solves: the current script, with the settings
    saved on the plan's settings page, else those of the current version."""
    problem = build_problem(production)
    if problem is None:
        return None
    current = current_schedule(production)
    if current is not None:
        problem = with_settings_of(problem, problem_of(current))
    settings = PlanSettings.objects.filter(production=production).first()
    return problem if settings is None else with_plan_settings(problem, settings)


def optimise(production: Any, seconds: float, seed: int = 0) -> Schedule | None:
    """A new proposal from the current script and the plan settings; a warm start from
    the current version when there is one."""
    problem = planning_problem(production)
    if problem is None:
        return None
    current = current_schedule(production)
    warm = assignment_of(current) if current is not None else None
    solution = solve(problem, SolveOptions(time_limit=seconds, seed=seed, warm_start=warm))
    return store(production, problem, solution, ScheduleOrigin.SOLVER)


def replan(schedule: Schedule, lost: date, seconds: float) -> Schedule:
    """Re-solve after losing ``lost``: scenes before it stay, changes cost (see weights).
    With weather cover the day stays worked, without exteriors (a cover scene is shot);
    otherwise it leaves the calendar."""
    problem = problem_of(schedule)
    calendar, cover = problem.calendar, problem.weather_cover
    if cover.enabled:
        problem = replace(problem, weather_cover=replace(cover, lost_days=cover.lost_days | {lost}))
    else:
        problem = replace(problem, calendar=replace(calendar, holidays=calendar.holidays | {lost}))
    replanned = replace(problem, previous=assignment_of(schedule), replan_from=lost)
    solution = solve(replanned, SolveOptions(time_limit=seconds))
    return store(
        schedule.production, replanned, solution, ScheduleOrigin.REPLAN, label=f"{lost.isoformat()}"
    )
