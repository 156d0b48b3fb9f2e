"""Safety pages (area ``planning``); the inclusion page names people and their sex for the
CNC form, so it is for those who read personal data (producer, production manager)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.forms import ModelForm
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tournage.safety.duer import priority
from tournage.safety.inclusion import oeth, referent_required
from tournage.safety.rules import ACCIDENTS, CHECKLIST, DUER, INCLUSION, OETH, PARITY
from tournage.web.labor import api as labor_api
from tournage.web.productions.access import (
    PERSONAL_DATA_READERS,
    Area,
    ProductionRequest,
    area,
    read_roles,
    write_roles,
)

from . import documents, services
from .forms import (
    BriefingForm,
    GeneralHazardForm,
    HeadForm,
    IncidentForm,
    LocationCheckForm,
    RatingForm,
    SafetyFileForm,
)
from .models import Hazard, HeadOfDepartment, Incident, LocationCheck

personal_data = read_roles(*PERSONAL_DATA_READERS)


def _saved(request: ProductionRequest, form: ModelForm[Any], page: str) -> HttpResponse | None:
    """Save a bound valid form on this production and go back to ``page``; else ``None``."""
    if not (form.is_bound and form.is_valid()):
        return None
    form.instance.production = request.production
    form.save()
    messages.success(request, _("Saved."))
    return redirect(f"safety:{page}", production_id=request.production.pk)


def _bound(request: ProductionRequest, name: str) -> Any:
    return request.POST if name in request.POST else None


def index(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    form = SafetyFileForm(
        _bound(request, "save_file"),
        instance=services.safety_file(production),
        production=production,
    )
    return _saved(request, form, "index") or render(
        request,
        "safety/index.html",
        {"form": form, "summary": services.summary(production)},
    )


def duer(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    form = GeneralHazardForm(_bound(request, "add_hazard"), production=production)
    report = services.duer_report(production)
    return _saved(request, form, "duer") or render(
        request,
        "safety/duer.html",
        {
            "form": form,
            "report": report,
            "lines": [(hazard, priority(hazard.score)) for hazard in report.hazards],
            "scales": DUER.load().scales,
            "legal": DUER.load().legal_basis,
        },
    )


@require_POST
@area(Area.PLANNING, writers_only=True)
def duer_sync(request: ProductionRequest, production_id: int) -> HttpResponse:
    created = services.sync_hazards(request.production)
    messages.success(request, _("%(count)d risks added from the register.") % {"count": created})
    return redirect("safety:duer", production_id=production_id)


def hazard_edit(request: ProductionRequest, production_id: int, hazard_id: int) -> HttpResponse:
    hazard = get_object_or_404(Hazard, pk=hazard_id, production=request.production)
    form_class = RatingForm if hazard.scene else GeneralHazardForm
    form = form_class(request.POST or None, instance=hazard, production=request.production)
    return _saved(request, form, "duer") or render(
        request, "safety/form.html", {"form": form, "title": str(hazard), "back": "safety:duer"}
    )


def duer_pdf(request: ProductionRequest, production_id: int) -> HttpResponse:
    response = HttpResponse(documents.duer_pdf(request.production), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="duer.pdf"'
    return response


def briefings(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    scenes = services.risky_scenes(production)
    form = BriefingForm(
        _bound(request, "add_briefing"), production=production, scenes=[s.scene for s in scenes]
    )
    return _saved(request, form, "briefings") or render(
        request,
        "safety/briefings.html",
        {
            "form": form,
            "scenes": scenes,
            "briefings": production.safety_briefings.prefetch_related("attendees"),
        },
    )


def locations(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    used = {place.pk for place in labor_api.locations_used(production)}
    rows = [
        (place, place.pk in used, services.checklist_status(production, place))
        for place in production.locations.all()
    ]
    return render(
        request, "safety/locations.html", {"rows": rows, "groups": CHECKLIST.load().groups}
    )


def location_check(
    request: ProductionRequest, production_id: int, location_id: int
) -> HttpResponse:
    place = get_object_or_404(request.production.locations, pk=location_id)
    instance = LocationCheck.objects.filter(location=place).first() or LocationCheck(location=place)
    form = LocationCheckForm(request.POST or None, instance=instance, production=request.production)
    answers = services.answers(request.production, place)
    teams = [(item, answers[item.id]) for item in CHECKLIST.load().items if item.teams]
    return _saved(request, form, "locations") or render(
        request,
        "safety/location_check.html",
        {"form": form, "location": place, "teams": teams},
    )


def incidents(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    form = IncidentForm(_bound(request, "add_incident"), production=production)
    return _saved(request, form, "incidents") or render(
        request,
        "safety/incidents.html",
        {
            "form": form,
            "incidents": production.safety_incidents.select_related("location", "victim"),
            "personal": request.membership.role in PERSONAL_DATA_READERS,
            "findings": services.incident_findings(production),
            "rule": ACCIDENTS.load().employer_declaration,
        },
    )


def incident_edit(request: ProductionRequest, production_id: int, incident_id: int) -> HttpResponse:
    incident = get_object_or_404(Incident, pk=incident_id, production=request.production)
    form = IncidentForm(request.POST or None, instance=incident, production=request.production)
    return _saved(request, form, "incidents") or render(
        request,
        "safety/form.html",
        {"form": form, "title": str(incident), "back": "safety:incidents"},
    )


def _inclusion_context(request: ProductionRequest) -> dict[str, Any]:
    production = request.production
    file = services.safety_file(production)
    heads = {
        head.post: head
        for head in HeadOfDepartment.objects.filter(production=production).select_related("person")
    }
    return {
        "file": file,
        "oeth": oeth(file.company_headcount, file.oeth_beneficiaries),
        "oeth_rule": OETH.load(),
        "intermittents": INCLUSION.load().intermittents,
        "referent_required": referent_required(file.company_headcount),
        "production_headcount": services.production_headcount(production),
        "parity": services.parity(production),
        "parity_rules": PARITY.load(),
        "rows": [(post, heads.get(post.id)) for post in PARITY.load().parity_bonus.grid],
        "form_required": services.heads_form_required(production),
    }


@personal_data
@write_roles(*PERSONAL_DATA_READERS)
def inclusion(request: ProductionRequest, production_id: int) -> HttpResponse:
    form = HeadForm(_bound(request, "add_head"), production=request.production)
    return _saved(request, form, "inclusion") or render(
        request, "safety/inclusion.html", {"form": form, **_inclusion_context(request)}
    )


@personal_data
@write_roles(*PERSONAL_DATA_READERS)
def head_edit(
    request: ProductionRequest, production_id: int, head_of_department_id: int
) -> HttpResponse:
    head = get_object_or_404(
        HeadOfDepartment, pk=head_of_department_id, production=request.production
    )
    form = HeadForm(request.POST or None, instance=head, production=request.production)
    return _saved(request, form, "inclusion") or render(
        request,
        "safety/form.html",
        {"form": form, "title": str(head), "back": "safety:inclusion"},
    )


@personal_data
def heads_form_csv(request: ProductionRequest, production_id: int) -> HttpResponse:
    response = HttpResponse(
        documents.heads_csv(request.production), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="chefs-de-poste.csv"'
    return response
