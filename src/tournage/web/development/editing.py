"""Create, edit and delete views of the development records, one table for all.

Each editable kind names its model, form and the page listing it; URLs take the
model's snake-case name (``objective_id``…) so that the form walks find them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.db import models as db
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tournage.web.productions.access import Area, ProductionRequest, area

from . import forms, models


@dataclass(frozen=True)
class Kind:
    model: type[db.Model]
    form: type[forms.ProductionForm]
    page: str  # the list page to go back to
    title: Any


KINDS = {
    "objective": Kind(models.Objective, forms.ObjectiveForm, "index", gettext_lazy("Objective")),
    "approval": Kind(models.Approval, forms.ApprovalForm, "approvals", gettext_lazy("Approval")),
    "benchmark_row": Kind(
        models.BenchmarkRow, forms.BenchmarkRowForm, "benchmark", gettext_lazy("Comparable work")
    ),
    "note": Kind(models.Note, forms.NoteForm, "notes", gettext_lazy("Note")),
    "channel_plan": Kind(
        models.ChannelPlan, forms.ChannelPlanForm, "distribution", gettext_lazy("Channel")
    ),
    "dossier": Kind(models.Dossier, forms.DossierForm, "dossiers", gettext_lazy("Dossier")),
}
SINGLETONS = {
    "brief": Kind(models.Brief, forms.BriefForm, "index", gettext_lazy("Brief")),
    "specification": Kind(
        models.Specification, forms.SpecificationForm, "cdc", gettext_lazy("Specification")
    ),
}


def _form_page(request: ProductionRequest, kind: Kind, instance: db.Model | None) -> HttpResponse:
    form = kind.form(request.POST or None, instance=instance, production=request.production)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect(f"development:{kind.page}", production_id=request.production.pk)
    context = {"form": form, "title": kind.title, "back": f"development:{kind.page}"}
    return render(request, "development/form.html", context)


def _editor(name: str, kind: Kind) -> Callable[..., HttpResponse]:
    def edit(request: ProductionRequest, production_id: int, **ids: int) -> HttpResponse:
        item = get_object_or_404(kind.model, pk=ids[f"{name}_id"], production=request.production)
        return _form_page(request, kind, item)

    return edit


def _creator(kind: Kind) -> Callable[..., HttpResponse]:
    @area(Area.PRODUCTION, writers_only=True)
    def create(request: ProductionRequest, production_id: int) -> HttpResponse:
        return _form_page(request, kind, None)

    return create


def _deleter(name: str, kind: Kind) -> Callable[..., HttpResponse]:
    @require_POST
    def delete(request: ProductionRequest, production_id: int, **ids: int) -> HttpResponse:
        item = get_object_or_404(kind.model, pk=ids[f"{name}_id"], production=request.production)
        item.delete()
        messages.success(request, _("Deleted."))
        return redirect(f"development:{kind.page}", production_id=production_id)

    return delete


def _singleton(kind: Kind) -> Callable[..., HttpResponse]:
    def edit(request: ProductionRequest, production_id: int) -> HttpResponse:
        item = kind.model._default_manager.filter(production=request.production).first()
        return _form_page(request, kind, item)

    return edit


def urlpatterns() -> list[Any]:
    patterns = []
    for name, kind in KINDS.items():
        patterns += [
            path(f"{name}s/new/", _creator(kind), name=f"{name}_create"),
            path(f"{name}s/<int:{name}_id>/", _editor(name, kind), name=f"{name}_edit"),
            path(f"{name}s/<int:{name}_id>/delete/", _deleter(name, kind), name=f"{name}_delete"),
        ]
    for name, kind in SINGLETONS.items():
        patterns.append(path(f"{name}/", _singleton(kind), name=f"{name}_edit"))
    return patterns
