"""What every budget view shares: roles, the current production, edit and delete."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.db.models import Model
from django.forms import BaseModelForm
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tournage.web.productions.access import Area, ProductionRequest, area
from tournage.web.productions.forms import save_if_changed

from .. import models

# The budget's detail (lines, expenses, financing, exports) is for those who manage it; the
# eco-referent reads the overview's totals only (the matrix).
budget_detail = area(Area.BUDGET, writers_only=True)
IMPORT_SESSION_KEY = "budget_expense_import"


def version_of(request: ProductionRequest, version_id: int) -> models.BudgetVersion:
    return get_object_or_404(models.BudgetVersion, pk=version_id, production=request.production)


def edit_form(
    request: ProductionRequest,
    form: BaseModelForm[Any],
    heading: str,
    done: HttpResponse,
    delete_url: str | None = None,
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            save_if_changed(form)
        messages.success(request, _("Saved."))
        return done
    return render(
        request, "budget/form.html", {"form": form, "heading": heading, "delete_url": delete_url}
    )


def confirm_delete(request: ProductionRequest, instance: Model, done: HttpResponse) -> HttpResponse:
    if request.method == "POST":
        instance.delete()
        messages.success(request, _("Deleted."))
        return done
    # the foundation's confirmation page; its Cancel link asks the "view" where to go back
    back = SimpleNamespace(get_success_url=lambda: done["Location"])
    return render(
        request, "productions/object_confirm_delete.html", {"object": instance, "view": back}
    )


def to_devis(production_id: int, version_id: int) -> HttpResponse:
    return redirect("budget:devis", production_id=production_id, version_id=version_id)


def to_costs(production_id: int) -> HttpResponse:
    return redirect("budget:costs", production_id=production_id)


def to_financing(production_id: int) -> HttpResponse:
    return redirect("budget:financing", production_id=production_id)
