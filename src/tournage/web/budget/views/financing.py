"""Financing plan, tax-credit estimate, aid eligibility and the funding profile."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tournage.budget.eligibility import match_aids
from tournage.budget.errors import BudgetError
from tournage.budget.money import ZERO
from tournage.budget.report import analyse, profile_with_budget
from tournage.budget.tax_credit import estimate
from tournage.web.productions.access import ProductionRequest

from .. import adapters, forms, models
from ..live_flags import BROADCASTER_KINDS, live_facts
from .common import (
    budget_detail,
    confirm_delete,
    edit_form,
    to_financing,
)


@budget_detail
def financing(request: ProductionRequest, production_id: int) -> HttpResponse:
    """Financing plan, public-aid share against its ceiling, tax credit, eligible aids."""
    production = request.production
    profile = adapters.profile_for(production)
    document = adapters.production_budget(production)
    context: dict[str, Any] = {
        "document": document,
        "profile": profile,
        "sources": production.financing_sources.all(),
    }
    total = ZERO
    if document is not None:
        try:
            totals, _report, summary = analyse(document)
        except BudgetError as error:
            messages.error(request, error.message)
        else:
            total = totals.total
            context.update(
                totals=totals,
                summary=summary,
                credit=estimate(
                    totals,
                    profile.work_format,
                    profile.genre,
                    document.profile.flags.get("french_language"),
                    production.target_duration_minutes,
                ),
            )
    verdicts = match_aids(profile_with_budget(adapters.core_profile(profile), total))
    context["live_facts"] = live_facts(production)
    context["broadcasters"] = [s for s in context["sources"] if s.kind in BROADCASTER_KINDS]
    context["verdicts"] = sorted(
        verdicts, key=lambda v: ("eligible", "to_check", "not_eligible").index(v.status)
    )
    return render(request, "budget/financing.html", context)


@budget_detail
def source_edit(
    request: ProductionRequest, production_id: int, source_id: int | None = None
) -> HttpResponse:
    production = request.production
    source = (
        get_object_or_404(models.FinancingSource, pk=source_id, production=production)
        if source_id
        else models.FinancingSource(production=production)
    )
    form = forms.FinancingSourceForm(request.POST or None, instance=source)
    delete = reverse("budget:source_delete", args=[production_id, source_id]) if source_id else None
    return edit_form(request, form, _("Financing source"), to_financing(production_id), delete)


@budget_detail
def source_delete(request: ProductionRequest, production_id: int, source_id: int) -> HttpResponse:
    source = get_object_or_404(models.FinancingSource, pk=source_id, production=request.production)
    return confirm_delete(request, source, to_financing(production_id))


@budget_detail
def profile_edit(request: ProductionRequest, production_id: int) -> HttpResponse:
    profile = adapters.profile_for(request.production)
    form = forms.FundingProfileForm(request.POST or None, instance=profile)
    return edit_form(request, form, _("Funding profile"), to_financing(production_id))
