"""Plan de travail pages: versions, stripboard, day-out-of-days, exports, actions.

Access (membership, write roles) is enforced by the productions middleware; views only
scope their queries to ``request.production``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_tasks.base import TaskResult

from tournage.scheduling.dood import day_out_of_days
from tournage.scheduling.stripboard import stripboard
from tournage.scheduling.tables import DEFAULTS
from tournage.web.productions import task_progress
from tournage.web.productions.access import Area, ProductionRequest, area, hidden_person_fields
from tournage.web.rights import api as rights_api

from . import exports
from .comparison import dood_changes, term_rows
from .forms import (
    AvailabilityCollectedForm,
    LostDayForm,
    MoveForm,
    PlanSettingsForm,
    UnavailabilityForm,
)
from .models import (
    AvailabilityConfirmation,
    PlanSettings,
    Schedule,
    ScheduleStatus,
    Unavailability,
)
from .services import (
    accept,
    assignment_of,
    current_schedule,
    draft_of,
    has_script,
    latest_proposal,
    move_in_draft,
    planning_problem,
    problem_of,
    redo,
    reevaluate,
    settings_from,
    undo,
)
from .tasks import optimise_schedule, replan_schedule


def _schedule(request: ProductionRequest, schedule_id: int) -> Schedule:
    return get_object_or_404(Schedule, pk=schedule_id, production=request.production)


def index(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    current, proposal = current_schedule(production), latest_proposal(production)
    return render(
        request,
        "scheduling/index.html",
        {
            "current": current,
            "proposal": proposal,
            "versions": Schedule.objects.filter(production=production),
            "has_script": has_script(production),
            "comparison": term_rows(current, proposal) if proposal else [],
            "lost_form": LostDayForm(),
            "unavailability_form": UnavailabilityForm(production=production),
            "collected_form": AvailabilityCollectedForm(
                production=production, initial={"confirmed_on": timezone.localdate()}
            ),
            "availability": _availability(production),
            "task": _solve_task(production, request.GET.get("task", "")),
        },
    )


def _availability(production: Any) -> list[dict[str, Any]]:
    """Per cast member: when their availability was collected and the dates they lack."""
    collected = dict(
        AvailabilityConfirmation.objects.filter(production=production).values_list(
            "person_id", "confirmed_on"
        )
    )
    lost: dict[int, list[Unavailability]] = {}
    for item in Unavailability.objects.filter(production=production):
        lost.setdefault(item.person_id, []).append(item)
    return [
        {
            "person": person,
            "collected_on": collected.get(person.pk),
            "lost": lost.get(person.pk, []),
        }
        for person in production.people.filter(kind="cast")
    ]


@require_POST
def optimise(request: ProductionRequest, production_id: int) -> HttpResponse:
    return _follow(request, optimise_schedule.enqueue(request.production.pk))


def _follow(request: ProductionRequest, result: TaskResult[Any]) -> HttpResponse:
    return task_progress.follow(
        request,
        result,
        reverse("scheduling:index", kwargs={"production_id": request.production.pk}),
        _("The optimiser is done; its proposal is below."),
        _("The optimiser failed and changed nothing: run it again."),
    )


def _solve_task(production: Any, task_id: str) -> TaskResult[Any] | None:
    """The optimiser's or re-planning's task ``task_id`` if it is about ``production``."""
    return task_progress.found(
        optimise_schedule, task_id, lambda args: args[0] == production.pk
    ) or task_progress.found(
        replan_schedule, task_id, lambda args: production.schedules.filter(pk=args[0]).exists()
    )


@require_GET
def progress(request: ProductionRequest, production_id: int, task_id: str) -> HttpResponse:
    """How far the optimiser has gone (JSON, polled by the index page)."""
    result = _solve_task(request.production, task_id)
    if result is None:
        raise Http404("No such task.")

    def board_url(schedule_id: Any) -> str:
        if schedule_id is None:
            return reverse("scheduling:index", kwargs={"production_id": production_id})
        return reverse(
            "scheduling:board", kwargs={"production_id": production_id, "schedule_id": schedule_id}
        )

    return JsonResponse(task_progress.poll(result, DEFAULTS.load().solve_seconds, board_url))


@require_POST
def accept_view(request: ProductionRequest, production_id: int, schedule_id: int) -> HttpResponse:
    schedule = _schedule(request, schedule_id)
    if schedule.days.exists():
        accept(schedule)
        messages.success(request, _("This version is now the current schedule."))
    return redirect("scheduling:index", production_id=production_id)


@require_POST
def replan(request: ProductionRequest, production_id: int, schedule_id: int) -> HttpResponse:
    schedule = _schedule(request, schedule_id)
    form = LostDayForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the date of the lost day."))
        return redirect("scheduling:index", production_id=production_id)
    return _follow(
        request, replan_schedule.enqueue(schedule.pk, form.cleaned_data["date"].isoformat())
    )


def board(request: ProductionRequest, production_id: int, schedule_id: int) -> HttpResponse:
    schedule = _schedule(request, schedule_id)
    problem = problem_of(schedule)
    assignment = assignment_of(schedule)
    locked = set(schedule.assignments.filter(locked=True).values_list("scene_key", flat=True))
    board = stripboard(problem, assignment)
    unpermitted = rights_api.days_without_permit(request.production, schedule)
    for day in board["days"]:  # the rights register's permits, day by day
        day["when"] = date.fromisoformat(day["date"])
        day["without_permit"] = unpermitted.get(day["when"], [])
    current = current_schedule(request.production)
    compare = schedule.is_draft and current is not None and current.pk != schedule.pk
    return render(
        request,
        "scheduling/board.html",
        {
            "schedule": schedule,
            "board": board,
            "locked": locked,
            "dates": problem.calendar.days(),
            "current": current,
            "comparison": term_rows(current, schedule) if compare else [],
            "dood_changes": dood_changes(current, schedule) if compare and current else [],
            "last_edit": _last_edit(schedule),
        },
    )


def _last_edit(schedule: Schedule) -> dict[str, Any] | None:
    """The draft's last move still applied, for the page to announce."""
    if not schedule.can_undo:
        return None
    edit = schedule.edits[len(schedule.edits) - schedule.undone - 1]
    return {
        "scene": edit["scene"],
        "to": date.fromisoformat(edit["to"]) if edit["to"] else None,
    }


def _to_board(schedule: Schedule, scene: str = "") -> HttpResponse:
    response = redirect(
        "scheduling:board", production_id=schedule.production_id, schedule_id=schedule.pk
    )
    if scene:  # the page focuses the strip just moved
        response["Location"] += f"#strip-{scene}"
    return response


@require_POST
def move(request: ProductionRequest, production_id: int, schedule_id: int) -> HttpResponse:
    """Move a strip: on a draft; an accepted or proposed version opens its draft first."""
    schedule = _schedule(request, schedule_id)
    form = MoveForm(request.POST)
    if not (
        form.is_valid()
        and schedule.assignments.filter(scene_key=form.cleaned_data["scene"]).exists()
    ):
        messages.error(request, _("Unknown scene or date."))
        return _to_board(schedule)
    draft = draft_of(schedule)
    if draft.pk != schedule.pk:
        messages.info(
            request,
            _("Draft v%(draft)s opened: v%(base)s stays as it is until you accept the draft.")
            % {"draft": draft.number, "base": schedule.number},
        )
    scene = form.cleaned_data["scene"]
    if not move_in_draft(draft, scene, form.cleaned_data["date"]):
        messages.error(
            request, _("Scene %(scene)s did not move (locked, or same date).") % {"scene": scene}
        )
    return _to_board(draft, scene)


def _draft(request: ProductionRequest, schedule_id: int) -> Schedule:
    return get_object_or_404(
        Schedule, pk=schedule_id, production=request.production, status=ScheduleStatus.DRAFT
    )


@require_POST
def undo_view(request: ProductionRequest, production_id: int, schedule_id: int) -> HttpResponse:
    draft = _draft(request, schedule_id)
    edit = undo(draft)
    if edit is None:
        messages.error(request, _("Nothing to undo."))
        return _to_board(draft)
    messages.success(request, _("Move of scene %(scene)s undone.") % {"scene": edit["scene"]})
    return _to_board(draft, edit["scene"])


@require_POST
def redo_view(request: ProductionRequest, production_id: int, schedule_id: int) -> HttpResponse:
    draft = _draft(request, schedule_id)
    edit = redo(draft)
    if edit is None:
        messages.error(request, _("Nothing to redo."))
        return _to_board(draft)
    messages.success(request, _("Move of scene %(scene)s redone.") % {"scene": edit["scene"]})
    return _to_board(draft, edit["scene"])


@require_POST
def recompute(request: ProductionRequest, production_id: int, schedule_id: int) -> HttpResponse:
    """Evaluate the draft again (cost, moves, rest, day out of days) with the core."""
    draft = _draft(request, schedule_id)
    reevaluate(draft)
    messages.success(request, _("Draft recomputed: cost, moves, rest and day out of days."))
    return _to_board(draft)


@require_POST
def discard(request: ProductionRequest, production_id: int, schedule_id: int) -> HttpResponse:
    draft = _draft(request, schedule_id)
    number = draft.number
    draft.delete()
    messages.success(request, _("Draft v%(number)s discarded.") % {"number": number})
    return redirect("scheduling:index", production_id=production_id)


@require_POST
def lock(request: ProductionRequest, production_id: int, schedule_id: int) -> HttpResponse:
    schedule = _schedule(request, schedule_id)
    assignment = get_object_or_404(schedule.assignments, scene_key=request.POST.get("scene", ""))
    assignment.locked = not assignment.locked
    assignment.save(update_fields=["locked"])
    return redirect("scheduling:board", production_id=production_id, schedule_id=schedule.pk)


def dood(request: ProductionRequest, production_id: int, schedule_id: int) -> HttpResponse:
    schedule = _schedule(request, schedule_id)
    days, rows = day_out_of_days(problem_of(schedule), assignment_of(schedule))
    return render(
        request, "scheduling/dood.html", {"schedule": schedule, "days": days, "rows": rows}
    )


def _download(content: str | bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


EXPORTS: dict[str, tuple[Callable[[Schedule], str | bytes], str, str]] = {
    "json": (
        lambda schedule: json.dumps(schedule.problem, ensure_ascii=False, indent=1),
        "application/json",
        "probleme-plan-de-travail-v{}.json",
    ),
    "csv": (exports.stripboard_csv, "text/csv; charset=utf-8", "plan-de-travail-v{}.csv"),
    "pdf": (exports.stripboard_pdf, "application/pdf", "plan-de-travail-v{}.pdf"),
    "dood_xlsx": (
        exports.dood_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "depouillement-jours-v{}.xlsx",
    ),
}


def export_file(
    request: ProductionRequest, production_id: int, schedule_id: int, kind: str
) -> HttpResponse:
    schedule = _schedule(request, schedule_id)
    build, content_type, name = EXPORTS[kind]
    if kind == "json":
        schedule.problem = _without_personal_data(schedule.problem, request.membership.role)
    return _download(build(schedule), content_type, name.format(schedule.number))


def _without_personal_data(problem: dict[str, Any], role: str) -> dict[str, Any]:
    """The problem file as ``role`` may read it: no cast pay or age for the others."""
    hidden = hidden_person_fields(role)
    drop = {
        key
        for key, field in (("daily_cost", "daily_rate"), ("age", "birth_date"))
        if field in hidden
    }
    cast = [
        {k: v for k, v in member.items() if k not in drop} for member in problem.get("cast", [])
    ]
    return {**problem, "cast": cast}


def export_ics(request: ProductionRequest, production_id: int, schedule_id: int) -> HttpResponse:
    schedule = _schedule(request, schedule_id)
    cast_id = request.GET.get("cast", "")
    if cast_id not in {member.id for member in problem_of(schedule).cast}:
        return HttpResponse(_("Unknown cast member."), status=404)
    return _download(
        exports.person_ics(schedule, cast_id), "text/calendar; charset=utf-8", "planning.ics"
    )


@area(Area.PLANNING, writers_only=True)
def plan_settings(request: ProductionRequest, production_id: int) -> HttpResponse:
    """Units, split call, weather cover and each scene's unit and cover flag; saved
    unchanged, nothing is written."""
    production = request.production
    problem = planning_problem(production)
    stored = PlanSettings.objects.filter(production=production).first()
    instance = stored or PlanSettings(
        production=production,
        **(
            settings_from(problem)
            if problem
            else {"main_unit_name": DEFAULTS.load().main_unit_name}
        ),
    )
    scenes = problem.scenes if problem else ()
    form = PlanSettingsForm(request.POST or None, instance=instance, scenes=scenes)
    if request.method == "POST" and form.is_valid():
        if form.has_changed():
            form.save()
            messages.success(request, _("Plan settings saved: optimise again to use them."))
        else:
            messages.info(request, _("Nothing changed."))
        return redirect("scheduling:settings", production_id=production_id)
    status = 400 if form.errors else 200
    return render(request, "scheduling/settings.html", {"form": form}, status=status)


@require_POST
def add_unavailability(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    form = UnavailabilityForm(request.POST, production=production)
    if form.is_valid():
        Unavailability.objects.get_or_create(production=production, **form.cleaned_data)
        messages.success(request, _("Unavailability recorded; optimise again to use it."))
    else:
        messages.error(request, _("Choose a cast member and a date."))
    return redirect("scheduling:index", production_id=production_id)


@require_POST
def availability_collected(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    form = AvailabilityCollectedForm(request.POST, production=production)
    if form.is_valid():
        AvailabilityConfirmation.objects.update_or_create(
            production=production,
            person=form.cleaned_data["person"],
            defaults={"confirmed_on": form.cleaned_data["confirmed_on"]},
        )
        messages.success(request, _("Availability recorded as collected."))
    else:
        messages.error(request, _("Choose a cast member and a date."))
    return redirect("scheduling:index", production_id=production_id)
