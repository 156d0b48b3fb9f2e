"""Shoot follow-up pages: call sheets, daily reports and progress, takes log, project plan."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tournage.followup.callsheet import for_recipient
from tournage.followup.errors import FollowupError
from tournage.followup.plan import gantt_svg, ics, late, order_violations
from tournage.followup.takes import Take as CoreTake
from tournage.followup.takes import export_ale, export_csv, read_takes
from tournage.web.productions.access import ProductionRequest
from tournage.web.productions.forms import save_if_changed
from tournage.web.productions.models import Role
from tournage.web.safety.api import incidents_on

from . import services
from .forms import (
    BackupCopyForm,
    CallSheetForm,
    DailyReportForm,
    DroppedSceneForm,
    MediaCardForm,
    MilestoneForm,
    PeopleTimesForm,
    PostVersionForm,
    ScenesShotForm,
    TakesUploadForm,
)
from .models import (
    CallSheet,
    DailyReport,
    DroppedScene,
    MediaCard,
    Milestone,
    PostVersion,
    Take,
)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Http404("no such day") from None


def index(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    try:
        progress = services.production_progress(production)
    except FollowupError as error:
        progress, problem = None, error.message
    else:
        problem = ""
    context = {
        "progress": progress,
        "problem": problem,
        "sheets": CallSheet.objects.filter(production=production).exclude(issued_at=None).count(),
        "reports": DailyReport.objects.filter(production=production).count(),
        "takes": Take.objects.filter(production=production).count(),
        "milestones": Milestone.objects.filter(production=production).count(),
    }
    return render(request, "followup/index.html", context)


def callsheets(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    plan = services.current_plan(production)
    stored = {s.date: s for s in CallSheet.objects.filter(production=production)}
    rows = [(d, n, stored.get(d)) for n, d in enumerate(plan.days if plan else [], start=1)]
    return render(request, "followup/callsheets.html", {"rows": rows, "plan": plan})


def callsheet(request: ProductionRequest, production_id: int, day: str) -> HttpResponse:
    production = request.production
    when = _day(day)
    stored = CallSheet.objects.filter(production=production, date=when).first()
    form = CallSheetForm(
        request.POST or None, instance=stored or CallSheet(production=production, date=when)
    )
    try:
        sheet = services.build_sheet(production, when)
    except FollowupError as error:
        if error.code == "callsheet.no_day":
            raise Http404(error.message) from None
        return render(request, "followup/problem.html", {"message": error.message})
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Call sheet saved."))
        return redirect("followup:callsheet", production_id=production_id, day=day)
    shown = sheet.to_dict()
    if request.membership.role == Role.CREW:  # a crew member sees what they would receive
        shown = for_recipient(shown, str(request.membership.person or ""))
    context = {"sheet": shown, "when": when, "stored": stored, "form": form, "day": day}
    return render(request, "followup/callsheet.html", context)


@require_POST
def callsheet_issue(request: ProductionRequest, production_id: int, day: str) -> HttpResponse:
    when = _day(day)
    try:
        stored = services.issue(request.production, when)
    except FollowupError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Call sheet issued (version %(v)s).") % {"v": stored.version})
    return redirect("followup:callsheet", production_id=production_id, day=day)


@require_POST
def callsheet_send(request: ProductionRequest, production_id: int, day: str) -> HttpResponse:
    try:
        sent = services.send_sheet(request.production, _day(day))
    except FollowupError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(n)s e-mails sent.") % {"n": sent})
    return redirect("followup:callsheet", production_id=production_id, day=day)


def callsheet_pdf(request: ProductionRequest, production_id: int, day: str) -> HttpResponse:
    """The production office gets the full sheet; crew members their own share of it."""
    when = _day(day)
    member = request.membership.person if request.membership.role == Role.CREW else None
    try:
        body = services.sheet_pdf(request.production, when, str(member) if member else "")
    except FollowupError as error:
        raise Http404(error.message) from None
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="feuille-{when.isoformat()}.pdf"'
    return response


def reports(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    plan = services.current_plan(production)
    stored = {r.date: r for r in DailyReport.objects.filter(production=production)}
    rows = [(d, stored.get(d)) for d in (plan.days if plan else [])]
    try:
        progress = services.production_progress(production) if stored else None
    except FollowupError:
        progress = None
    return render(request, "followup/reports.html", {"rows": rows, "progress": progress})


def report(request: ProductionRequest, production_id: int, day: str) -> HttpResponse:
    production = request.production
    when = _day(day)
    plan = services.current_plan(production)
    if plan is None or when not in plan.calls:
        raise Http404("not a shooting day")
    instance = DailyReport.objects.filter(production=production, date=when).first()
    form = DailyReportForm(
        request.POST or None, instance=instance or DailyReport(production=production, date=when)
    )
    planned = plan.scenes_on(when)
    shot = ScenesShotForm(request.POST or None, scenes=planned, report=instance, prefix="shot")
    people = services.report_people(production, when, instance)
    times = PeopleTimesForm(request.POST or None, people=people, report=instance, prefix="people")
    if request.method == "POST" and all(f.is_valid() for f in (form, shot, times)):
        with transaction.atomic():
            saved = save_if_changed(form)
            shot.save(saved)
            times.save(saved)
            services.feed(saved)
        messages.success(request, _("Report saved."))
        return redirect("followup:report", production_id=production_id, day=day)
    context = {
        "form": form,
        "shot": shot,
        "times": times,
        "fed": services.fed_by(instance) if instance else None,
        "day": when,
        "report": instance,
        "planned": planned,
        "incidents": incidents_on(production, when),
    }
    return render(request, "followup/report.html", context)


def takes(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    form = TakesUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            log = read_takes(upload.read(), upload.name)
        except FollowupError as error:
            form.add_error("file", error.message)
        else:
            added = services.store_takes(production, log.takes, upload.name)
            messages.success(
                request,
                _("%(n)s takes read, %(added)s new.") % {"n": len(log.takes), "added": added},
            )
            for warning in log.warnings:
                messages.warning(request, warning)
            return redirect("followup:takes", production_id=production_id)
    context = {
        "form": form,
        "card_form": MediaCardForm(prefix="card"),
        "copy_form": BackupCopyForm(prefix="copy", production=production),
        "dropped_form": DroppedSceneForm(prefix="dropped"),
        "takes": Take.objects.filter(production=production),
        "cards": MediaCard.objects.filter(production=production).prefetch_related("copies"),
        "dropped": DroppedScene.objects.filter(production=production),
    }
    return render(request, "followup/takes.html", context)


@require_POST
def backup_add(request: ProductionRequest, production_id: int, kind: str) -> HttpResponse:
    """Add a card, a copy of a card or a dropped-scene decision (forms of the takes page)."""
    production = request.production
    forms_by_kind: dict[str, Any] = {
        "card": lambda: MediaCardForm(request.POST, prefix="card"),
        "copy": lambda: BackupCopyForm(request.POST, prefix="copy", production=production),
        "dropped": lambda: DroppedSceneForm(request.POST, prefix="dropped"),
    }
    if kind not in forms_by_kind:
        raise Http404("unknown record")
    _add(request, forms_by_kind[kind](), owned=kind != "copy")  # a copy belongs to its card
    return redirect("followup:takes", production_id=production_id)


def _add(request: ProductionRequest, form: Any, *, owned: bool = True) -> None:
    """Save a creation form of the production (a message either way: the page redirects)."""
    if not form.is_valid():
        messages.error(request, " ".join(str(m) for errors in form.errors.values() for m in errors))
        return
    item = form.save(commit=False)
    if owned:
        item.production = request.production
    item.save()
    messages.success(request, _("Saved."))


def takes_export(request: ProductionRequest, production_id: int, fmt: str) -> HttpResponse:
    rows = [
        CoreTake(
            t.scene,
            t.shot,
            t.take,
            t.camera_roll,
            t.clip_name,
            t.tc_in,
            t.tc_out,
            t.sound_roll,
            t.selected,
            t.comments,
        )
        for t in Take.objects.filter(production=request.production)
    ]
    if fmt == "ale":
        body, kind = export_ale(rows), "text/plain; charset=utf-8"
    elif fmt == "csv":
        body, kind = export_csv(rows), "text/csv; charset=utf-8"
    else:
        raise Http404("unknown format")
    response = HttpResponse(body, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="prises.{fmt}"'
    return response


def plan(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    milestones = services.core_milestones(production)
    today = timezone.localdate()
    try:
        order = order_violations(milestones)
    except FollowupError as error:
        order = []
        messages.error(request, error.message)
    context = {
        "rows": Milestone.objects.filter(production=production),
        "gantt": mark_safe(gantt_svg(milestones, today)),  # noqa: S308 - names escaped by the core
        "late": late(milestones, today),
        "order": order,
        "versions": PostVersion.objects.filter(production=production),
        "version_form": PostVersionForm(prefix="version"),
    }
    return render(request, "followup/plan.html", context)


@require_POST
def plan_phases(request: ProductionRequest, production_id: int) -> HttpResponse:
    """Create the data's phases that are missing, around the accepted schedule's dates."""
    try:
        added = services.default_milestones(request.production)
    except FollowupError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(n)s phases added.") % {"n": added})
    return redirect("followup:plan", production_id=production_id)


@require_POST
def version_add(request: ProductionRequest, production_id: int) -> HttpResponse:
    _add(request, PostVersionForm(request.POST, prefix="version"))
    return redirect("followup:plan", production_id=production_id)


def milestone(request: ProductionRequest, production_id: int, milestone_id: int) -> HttpResponse:
    item = get_object_or_404(Milestone, pk=milestone_id, production=request.production)
    form = MilestoneForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Milestone saved."))
        return redirect("followup:plan", production_id=production_id)
    return render(request, "followup/milestone.html", {"form": form, "milestone": item})


def plan_ics(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    body = ics(services.core_milestones(production), production.title, timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="projet.ics"'
    return response
