"""Carbon pages: footprint, activities, imports, plan inputs, scenarios, reports."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tournage.carbon.charts import bar_chart, section_chart
from tournage.carbon.checklist import checklist_items
from tournage.carbon.errors import CarbonError
from tournage.carbon.importer import parse_actuals
from tournage.carbon.pdf_report import report_pdf
from tournage.carbon.xlsx_report import report_xlsx
from tournage.web.productions.access import Area, ProductionRequest, area
from tournage.web.productions.history import create_with_history
from tournage.web.productions.models import Location, Person
from tournage.web.scheduling import api as scheduling_api

from .adapters import page_data, profile_for, report_document
from .forms import (
    ActivityForm,
    ChecklistForm,
    ImportForm,
    LocationEnergyForm,
    OverrideForm,
    ProfileForm,
    ScenarioForm,
    TravelModesForm,
)
from .models import CarbonActivity, LocationEnergy, PersonTravel, Scenario

# The plan's forms are for those who write the carbon area (the eco-referent included);
# every member reads the forecast and the reports (the app's area).
editing = area(Area.CARBON, writers_only=True)


def _charts(data: dict[str, Any]) -> dict[str, str]:
    report = data["report"]
    charts = {"sections": section_chart(report, {"forecast": _("Forecast"), "actual": _("Actual")})}
    if data["scenarios"]:
        base = data["result"].forecast.total_kgco2e
        rows = [(_("Forecast"), {_("Total"): float(base) / 1000})]
        rows += [(s.name, {_("Total"): float(r.kgco2e) / 1000}) for s, r in data["scenarios"]]
        charts["scenarios"] = bar_chart(rows, [_("Total")], _("Scenarios"))
    return charts


def index(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    data = page_data(production)
    context: dict[str, Any] = {"data": data}
    if "error" not in data:
        context["charts"] = _charts(data)
        context["activities"] = CarbonActivity.objects.filter(production=production)
        context["locations"] = _energy_rows(production, data["plan"])
    return render(request, "carbon/index.html", context)


def _energy_rows(
    production: Any, plan: scheduling_api.AcceptedPlan | None
) -> list[tuple[Location, LocationEnergy | None, int]]:
    """Each location, its energy settings and its shooting days: counted in the accepted
    plan de travail when there is one, else as typed."""
    energy = {e.location_id: e for e in LocationEnergy.objects.filter(production=production)}
    planned = Counter(day.location_id for day in plan.days) if plan else None
    rows = []
    for location in Location.objects.filter(production=production):
        stored = energy.get(location.pk)
        typed = stored.shooting_days if stored else 0
        rows.append((location, stored, typed if planned is None else planned[location.pk]))
    return rows


@editing
def activity_create(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    form = ActivityForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        activity = form.save(commit=False)
        activity.production = production
        activity.save()
        messages.success(request, _("Activity saved."))
        return redirect("carbon:index", production_id=production.pk)
    return render(
        request,
        "carbon/form.html",
        {"form": form, "heading": _("Add an activity"), "multipart": True},
    )


@require_POST
@editing
def activity_delete(
    request: ProductionRequest, production_id: int, activity_id: int
) -> HttpResponse:
    get_object_or_404(CarbonActivity, pk=activity_id, production_id=production_id).delete()
    messages.success(request, _("Activity deleted."))
    return redirect("carbon:index", production_id=production_id)


@editing
def import_actuals(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            parsed = parse_actuals(upload.read(), upload.name)
        except CarbonError as error:
            form.add_error("file", error.message)
        else:
            with transaction.atomic():
                create_with_history(
                    CarbonActivity,
                    (
                        CarbonActivity(
                            production=production,
                            phase=a.phase,
                            factor=a.factor,
                            quantity=a.quantity,
                            unit=a.unit,
                            label=a.label,
                            note=a.note,
                            category=a.category or "",
                            section=a.section or "",
                        )
                        for a in parsed
                    ),
                    user=request.user,
                )
            messages.success(
                request, _("%(count)d actual activities imported.") % {"count": len(parsed)}
            )
            return redirect("carbon:index", production_id=production.pk)
    return render(
        request,
        "carbon/form.html",
        {
            "form": form,
            "heading": _("Import actuals"),
            "multipart": True,
            "help": _("Columns: factor, quantity, unit; optional: label, note."),
        },
    )


@editing
def location_energy(
    request: ProductionRequest, production_id: int, location_id: int
) -> HttpResponse:
    location = get_object_or_404(Location, pk=location_id, production_id=production_id)
    instance = LocationEnergy.objects.filter(production_id=production_id, location=location).first()
    form = LocationEnergyForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        energy = form.save(commit=False)
        energy.production_id, energy.location = production_id, location
        energy.save()
        return redirect("carbon:index", production_id=production_id)
    return render(request, "carbon/form.html", {"form": form, "heading": location.name})


@editing
def scenario_create(request: ProductionRequest, production_id: int) -> HttpResponse:
    form = ScenarioForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        Scenario.objects.create(
            production_id=production_id,
            name=form.cleaned_data["name"],
            levers=form.levers_document(),
        )
        return redirect("carbon:index", production_id=production_id)
    return render(request, "carbon/form.html", {"form": form, "heading": _("New scenario")})


@require_POST
@editing
def scenario_delete(
    request: ProductionRequest, production_id: int, scenario_id: int
) -> HttpResponse:
    get_object_or_404(Scenario, pk=scenario_id, production_id=production_id).delete()
    return redirect("carbon:index", production_id=production_id)


@editing
def checklist(request: ProductionRequest, production_id: int) -> HttpResponse:
    profile = profile_for(request.production)
    form = ChecklistForm(request.POST or None, items=checklist_items(), done=profile.checklist)
    if request.method == "POST" and form.is_valid():
        profile.checklist = {key: True for key, value in form.cleaned_data.items() if value}
        profile.save()
        return redirect("carbon:index", production_id=production_id)
    return render(
        request, "carbon/form.html", {"form": form, "heading": _("Eco-production checklist")}
    )


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def report_pdf_view(request: ProductionRequest, production_id: int) -> HttpResponse:
    return _download(
        report_pdf(report_document(request.production)),
        f"bilan-carbone-{production_id}.pdf",
        "application/pdf",
    )


def report_xlsx_view(request: ProductionRequest, production_id: int) -> HttpResponse:
    return _download(
        report_xlsx(report_document(request.production)),
        f"bilan-carbone-{production_id}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@editing
def plan_settings(request: ProductionRequest, production_id: int) -> HttpResponse:
    profile = profile_for(request.production)
    form = ProfileForm(request.POST or None, profile=profile)
    if request.method == "POST" and form.is_valid():
        form.apply(profile)
        profile.save()
        messages.success(request, _("Plan inputs saved."))
        return redirect("carbon:index", production_id=production_id)
    return render(request, "carbon/form.html", {"form": form, "heading": _("Plan inputs")})


@editing
def override(request: ProductionRequest, production_id: int) -> HttpResponse:
    key = request.GET.get("key", "")[:200]
    profile = profile_for(request.production)
    current = profile.overrides.get(key, {})
    form = OverrideForm(request.POST or None, initial={"quantity": current.get("quantity")})
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["remove"] or form.cleaned_data["quantity"] is None:
            profile.overrides.pop(key, None)
        else:
            profile.overrides[key] = {"quantity": str(form.cleaned_data["quantity"])}
        profile.save()
        return redirect("carbon:index", production_id=production_id)
    heading = _("Override %(key)s") % {"key": key}
    return render(request, "carbon/form.html", {"form": form, "heading": heading})


@editing
def travel_modes(request: ProductionRequest, production_id: int) -> HttpResponse:
    people = Person.objects.filter(production_id=production_id)
    modes = dict(
        PersonTravel.objects.filter(production_id=production_id).values_list("person_id", "mode")
    )
    form = TravelModesForm(request.POST or None, people=people, modes=modes)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            for person in people:
                mode = form.cleaned_data.get(f"person_{person.pk}", "")
                chosen = PersonTravel.objects.filter(production_id=production_id, person=person)
                if not mode:  # derived from the distance: nothing to store
                    chosen.delete()
                elif not chosen.filter(mode=mode).exists():
                    PersonTravel.objects.update_or_create(
                        production_id=production_id, person=person, defaults={"mode": mode}
                    )
        return redirect("carbon:index", production_id=production_id)
    return render(
        request, "carbon/form.html", {"form": form, "heading": _("Travel mode per person")}
    )
