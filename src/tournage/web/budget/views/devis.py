"""Devis pages: overview, versions, lines, globals, social-charge rates, comparison,
XLSX/PDF export and XLSX import."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from tournage.budget.compare import compare
from tournage.budget.compute import BudgetTotals, compute
from tournage.budget.errors import BudgetError
from tournage.budget.exports import export_bytes
from tournage.budget.fringes import fringe_categories
from tournage.budget.report import analyse, comparison_document
from tournage.budget.xlsx import import_devis
from tournage.web.productions.access import ProductionRequest, allowed_readers
from tournage.web.productions.revision import derived

from .. import adapters, forms, models
from ..plan_follow import follow_plan, gaps, plan_source
from ..schedule_link import provided_globals
from ..versions import copy_version, save_budget
from .common import (
    budget_detail,
    confirm_delete,
    edit_form,
    to_devis,
    version_of,
)


def index(request: ProductionRequest, production_id: int) -> HttpResponse:
    """Overview: reference version by chapter, versions; the eco-referent sees the totals."""
    production = request.production
    document = adapters.production_budget(production)
    context: dict[str, Any] = {
        "versions": production.budget_versions.all(),
        "document": document,
        "totals_only": request.membership.role not in allowed_readers(devis),
    }
    if document is not None:
        try:
            totals, report, financing = analyse(document)
        except BudgetError as error:
            context["error"] = error.message
        else:
            context.update(
                totals=totals,
                report=report,
                financing=financing,
                envelope_gap=_envelope_gap(production, totals.total),
            )
    return render(request, "budget/index.html", context)


def _envelope_gap(production: Any, total: Any) -> Any:
    return None if production.budget_envelope is None else production.budget_envelope - total


@budget_detail
def version_new(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    source = adapters.reference_version(production)
    form = forms.VersionForm(
        request.POST or None,
        instance=models.BudgetVersion(
            production=production,
            title=source.title if source else production.title,
            variant=source.variant if source else "cinema",
        ),
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            version = form.save()
            if source is not None:
                copy_version(source, version)
            _single_reference(version)
        messages.success(request, _("Version created."))
        return redirect("budget:devis", production_id=production_id, version_id=version.pk)
    return render(request, "budget/form.html", {"form": form, "heading": _("New devis version")})


def _single_reference(version: models.BudgetVersion) -> None:
    if version.is_reference:
        version.production.budget_versions.exclude(pk=version.pk).update(is_reference=False)


@budget_detail
def version_edit(request: ProductionRequest, production_id: int, version_id: int) -> HttpResponse:
    version = version_of(request, version_id)
    form = forms.VersionForm(request.POST or None, instance=version)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            _single_reference(form.save())
        return redirect("budget:devis", production_id=production_id, version_id=version_id)
    return render(request, "budget/form.html", {"form": form, "heading": str(version)})


@budget_detail
def devis(request: ProductionRequest, production_id: int, version_id: int) -> HttpResponse:
    version = version_of(request, version_id)
    totals, error = derived(("budget.devis", version.pk), lambda: _totals(version))
    if error:
        messages.error(request, error)
    lines = list(version.lines.select_related("person"))
    results = dict(zip((line.pk for line in lines), totals.lines, strict=True)) if totals else {}
    chapters = [
        {
            "chapter": c,
            "lines": [
                (line, results.get(line.pk))
                for line in lines
                if line.account.split(".")[0] == c.code
            ],
        }
        for c in (totals.chart.chapters if totals else ())
    ]
    overrides = {o.key: o for o in version.fringe_overrides.all()}
    return render(
        request,
        "budget/devis.html",
        {
            "version": version,
            "totals": totals,
            "chapters": chapters,
            "globals": version.globals.all(),
            "provided_globals": provided_globals(version.production).values(),
            "plan_source": plan_source(version.production),
            "plan_gaps": gaps(version),
            "fringe_categories": fringe_categories().values(),
            "overrides": overrides,
            "line_form": forms.LineForm(budget=version),
            "global_form": forms.GlobalForm(),
            "versions": version.production.budget_versions.all(),
        },
    )


def _totals(version: models.BudgetVersion) -> tuple[BudgetTotals | None, str]:
    """The devis computed, or why it cannot be."""
    try:
        return compute(adapters.core_budget(version)), ""
    except BudgetError as error:
        return None, str(error.message)


@budget_detail
def line_edit(
    request: ProductionRequest, production_id: int, version_id: int, line_id: int | None = None
) -> HttpResponse:
    version = version_of(request, version_id)
    line = (
        get_object_or_404(models.BudgetLine, pk=line_id, budget=version)
        if line_id
        else models.BudgetLine(budget=version, position=version.lines.count() + 1)
    )
    form = forms.LineForm(request.POST or None, instance=line, budget=version)
    delete = (
        reverse("budget:line_delete", args=[production_id, version_id, line_id])
        if line_id
        else None
    )
    return edit_form(request, form, _("Budget line"), to_devis(production_id, version_id), delete)


@budget_detail
def line_delete(
    request: ProductionRequest, production_id: int, version_id: int, line_id: int
) -> HttpResponse:
    line = get_object_or_404(models.BudgetLine, pk=line_id, budget=version_of(request, version_id))
    return confirm_delete(request, line, to_devis(production_id, version_id))


@budget_detail
def global_edit(
    request: ProductionRequest, production_id: int, version_id: int, global_id: int | None = None
) -> HttpResponse:
    version = version_of(request, version_id)
    item = (
        get_object_or_404(models.BudgetGlobal, pk=global_id, budget=version)
        if global_id
        else models.BudgetGlobal(budget=version)
    )
    form = forms.GlobalForm(request.POST or None, instance=item)
    return edit_form(request, form, _("Global"), to_devis(production_id, version_id))


@require_POST
@budget_detail
def follow(request: ProductionRequest, production_id: int, version_id: int) -> HttpResponse:
    """People's lines take their days from the accepted plan de travail, and keep them."""
    changed = follow_plan(version_of(request, version_id), request.user)
    if changed:
        messages.success(
            request,
            ngettext(
                "%(n)d value now follows the plan de travail.",
                "%(n)d values now follow the plan de travail.",
                changed,
            )
            % {"n": changed},
        )
    else:
        messages.info(request, _("The devis already follows the plan de travail."))
    return to_devis(production_id, version_id)


@require_POST
@budget_detail
def fringe_set(request: ProductionRequest, production_id: int, version_id: int) -> HttpResponse:
    """Set (or clear, with an empty rate) a social-charge rate the data does not know."""
    version = version_of(request, version_id)
    key = request.POST.get("key", "")
    valid_keys = {f"{c.key}.{p.key}" for c in fringe_categories().values() for p in c.components}
    if key not in valid_keys:
        raise Http404("Unknown rate.")
    existing = version.fringe_overrides.filter(key=key).first()
    if not request.POST.get("rate") and existing is not None:
        existing.delete()
        return to_devis(production_id, version_id)
    form = forms.FringeOverrideForm(
        request.POST, instance=existing or models.FringeOverride(budget=version)
    )
    if form.is_valid():
        form.save()
    else:
        messages.error(request, _("Invalid rate: enter a fraction such as 0.25."))
    return to_devis(production_id, version_id)


@budget_detail
def compare_versions(request: ProductionRequest, production_id: int) -> HttpResponse:
    versions = list(request.production.budget_versions.all())
    by_id = {str(v.pk): v for v in versions}
    before, after = by_id.get(request.GET.get("a", "")), by_id.get(request.GET.get("b", ""))
    if len(versions) >= 2 and (before is None or after is None):
        before, after = versions[-2], versions[-1]
    comparison = None
    if before and after:
        try:
            comparison = comparison_document(
                compare(compute(adapters.core_budget(before)), compute(adapters.core_budget(after)))
            )
        except BudgetError as error:
            messages.error(request, error.message)
    return render(
        request,
        "budget/compare.html",
        {"versions": versions, "before": before, "after": after, "comparison": comparison},
    )


@budget_detail
def export(request: ProductionRequest, production_id: int, fmt: str) -> HttpResponse:
    """The devis and cost report as XLSX (French layout, formulas kept) or PDF."""
    production = request.production
    document = adapters.production_budget(production)
    if document is None or fmt not in ("xlsx", "pdf"):
        raise Http404("No devis to export.")
    document.expenses = adapters.detailed_expenses(production)
    try:
        data = export_bytes(document, f".{fmt}")
    except BudgetError as error:
        messages.error(request, error.message)
        return redirect("budget:index", production_id=production_id)
    content_type = {
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pdf": "application/pdf",
    }[fmt]
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="devis-{production_id}-{document.budget.version}.{fmt}"'
    )
    return response


@budget_detail
def devis_import(request: ProductionRequest, production_id: int) -> HttpResponse:
    """A devis filled in the exported XLSX layout becomes a new version; all or nothing."""
    form = forms.DevisUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        production = request.production
        name = form.cleaned_data["name"]
        try:
            budget = import_devis(form.cleaned_data["file"].read())
            compute(budget)  # refuse a devis that does not compute (unknown global, account...)
            if production.budget_versions.filter(name=name).exists():
                raise BudgetError("DUPLICATE_VERSION", _("A version with this name exists."))
        except BudgetError as error:
            form.add_error("file", error.message)
        else:
            budget.version = name
            with transaction.atomic():
                version = save_budget(production, budget)
            messages.success(request, _("Devis imported as a new version."))
            return to_devis(production_id, version.pk)
    return render(
        request,
        "budget/form.html",
        {"form": form, "heading": _("Import a devis (XLSX)"), "multipart": True},
    )
