"""Cost report: commitments, expenses (form and CSV/XLSX import), estimates to complete,
charts, and the coût définitif."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tournage.budget.closing import final_cost, final_cost_document
from tournage.budget.compute import compute
from tournage.budget.cost_report import burn_curve, known_account
from tournage.budget.errors import BudgetError
from tournage.budget.expense_import import parse_expenses, read_table, suggest_mapping
from tournage.budget.report import analyse
from tournage.web.productions.access import ProductionRequest, write_roles
from tournage.web.productions.history import create_with_history
from tournage.web.productions.models import Role

from .. import adapters, forms, models
from ..charts import burn_chart, variance_chart
from .common import (
    IMPORT_SESSION_KEY,
    budget_detail,
    confirm_delete,
    edit_form,
    to_costs,
)


@budget_detail
def costs(request: ProductionRequest, production_id: int) -> HttpResponse:
    """The cost report: per chapter and account, alerts, burn rate and variance charts."""
    production = request.production
    document = adapters.production_budget(production)
    if document is None:
        return render(request, "budget/costs.html", {"document": None})
    try:
        totals, report, _financing = analyse(document)
    except BudgetError as error:
        messages.error(request, error.message)
        return render(request, "budget/costs.html", {"document": None})
    start, end = _period(adapters.reference_version(production), production, document)
    points = burn_curve(document.expenses, totals.total, start, end) if start else []
    expenses = Paginator(models.Expense.objects.filter(production=production), 50)
    return render(
        request,
        "budget/costs.html",
        {
            "document": document,
            "report": report,
            "totals": totals,
            "burn": burn_chart(points),
            "variance": variance_chart(report.chapters),
            "expenses": expenses.get_page(request.GET.get("page")),
            "commitments": production.budget_commitments.all()[:200],
            "reported": production.budget_reported_costs.all(),
            "estimate_form": forms.EstimateForm(),
        },
    )


def _period(
    version: models.BudgetVersion | None, production: Any, document: Any
) -> tuple[Any, Any]:
    """The spending-plan period: set on the version, else shooting start to last expense."""
    dates = sorted(e.date for e in document.expenses)
    start = (
        (version and version.plan_start) or production.shoot_start or (dates[0] if dates else None)
    )
    end = (version and version.plan_end) or (dates[-1] if dates else start)
    if start is None or end is None or end < start:
        return None, None
    return start, end


@budget_detail
def expense_edit(
    request: ProductionRequest, production_id: int, expense_id: int | None = None
) -> HttpResponse:
    production = request.production
    expense = (
        get_object_or_404(models.Expense, pk=expense_id, production=production)
        if expense_id
        else models.Expense(production=production)
    )
    form = forms.ExpenseForm(request.POST or None, request.FILES or None, instance=expense)
    delete = (
        reverse("budget:expense_delete", args=[production_id, expense_id]) if expense_id else None
    )
    return edit_form(request, form, _("Expense"), to_costs(production_id), delete)


@budget_detail
def expense_delete(request: ProductionRequest, production_id: int, expense_id: int) -> HttpResponse:
    expense = get_object_or_404(models.Expense, pk=expense_id, production=request.production)
    return confirm_delete(request, expense, to_costs(production_id))


@budget_detail
def commitment_edit(
    request: ProductionRequest, production_id: int, commitment_id: int | None = None
) -> HttpResponse:
    production = request.production
    item = (
        get_object_or_404(models.Commitment, pk=commitment_id, production=production)
        if commitment_id
        else models.Commitment(production=production)
    )
    form = forms.CommitmentForm(request.POST or None, instance=item)
    delete = (
        reverse("budget:commitment_delete", args=[production_id, commitment_id])
        if commitment_id
        else None
    )
    return edit_form(request, form, _("Commitment"), to_costs(production_id), delete)


@budget_detail
def commitment_delete(
    request: ProductionRequest, production_id: int, commitment_id: int
) -> HttpResponse:
    item = get_object_or_404(models.Commitment, pk=commitment_id, production=request.production)
    return confirm_delete(request, item, to_costs(production_id))


@require_POST
@budget_detail
def estimate_set(request: ProductionRequest, production_id: int) -> HttpResponse:
    """Set the estimate to complete of an account (empty amount: back to the default)."""
    production = request.production
    account = request.POST.get("account", "").strip()
    existing = models.EstimateToComplete.objects.filter(
        production=production, account=account
    ).first()
    if not request.POST.get("amount") and existing is not None:
        existing.delete()
        return to_costs(production_id)
    form = forms.EstimateForm(
        request.POST, instance=existing or models.EstimateToComplete(production=production)
    )
    if form.is_valid():
        form.save()
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return to_costs(production_id)


@budget_detail
def expense_import(request: ProductionRequest, production_id: int) -> HttpResponse:
    """Step 1: upload a CSV/XLSX bank or accounting export; kept aside until mapped."""
    form = forms.UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            read_table(data, upload.name)
        except BudgetError as error:
            form.add_error("file", error.message)
        else:
            suffix = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
            name = default_storage.save(
                f"budget/imports/{uuid.uuid4().hex}{suffix}", ContentFile(data)
            )
            request.session[IMPORT_SESSION_KEY] = {"name": name, "production": production_id}
            return redirect("budget:expense_mapping", production_id=production_id)
    return render(
        request,
        "budget/form.html",
        {"form": form, "heading": _("Import expenses (CSV or XLSX)"), "multipart": True},
    )


@budget_detail
def expense_mapping(request: ProductionRequest, production_id: int) -> HttpResponse:
    """Step 2: map the columns; all rows are checked, then stored in one transaction."""
    pending = request.session.get(IMPORT_SESSION_KEY)
    if (
        not pending
        or pending.get("production") != production_id
        or not default_storage.exists(pending["name"])
    ):
        messages.error(request, _("Upload the file first."))
        return redirect("budget:expense_import", production_id=production_id)
    with default_storage.open(pending["name"], "rb") as stored:
        table = read_table(stored.read(), pending["name"])
    form = forms.MappingForm(
        request.POST or None, headers=table.headers, initial=suggest_mapping(table.headers)
    )
    errors: list[Any] = []
    if request.method == "POST" and form.is_valid():
        production = request.production
        document = adapters.production_budget(production)
        try:  # a devis that does not compute (a global gone) still takes expenses
            totals = compute(document.budget) if document else None
        except BudgetError:
            totals = None
        try:
            expenses = parse_expenses(
                table,
                {k: v for k, v in form.cleaned_data.items() if v},
                lambda code: _check_account(totals, code),
            )
        except BudgetError as error:
            errors = list(getattr(error, "errors", []))
            messages.error(
                request,
                error.message
                if not errors
                else _("Nothing was imported: fix the rows below and upload again."),
            )
        else:
            with transaction.atomic():
                create_with_history(
                    models.Expense,
                    (
                        models.Expense(
                            production=production,
                            date=e.date,
                            account=e.account,
                            supplier=e.supplier,
                            label=e.label,
                            amount_ht=e.amount_ht,
                            vat_rate=e.vat_rate,
                            payment_status=e.payment_status,
                        )
                        for e in expenses
                    ),
                    user=request.user,
                )
            default_storage.delete(pending["name"])
            del request.session[IMPORT_SESSION_KEY]
            messages.success(request, _("%(count)d expenses imported.") % {"count": len(expenses)})
            return to_costs(production_id)
    return render(
        request,
        "budget/mapping.html",
        {"form": form, "errors": errors[:200], "rows": table.rows[:5], "headers": table.headers},
    )


def _check_account(totals: Any, code: str) -> str:
    if totals is None:
        forms.AccountField().clean(code)
        return code
    return known_account(totals, code)


@write_roles(Role.PRODUCER, Role.ACCOUNTANT)  # narrows the area's writers: outermost
@budget_detail
def closing(request: ProductionRequest, production_id: int) -> HttpResponse:
    """Cost by chapter against the devis and financing received; a POST records it as a
    statement, interim or final (the coût définitif of the closing report)."""
    production = request.production
    document = adapters.production_budget(production)
    final = None
    if document is not None:
        try:
            _totals, report, _summary = analyse(document)
            final = final_cost(report, document.financing)
        except BudgetError as error:
            messages.error(request, error.message)
    if request.method == "POST" and final is not None and document is not None:
        statement = models.CostStatement(
            production=production,
            version=document.budget.version,
            final=request.POST.get("final") == "on",
            document=final_cost_document(final),
        )
        create_with_history(models.CostStatement, [statement], user=request.user)
        messages.success(request, _("Cost statement recorded."))
        return redirect("budget:closing", production_id=production_id)
    return render(
        request,
        "budget/closing.html",
        {
            "final": final,
            "document": document,
            "statements": production.cost_statements.all()[:10],
        },
    )
