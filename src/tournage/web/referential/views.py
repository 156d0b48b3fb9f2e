"""The responsible-production dashboard: blocks, rows, checks, judgements, history, exports."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tournage.referential.chart import history_chart
from tournage.referential.framework import FRAMEWORK, Row
from tournage.web.productions.access import ProductionRequest, read_roles, write_roles
from tournage.web.productions.models import Role

from . import exports
from .forms import JudgementForm
from .models import Judgement, Snapshot
from .presentation import blocks_view, chart_labels, check_view, counts_view, row_view
from .services import english, evaluate_production, record_snapshot

READERS = (Role.PRODUCER, Role.PRODUCTION_MANAGER, Role.ACCOUNTANT, Role.ECO_REFERENT)
JUDGES = (Role.PRODUCER, Role.PRODUCTION_MANAGER)


@read_roles(*READERS)
def index(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    evaluation = evaluate_production(production)
    context = {
        "summary": counts_view(evaluation.summary()),
        "decided": evaluation.decided,
        "total": len(evaluation.checks),
        "blocks": blocks_view(production, evaluation),
        "failing": [check_view(production, c) for c in evaluation.failing()],
        "can_export": request.membership.role in JUDGES,
    }
    return render(request, "referential/index.html", context)


def _row(row_id: str) -> Row:
    row = next((r for r in FRAMEWORK.load().rows if r.id == row_id and not r.retired), None)
    if row is None:
        raise Http404("No such row.")
    return row


def _forms(request: ProductionRequest, row: Row) -> list[dict[str, object]]:
    saved = {j.item: j for j in Judgement.objects.filter(production=request.production, row=row.id)}
    return [
        {
            "item": index,
            "text": text,
            "judgement": saved.get(index),
            "form": JudgementForm(instance=saved.get(index), prefix=f"j{index}"),
        }
        for index, text in enumerate(row.judgement_items(french=not english()))
    ]


@read_roles(*READERS)
def row(request: ProductionRequest, production_id: int, row_id: str) -> HttpResponse:
    item = _row(row_id)
    ids = {check.id for check in item.checks}
    evaluation = evaluate_production(request.production, only=ids.__contains__)
    outcome = next(r for r in evaluation.rows if r.id == item.id)
    context = {
        "row": row_view(request.production, outcome),
        "can_judge": request.membership.role in JUDGES,
        "judgements": _forms(request, item),
    }
    return render(request, "referential/row.html", context)


@require_POST
@read_roles(*READERS)
@write_roles(*JUDGES)
def judge(request: ProductionRequest, production_id: int, row_id: str, item: int) -> HttpResponse:
    row_item = _row(row_id)
    texts = row_item.judgement_items(french=True)
    if item >= len(texts):
        raise Http404("No such item.")
    instance = Judgement.objects.filter(
        production=request.production, row=row_item.id, item=item
    ).first() or Judgement(production=request.production, row=row_item.id, item=item)
    form = JudgementForm(request.POST, instance=instance, prefix=f"j{item}")
    if form.is_valid():
        judgement = form.save(commit=False)
        judgement.text = texts[item][:300]
        if form.has_changed() or judgement.pk is None:
            judgement.decided_by = request.user
            judgement.save()
        messages.success(request, _("Judgement recorded."))
    else:
        messages.error(request, _("The judgement was not recorded: check the date and the answer."))
    return redirect("referential:row", production_id=production_id, row_id=row_item.id)


@require_POST
@read_roles(*READERS)
@write_roles(*JUDGES)
def record(request: ProductionRequest, production_id: int) -> HttpResponse:
    """Keep today's evaluation in the history (a page view never writes)."""
    record_snapshot(request.production, evaluate_production(request.production))
    messages.success(request, _("Today's evaluation is kept in the history."))
    return redirect("referential:history", production_id=production_id)


@read_roles(*READERS)
def history(request: ProductionRequest, production_id: int) -> HttpResponse:
    snapshots = list(Snapshot.objects.filter(production=request.production))
    points = [(s.taken_on, s.counts) for s in snapshots]
    context = {
        # the chart's text is escaped where it is built
        "chart": mark_safe(  # noqa: S308
            history_chart(points, _("Checks per status over time"), chart_labels())
        ),
        "snapshots": [
            {"date": s.taken_on, "counts": counts_view(s.counts)} for s in reversed(snapshots)
        ],
        "can_record": request.membership.role in JUDGES,
    }
    return render(request, "referential/history.html", context)


@read_roles(*JUDGES)
def export(request: ProductionRequest, production_id: int, fmt: str) -> HttpResponse:
    if fmt not in exports.FORMATS:
        raise Http404("Unknown format.")
    return exports.response(request.production, fmt)
