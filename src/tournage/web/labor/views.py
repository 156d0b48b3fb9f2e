"""Teams pages. Access is enforced by the productions middleware with the role matrix:
contracts and pay (area ``contracts``: a crew member sees their own contract only),
risks and planning (``planning``), accommodation needs and inclusion data (personal data:
producer and production manager)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tournage.common.findings import Severity
from tournage.labor.analysis import analyse_file
from tournage.labor.documents import contract_docx, contract_pdf
from tournage.labor.errors import LaborError
from tournage.screenplay import ScriptError, read_script
from tournage.web.productions.access import (
    PERSONAL_DATA_READERS,
    Area,
    ProductionRequest,
    allowed_readers,
    area,
    read_roles,
    write_roles,
)
from tournage.web.productions.forms import save_if_changed
from tournage.web.productions.models import Role

from . import services
from .forms import (
    AccommodationNeedForm,
    ContractForm,
    ContractUploadForm,
    InclusionForm,
    LocationAccessForm,
    RiskForm,
    ScriptUploadForm,
    SignedFileForm,
    TeamSettingsForm,
    TimesheetForm,
)
from .models import Contract, ContractStatus, TeamSettings
from .prefill import contract_initial

MANAGERS = (Role.PRODUCER, Role.PRODUCTION_MANAGER)
PAY_READERS = (*MANAGERS, Role.ACCOUNTANT)
personal_data = read_roles(*PERSONAL_DATA_READERS)


def visible_contracts(request: ProductionRequest) -> QuerySet[Contract]:
    """The contracts the member may read: all of them, or a crew member's own."""
    contracts = request.production.labor_contracts.select_related("person")
    if request.membership.role not in allowed_readers(contract_edit):
        return contracts.none()
    if request.membership.role == Role.CREW:
        return contracts.filter(person_id=request.membership.person_id or 0)
    return contracts


@area(Area.PLANNING)
def index(request: ProductionRequest, production_id: int) -> HttpResponse:
    """The teams' hub; the contracts list follows the role (none for the eco-referent)."""
    return render(
        request,
        "labor/index.html",
        {
            "contracts": visible_contracts(request),
            "show_contracts": request.membership.role in allowed_readers(contract_edit),
            "show_pay": request.membership.role in PAY_READERS,
        },
    )


@area(Area.CONTRACTS, writers_only=True)
def contract_create(request: ProductionRequest, production_id: int) -> HttpResponse:
    return _contract_page(request, None)


@area(Area.CONTRACTS)
def contract_edit(request: ProductionRequest, production_id: int, contract_id: int) -> HttpResponse:
    return _contract_page(request, get_object_or_404(visible_contracts(request), pk=contract_id))


def _contract_page(request: ProductionRequest, contract: Contract | None) -> HttpResponse:
    production, production_id = request.production, request.production.pk
    initial, origins = ({}, []) if contract else _prefill(request)
    form = ContractForm(
        request.POST or None, instance=contract, production=production, initial=initial
    )
    if request.membership.role not in MANAGERS:
        for field in form.fields.values():
            field.disabled = True
    if request.method == "POST" and form.is_valid():
        form.instance.production = production
        with transaction.atomic():
            saved = save_if_changed(form)
            services.commit_signed(saved)
        messages.success(request, _("Contract saved."))
        return redirect("labor:contract_edit", production_id=production_id, contract_id=saved.pk)
    findings = services.contract_findings(contract) if contract else []
    premiums = services.contract_premiums(contract) if contract else []
    return render(
        request,
        "labor/contract_form.html",
        {
            "form": form,
            "contract": contract,
            "findings": findings,
            "premiums": premiums,
            "upload": SignedFileForm(),
            "origins": origins,
            "people": production.people.exclude(kind="contact") if contract is None else (),
        },
    )


def _prefill(request: ProductionRequest) -> tuple[dict[str, Any], list[str]]:
    """A new contract's values from the production, and from ``?person=`` when given."""
    wanted = request.GET.get("person", "")
    people = request.production.people.all()
    person = people.filter(pk=int(wanted)).first() if wanted.isdigit() else None
    return contract_initial(request.production, person)


@area(Area.CONTRACTS)
def contract_document(
    request: ProductionRequest, production_id: int, contract_id: int, fmt: str
) -> HttpResponse:
    """The contract's document, for whoever may read its page."""
    contract = get_object_or_404(visible_contracts(request), pk=contract_id)
    core = services.core_contract(contract)
    try:
        content = contract_pdf(core) if fmt == "pdf" else contract_docx(core)
    except LaborError as error:
        messages.error(request, error.message)
        return redirect("labor:index", production_id=production_id)
    kind = (
        "application/pdf"
        if fmt == "pdf"
        else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="contrat-{contract.pk}.{fmt}"'
    return response


@require_POST
@area(Area.CONTRACTS)
def contract_signed(
    request: ProductionRequest, production_id: int, contract_id: int
) -> HttpResponse:
    contract = get_object_or_404(Contract, pk=contract_id, production=request.production)
    form = SignedFileForm(request.POST, request.FILES)
    if form.is_valid():
        with transaction.atomic():
            contract.signed_file = form.cleaned_data["file"]
            contract.status = ContractStatus.SIGNED
            contract.save()
            committed = services.commit_signed(contract)
        messages.success(request, _("Signed contract attached."))
        if not committed:
            messages.warning(request, _("No budget line for this person: no commitment created."))
    else:
        messages.error(request, " ".join(str(error) for error in form.errors.get("file", [])))
    return redirect("labor:contract_edit", production_id=production_id, contract_id=contract_id)


@read_roles(*PAY_READERS)
@write_roles(*MANAGERS)
def compliance(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    form = TimesheetForm(request.POST or None, production=production)
    if request.method == "POST" and form.is_valid():
        form.instance.production = production
        form.save()
        messages.success(request, _("Timesheet added."))
        return redirect("labor:compliance", production_id=production_id)
    try:
        findings, premiums = services.compliance(production)
    except LaborError as error:
        findings, premiums = [], []
        messages.error(request, error.message)
    return render(
        request,
        "labor/compliance.html",
        {
            "findings": findings,
            "premiums": premiums,
            "form": form,
            "errors": sum(f.severity is Severity.FAIL for f in findings),
        },
    )


@require_POST
@area(Area.CONTRACTS, writers_only=True)
def plan_from_schedule(request: ProductionRequest, production_id: int) -> HttpResponse:
    count = services.plan_from_schedule(request.production, request.user)
    if count:
        messages.success(
            request, _("%(count)d planned calls from the current schedule.") % {"count": count}
        )
    else:
        messages.warning(request, _("No current schedule: nothing planned."))
    return redirect("labor:compliance", production_id=production_id)


@area(Area.PLANNING)
def risks(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    risk_form = RiskForm(
        request.POST if "add_risk" in request.POST else None, production=production, prefix="risk"
    )
    if risk_form.is_bound and risk_form.is_valid():
        risk_form.instance.production = production
        risk_form.save()
        messages.success(request, _("Saved."))
        return redirect("labor:risks", production_id=production_id)
    return render(
        request,
        "labor/risks.html",
        {
            "risks": production.labor_risks.all(),
            "incidents": services.incident_register(production),
            "risk_form": risk_form,
            "seed_form": ScriptUploadForm(),
        },
    )


@require_POST
@area(Area.PLANNING, writers_only=True)
def risks_from_breakdown(request: ProductionRequest, production_id: int) -> HttpResponse:
    with transaction.atomic():
        created = services.seed_risks(
            request.production, services.breakdown_flags(request.production)
        )
    messages.success(request, _("%(count)d risks added from the breakdown.") % {"count": created})
    return redirect("labor:risks", production_id=production_id)


@require_POST
@area(Area.PLANNING, writers_only=True)
def risks_seed(request: ProductionRequest, production_id: int) -> HttpResponse:
    form = ScriptUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(str(error) for error in form.errors.get("file", [])))
        return redirect("labor:risks", production_id=production_id)
    upload = form.cleaned_data["file"]
    try:
        script = read_script(upload.read(), upload.name)
    except ScriptError as error:
        messages.error(request, error.message)
        return redirect("labor:risks", production_id=production_id)
    with transaction.atomic():
        created = services.seed_risks(request.production, services.script_flags(script.scenes))
    messages.success(request, _("%(count)d risks added from the breakdown.") % {"count": created})
    return redirect("labor:risks", production_id=production_id)


@area(Area.PLANNING)
def observation_report(request: ProductionRequest, production_id: int) -> HttpResponse:
    response = HttpResponse(
        services.observation_report(request.production), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'attachment; filename="rapport-observation.pdf"'
    return response


@personal_data
@write_roles(*PERSONAL_DATA_READERS)
def accessibility(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    access_form = LocationAccessForm(
        request.POST if "add_access" in request.POST else None,
        production=production,
        prefix="access",
    )
    need_form = AccommodationNeedForm(
        request.POST if "add_need" in request.POST else None, production=production, prefix="need"
    )
    for form in (access_form, need_form):
        if form.is_bound and form.is_valid():
            form.instance.production = production
            form.save()
            messages.success(request, _("Saved."))
            return redirect("labor:accessibility", production_id=production_id)
    return render(
        request,
        "labor/accessibility.html",
        {
            "checklists": production.labor_location_access.select_related("location"),
            "needs": production.labor_needs.select_related("person"),
            "findings": services.accessibility(production),
            "access_form": access_form,
            "need_form": need_form,
        },
    )


@area(Area.PLANNING)
def planning(request: ProductionRequest, production_id: int) -> HttpResponse:
    from tournage.labor.planning import timeline

    production = request.production
    people = {str(p): p.pk for p in production.people.all()}
    rows = timeline(services.periods(production))
    for row in rows:
        row["person_id"] = people.get(str(row["person"]))
    return render(request, "labor/planning.html", {"rows": rows})


@area(Area.PLANNING)
def person_calendar(request: ProductionRequest, production_id: int, person_id: int) -> HttpResponse:
    production = request.production
    get_object_or_404(production.people, pk=person_id)
    response = HttpResponse(services.ics_for(production, person_id), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="planning-{person_id}.ics"'
    return response


@read_roles(*PAY_READERS)
@write_roles(*PAY_READERS)
def analyse(request: ProductionRequest, production_id: int) -> HttpResponse:
    form = ContractUploadForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = analyse_file(upload.read(), upload.name)
        except LaborError as error:
            form.add_error("file", error.message)
    return render(request, "labor/analyse.html", {"form": form, "result": result})


@personal_data
@write_roles(*PERSONAL_DATA_READERS)
def inclusion(request: ProductionRequest, production_id: int) -> HttpResponse:
    from tournage.labor.inclusion import Declaration, indicators

    production = request.production
    form = InclusionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.production = production
        form.save()
        messages.success(request, _("Saved."))
        return redirect("labor:inclusion", production_id=production_id)
    result = indicators(
        Declaration(d.department, d.opted_in, d.gender or None, d.first_job, d.disability)
        for d in production.labor_inclusion.all()
    )
    return render(request, "labor/inclusion.html", {"form": form, "result": result})


@area(Area.CONTRACTS, writers_only=True)
def team_settings(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    instance = TeamSettings.objects.filter(production=production).first()
    form = TeamSettingsForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.instance.production = production
        form.save()
        messages.success(request, _("Saved."))
        return redirect("labor:index", production_id=production_id)
    return render(request, "labor/form.html", {"form": form, "title": _("Employer and contacts")})
