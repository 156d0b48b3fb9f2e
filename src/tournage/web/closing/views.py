"""Register, marketing set, closing file: pages, delivery notes and exports."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tournage.closing import marketing as marketing_core
from tournage.closing.credits import Generique
from tournage.closing.documents import delivery_note_pdf, report_pdf, report_xlsx
from tournage.closing.environmental import delta_rows
from tournage.closing.report import build
from tournage.closing.rules import rules
from tournage.web.productions.access import (
    Area,
    ProductionRequest,
    allowed_writers,
    area,
    open_when_locked,
)

from . import services
from .forms import (
    ClosingFileForm,
    ContractClosureForm,
    DestinationForm,
    MarketingPieceForm,
    RegisterItemForm,
)
from .models import ClosingFile, ContractClosure, Destination, MarketingPiece, RegisterItem

STATUS_LABELS = {
    "met": pgettext_lazy("check status", "Met"),
    "partly": pgettext_lazy("check status", "Partly met"),
    "not_met": pgettext_lazy("check status", "Not met"),
    "unknown": pgettext_lazy("check status", "Data missing"),
}


def index(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    form = DestinationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        destination = form.save(commit=False)
        destination.production = production
        destination.save()
        messages.success(request, _("Destination added."))
        return redirect(
            "closing:destination", production_id=production_id, destination_id=destination.pk
        )
    statuses = services.destination_statuses(production, timezone.localdate())
    destinations = Destination.objects.filter(production=production)
    return render(
        request,
        "closing/index.html",
        {"rows": list(zip(destinations, statuses, strict=True)), "form": form},
    )


def _destination(request: ProductionRequest, destination_id: int) -> Destination:
    return get_object_or_404(Destination, pk=destination_id, production=request.production)


def destination(
    request: ProductionRequest, production_id: int, destination_id: int
) -> HttpResponse:
    target = _destination(request, destination_id)
    form = RegisterItemForm(
        request.POST or None, request.FILES or None, production=request.production
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.instance.destination = target
            form.save()
        messages.success(request, _("Element added to the register."))
        return redirect(request.path)
    status = services.status_of(target, timezone.localdate())
    statuses = {s.item.id: s for s in status.items}
    return render(
        request,
        "closing/destination.html",
        {
            "destination": target,
            "status": status,
            "rows": [(entry, statuses[entry.pk]) for entry in target.items.all()],
            "form": form,
            "missing": [_kind_label(kind) for kind in status.missing_kinds],
        },
    )


def _kind_label(kind: str) -> str:
    element = rules().element_kinds.get(kind)
    return element.label_fr if element else kind


def item(request: ProductionRequest, production_id: int, item_id: int) -> HttpResponse:
    entry = get_object_or_404(RegisterItem, pk=item_id, destination__production=request.production)
    form = RegisterItemForm(
        request.POST or None, request.FILES or None, instance=entry, production=request.production
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, _("Element saved."))
        return redirect(request.path)
    return render(request, "closing/item.html", {"item": entry, "form": form})


def delivery_note(
    request: ProductionRequest, production_id: int, destination_id: int
) -> HttpResponse:
    """A delivery note (PDF) of what was shipped to one destination."""
    target = _destination(request, destination_id)
    status = services.status_of(target, timezone.localdate())
    pdf = delivery_note_pdf(request.production.title, status, timezone.localdate())
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(target.name) or "destination"
    response["Content-Disposition"] = f'attachment; filename="bon-de-livraison-{name}.pdf"'
    return response


def marketing(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    form = MarketingPieceForm(request.POST or None, request.FILES or None, production=production)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.instance.production = production
            form.save()
        messages.success(request, _("Piece added to the marketing set."))
        return redirect(request.path)
    pieces = MarketingPiece.objects.filter(production=production)
    english = (get_language() or "fr").startswith("en")
    generique = services.credits(production)
    return render(
        request,
        "closing/marketing.html",
        {
            "pieces": pieces,
            "sets": services.marketing_status(production),
            "present": marketing_core.present_kinds(services.marketing_pieces(production)),
            "credits": generique,
            "credit_blocks": _credit_blocks(generique, english),
            "mentions": _mentions(generique, english),
            "signage": services.signage_checks(production),
            "form": form,
        },
    )


MENTION_STATUS = {
    "built": pgettext_lazy("credits mention", "from the data"),
    "manual": pgettext_lazy("credits mention", "to add by hand"),
    "missing": pgettext_lazy("credits mention", "data missing"),
}


def _credit_blocks(generique: Generique | None, english: bool) -> list[tuple[str, list[Any]]]:
    if generique is None:
        return []
    return [
        (block.label_en if english else block.label_fr, block.lines)
        for block in generique.blocks
        if block.lines
    ]


def _mentions(generique: Generique | None, english: bool) -> list[dict[str, Any]]:
    if generique is None:
        return []
    return [
        {
            "text": m.en if english else m.fr,
            "status": m.status,
            "status_label": MENTION_STATUS[m.status],
            "source": m.source if isinstance(m.source, str) else ", ".join(m.source),
            "uncertain": m.uncertain,
        }
        for m in generique.mentions
    ]


def _report_form(request: ProductionRequest, record: ClosingFile) -> ClosingFileForm:
    data = services.closing_input(request.production, timezone.localdate())
    return ClosingFileForm(
        request.POST or None,
        request.FILES or None,
        instance=record,
        categories=tuple(r.category for r in delta_rows(data.carbon)),
        planned=tuple(m.label for m in data.carbon.measures),
    )


@area(Area.BUDGET)
def report(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    record = services.closing_file(production)
    form = _report_form(request, record)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, _("Closing file saved."))
        return redirect(request.path)
    document = build(services.closing_input(production, timezone.localdate()))
    for check in document["checks"]:
        check["status_label"] = STATUS_LABELS.get(check["status"], check["status"])
    return render(
        request,
        "closing/report.html",
        {
            "document": document,
            "record": record,
            "form": form,
            "may_close": request.membership.role in allowed_writers(close),
        },
    )


@area(Area.BUDGET)
def report_export(request: ProductionRequest, production_id: int, fmt: str) -> HttpResponse:
    if fmt not in ("pdf", "xlsx"):
        raise Http404("Unknown format.")
    document = build(services.closing_input(request.production, timezone.localdate()))
    if fmt == "pdf":
        response = HttpResponse(report_pdf(document), content_type="application/pdf")
    else:
        response = HttpResponse(
            report_xlsx(document),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="dossier-de-cloture.{fmt}"'
    return response


@require_POST
@area(Area.BUDGET, writers_only=True)
def freeze(request: ProductionRequest, production_id: int) -> HttpResponse:
    """Freeze the coût définitif and the final footprint as they stand today."""
    production = request.production
    data = services.closing_input(production, timezone.localdate())
    if data.financial.report is None or not data.carbon.actual:
        messages.error(request, _("Freezing needs a reference devis and an actual footprint."))
        return redirect("closing:report", production_id=production_id)
    with transaction.atomic():
        record, _created = ClosingFile.objects.get_or_create(production=production)
        record.frozen_on = timezone.localdate()
        record.frozen_cost_total = data.financial.report.total.actual
        record.frozen_carbon_kg = data.carbon.actual_total
        record.save()
    messages.success(request, _("Final cost and footprint frozen."))
    return redirect("closing:report", production_id=production_id)


@require_POST
@area(Area.CONTRACTS, writers_only=True)
def contract_closure(
    request: ProductionRequest, production_id: int, contract_id: int
) -> HttpResponse:
    production = request.production
    if contract_id not in services.contract_ids(production):
        raise Http404("No such contract.")
    with transaction.atomic():
        record, _created = ClosingFile.objects.get_or_create(production=production)
        closure = ContractClosure.objects.filter(
            closing_file=record, contract_id=contract_id
        ).first() or ContractClosure(closing_file=record, contract_id=contract_id)
        form = ContractClosureForm(request.POST, instance=closure)
        if form.is_valid():
            form.save()
            messages.success(request, _("Contract closure saved."))
        else:
            messages.error(request, _("Check the final pay date."))
    return redirect("closing:report", production_id=production_id)


@require_POST
@open_when_locked  # reopening must work on a closed production
@area(Area.PRODUCTION, writers_only=True)
def close(request: ProductionRequest, production_id: int) -> HttpResponse:
    """Close the production (read-only, still exportable), or reopen it."""
    production = request.production
    with transaction.atomic():
        record, _created = ClosingFile.objects.get_or_create(production=production)
        if record.closed_at is None:
            record.closed_at, record.closed_by = timezone.now(), request.user
            messages.success(request, _("Production closed: it is now read-only."))
        else:
            record.closed_at, record.closed_by = None, None
            messages.success(request, _("Production reopened."))
        record.save()
    return redirect("closing:report", production_id=production_id)
