"""Rights pages: clearance register, author contracts, permits, release plan, cue sheet.

Area ``planning`` (AppConfig) for everything but author contracts (``contracts``: their
remuneration terms; a crew member reads only their own)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tournage.common.errors import DomainError
from tournage.common.findings import worst
from tournage.rights import authors as core_authors
from tournage.rights import clearances as core_clearances
from tournage.rights import contracts as author_contracts
from tournage.rights import cuesheet as core_cues
from tournage.rights import release as core_release
from tournage.rights.rules import PERMITS
from tournage.web.labor import api as labor_api
from tournage.web.productions.access import AREA_ROLES, Area, ProductionRequest, area
from tournage.web.productions.models import Role

from . import services
from .forms import (
    AuthorContractForm,
    AuthorRightFormSet,
    ChannelRatingForm,
    ClearanceForm,
    CueForm,
    DestinationDocumentForm,
    EditUploadForm,
    PermitForm,
    ReleasePlanForm,
    ReleaseStepForm,
)
from .models import (
    AuthorContract,
    ChannelRating,
    Clearance,
    Cue,
    DestinationDocument,
    Permit,
    ReleasePlan,
    ReleaseStep,
)


def index(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    clearances = services.clearance_findings(production)
    permits = services.permit_reports(production)
    steps = services.step_rows(production)
    findings = [f for _, found in clearances for f in found]
    findings += [f for _, report in permits for f in report.findings]
    findings += [f for row in steps for f in row.findings]
    return render(
        request,
        "rights/index.html",
        {
            "findings": sorted(findings, key=lambda f: -f.severity.rank),
            "counts": {
                "clearances": len(clearances),
                "permits": len(permits),
                "steps": len(steps),
                "cues": Cue.objects.filter(production=production).count(),
            },
            "days_without_permit": sorted(services.uncovered_days(production).items()),
        },
    )


# --- clearances -------------------------------------------------------------------------


def clearances(request: ProductionRequest, production_id: int) -> HttpResponse:
    rows = [
        {"item": item, "findings": found, "worst": worst(found)}
        for item, found in services.clearance_findings(request.production)
    ]
    missing = core_clearances.uncovered(
        services.references(request.production), services.clearance_facts(request.production)
    )
    return render(request, "rights/clearances.html", {"rows": rows, "missing": missing})


@area(Area.PLANNING, writers_only=True)
def clearance_create(request: ProductionRequest, production_id: int) -> HttpResponse:
    return _clearance_page(request, None)


def clearance_edit(
    request: ProductionRequest, production_id: int, clearance_id: int
) -> HttpResponse:
    item = get_object_or_404(Clearance, production=request.production, pk=clearance_id)
    return _clearance_page(request, item)


def _clearance_page(request: ProductionRequest, item: Clearance | None) -> HttpResponse:
    form = ClearanceForm(request.POST or None, request.FILES or None, instance=item)
    if request.method == "POST" and form.is_valid():
        form.instance.production = request.production
        with transaction.atomic():
            saved = form.save()
            services.commit_fee(saved)
        messages.success(request, _("Saved."))
        return redirect("rights:clearance_edit", request.production.pk, saved.pk)
    return render(
        request,
        "rights/form.html",
        {
            "form": form,
            "title": item or _("New clearance"),
            "back": "rights:clearances",
            "multipart": True,
        },
    )


@require_POST
@area(Area.PLANNING, writers_only=True)
def clearances_seed(request: ProductionRequest, production_id: int) -> HttpResponse:
    with transaction.atomic():
        created = services.seed_clearances(request.production)
    messages.success(request, _("%(count)d items added from the breakdown.") % {"count": created})
    return redirect("rights:clearances", production_id)


# --- authors ----------------------------------------------------------------------------


def visible_authors(request: ProductionRequest) -> QuerySet[AuthorContract]:
    contracts = AuthorContract.objects.filter(production=request.production)
    if request.membership.role == Role.CREW:
        return contracts.filter(person_id=request.membership.person_id or 0)
    return contracts


@area(Area.CONTRACTS)
def authors(request: ProductionRequest, production_id: int) -> HttpResponse:
    findings = dict(services.author_findings(request.production))
    rows = [{"contract": c, "findings": findings.get(c, [])} for c in visible_authors(request)]
    missing = services.uncovered_credits(request.production)
    return render(
        request,
        "rights/authors.html",
        {"rows": rows, "missing": missing, "role_label": core_authors.role_label},
    )


@area(Area.CONTRACTS, writers_only=True)
def author_create(request: ProductionRequest, production_id: int) -> HttpResponse:
    return _author_page(request, None)


@area(Area.CONTRACTS)
def author_edit(
    request: ProductionRequest, production_id: int, author_contract_id: int
) -> HttpResponse:
    return _author_page(request, get_object_or_404(visible_authors(request), pk=author_contract_id))


@area(Area.CONTRACTS)
def author_document(
    request: ProductionRequest, production_id: int, author_contract_id: int, fmt: str
) -> HttpResponse:
    """The contract written from the register, with every mandatory mention (DOCX or PDF)."""
    if fmt not in ("docx", "pdf"):
        raise Http404
    contract = get_object_or_404(visible_authors(request), pk=author_contract_id)
    write = author_contracts.contract_docx if fmt == "docx" else author_contracts.contract_pdf
    content = write(
        services.author_facts(contract),
        labor_api.employer(request.production).name,
        request.production.title,
        contract.society,
    )
    types = {"docx": DOCX_TYPE, "pdf": "application/pdf"}
    response = HttpResponse(content, content_type=types[fmt])
    response["Content-Disposition"] = f'attachment; filename="contrat-auteur-{contract.pk}.{fmt}"'
    return response


def _author_page(request: ProductionRequest, contract: AuthorContract | None) -> HttpResponse:
    production = request.production
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = AuthorContractForm(data, files, instance=contract, production=production)
    rights = AuthorRightFormSet(data, instance=contract or AuthorContract(), prefix="rights")
    if request.method == "POST" and form.is_valid() and rights.is_valid():
        form.instance.production = production
        with transaction.atomic():
            saved = form.save()
            rights.instance = saved
            rights.save()
        messages.success(request, _("Saved."))
        return redirect("rights:author_edit", production.pk, saved.pk)
    findings = []
    if contract is not None:
        facts = services.author_facts(contract)
        findings = core_authors.field_findings(facts)
        findings += core_authors.statement_findings(facts, services.today())
    return render(
        request,
        "rights/author_form.html",
        {"form": form, "rights": rights, "contract": contract, "findings": findings},
    )


# --- permits ----------------------------------------------------------------------------


def permits(request: ProductionRequest, production_id: int) -> HttpResponse:
    rows = services.permit_reports(request.production)
    return render(
        request,
        "rights/permits.html",
        {
            "rows": [{"permit": p, "report": r, "worst": worst(r.findings)} for p, r in rows],
            "without": services.shot_without_permit(request.production),
            "request_contents": PERMITS.load().request_contents,
        },
    )


@area(Area.PLANNING, writers_only=True)
def permit_create(request: ProductionRequest, production_id: int) -> HttpResponse:
    return _simple_page(
        request,
        PermitForm,
        None,
        "rights:permits",
        _("New permit"),
        True,
        production=request.production,
    )


def permit_edit(request: ProductionRequest, production_id: int, permit_id: int) -> HttpResponse:
    permit = get_object_or_404(Permit, production=request.production, pk=permit_id)
    return _simple_page(
        request,
        PermitForm,
        permit,
        "rights:permits",
        str(permit),
        True,
        production=request.production,
    )


# --- release ----------------------------------------------------------------------------


def release(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    plan = services.plan_of(production)
    ratings = {r.channel: r for r in ChannelRating.objects.filter(production=production)}
    rating_rows = [
        {
            "facts": f,
            "row": ratings.get(f.channel),
            "findings": core_release.rating_findings(f, plan.visa_ban),
        }
        for f in services.rating_facts(production)
    ]
    return render(
        request,
        "rights/release.html",
        {
            "plan": plan,
            "regime": services.regime_of(production),
            "steps": services.step_rows(production),
            "ratings": rating_rows,
            "slots_page": services.slots_page(production),
            "items": services.destination_items(production),
            "documents": DestinationDocument.objects.filter(production=production),
        },
    )


def plan_edit(request: ProductionRequest, production_id: int) -> HttpResponse:
    plan = ReleasePlan.objects.filter(production=request.production).first()
    return _simple_page(request, ReleasePlanForm, plan, "rights:release", _("Release plan"))


@area(Area.PLANNING, writers_only=True)
def step_create(request: ProductionRequest, production_id: int) -> HttpResponse:
    return _simple_page(request, ReleaseStepForm, None, "rights:release", _("New step"), True)


def step_edit(request: ProductionRequest, production_id: int, release_step_id: int) -> HttpResponse:
    step = get_object_or_404(ReleaseStep, production=request.production, pk=release_step_id)
    return _simple_page(request, ReleaseStepForm, step, "rights:release", str(step), True)


@area(Area.PLANNING, writers_only=True)
def rating_create(request: ProductionRequest, production_id: int) -> HttpResponse:
    return _simple_page(request, ChannelRatingForm, None, "rights:release", _("New signage"))


def rating_edit(
    request: ProductionRequest, production_id: int, channel_rating_id: int
) -> HttpResponse:
    rating = get_object_or_404(ChannelRating, production=request.production, pk=channel_rating_id)
    return _simple_page(request, ChannelRatingForm, rating, "rights:release", str(rating))


@area(Area.PLANNING, writers_only=True)
def document_create(request: ProductionRequest, production_id: int) -> HttpResponse:
    return _simple_page(
        request, DestinationDocumentForm, None, "rights:release", _("New document"), True
    )


def document_edit(
    request: ProductionRequest, production_id: int, destination_document_id: int
) -> HttpResponse:
    document = get_object_or_404(
        DestinationDocument, production=request.production, pk=destination_document_id
    )
    return _simple_page(
        request, DestinationDocumentForm, document, "rights:release", str(document), True
    )


def _simple_page(
    request: ProductionRequest,
    form_class: type[forms.ModelForm[Any]],
    instance: models.Model | None,
    back: str,
    title: str,
    multipart: bool = False,
    **form_kwargs: Any,
) -> HttpResponse:
    """A create-or-edit page for one row of the production; a refused form keeps the row."""
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = form_class(data, files, instance=instance, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        form.instance.production = request.production
        try:
            form.save()
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect(back, request.production.pk)
    return render(
        request,
        "rights/form.html",
        {"form": form, "title": title, "back": back, "multipart": multipart},
    )


# --- cue sheet --------------------------------------------------------------------------


def cuesheet(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    edit = services.latest_edit(production)
    edit_cues = services.edit_cues(edit) if edit else []
    facts = services.clearance_facts(production)
    sheet = services.sheet_cues(production)
    return render(
        request,
        "rights/cuesheet.html",
        {
            "edit": edit,
            "cues": Cue.objects.filter(production=production),
            "table": services.sheet_table(production),
            "uncleared": core_cues.uncleared(edit_cues, facts),
            "absent": core_cues.absent_from_edit(edit_cues, facts),
            "sheet_findings": core_cues.sheet_findings(sheet, edit_cues) if edit else [],
            "upload": EditUploadForm(),
        },
    )


@require_POST
@area(Area.PLANNING, writers_only=True)
def cuesheet_import(request: ProductionRequest, production_id: int) -> HttpResponse:
    form = EditUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(e) for e in errors))
        return redirect("rights:cuesheet", production_id)
    upload = form.cleaned_data["file"]
    try:
        edit = services.import_edit(
            request.production,
            upload.read(),
            upload.name or "",
            form.cleaned_data["rate"] or None,
            form.cleaned_data["tracks"],
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("rights:cuesheet", production_id)
    if not Cue.objects.filter(production=request.production).exists():
        services.rebuild_sheet(request.production, edit)
    messages.success(request, _("%(count)d music cues read.") % {"count": len(edit.cues)})
    return redirect("rights:cuesheet", production_id)


@require_POST
@area(Area.PLANNING, writers_only=True)
def cuesheet_rebuild(request: ProductionRequest, production_id: int) -> HttpResponse:
    edit = services.latest_edit(request.production)
    if edit is not None:
        services.rebuild_sheet(request.production, edit)
        messages.success(request, _("The cue sheet follows the latest edit."))
    return redirect("rights:cuesheet", production_id)


def cue_edit(request: ProductionRequest, production_id: int, cue_id: int) -> HttpResponse:
    cue = get_object_or_404(Cue, production=request.production, pk=cue_id)
    return _simple_page(request, CueForm, cue, "rights:cuesheet", str(cue))


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXPORT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def cuesheet_export(request: ProductionRequest, production_id: int, fmt: str) -> HttpResponse:
    if fmt not in EXPORT_TYPES:
        raise Http404
    content = services.sheet_file(request.production, fmt)
    response = HttpResponse(content, content_type=EXPORT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="releve-des-oeuvres.{fmt}"'
    return response


# --- stored documents -------------------------------------------------------------------

FILES: dict[str, tuple[type[models.Model], str]] = {
    "clearance": (Clearance, "document"),
    "author": (AuthorContract, "document"),
    "permit": (Permit, "document"),
    "insurance": (Permit, "insurance_certificate"),
    "step": (ReleaseStep, "document"),
    "destination": (DestinationDocument, "document"),
}


def file_download(
    request: ProductionRequest, production_id: int, kind: str, object_id: int
) -> FileResponse:
    if kind not in FILES:
        raise Http404
    model, field = FILES[kind]
    if model is AuthorContract:
        if request.membership.role not in AREA_ROLES[Area.CONTRACTS][0]:
            raise PermissionDenied
        row: Any = get_object_or_404(visible_authors(request), pk=object_id)
    else:
        row = get_object_or_404(model, production=request.production, pk=object_id)
    stored = getattr(row, field)
    if not stored:
        raise Http404
    return FileResponse(stored.open("rb"), as_attachment=True, filename=stored.name.rsplit("/")[-1])
