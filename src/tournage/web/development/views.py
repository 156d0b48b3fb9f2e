"""Development pages: the brief and its feasibility, benchmark, notes, distribution plan,
cahier des charges, approvals and dossiers; the benchmark import, the attached pieces
and the exports."""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tournage.development import benchmark_import as importer
from tournage.development.errors import DevelopmentError
from tournage.development.rules import SCHEMES
from tournage.web.productions.access import ProductionRequest

from . import adapters, exports, models
from .forms import BenchmarkImportForm, PieceUploadForm
from .labels import shown


def index(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    context = {
        "brief": models.Brief.objects.filter(production=production).first(),
        "objectives": production.objectives.prefetch_related("traces"),
        "feasibility": shown(adapters.feasibility_of(production)),
    }
    return render(request, "development/index.html", context)


def benchmark(request: ProductionRequest, production_id: int) -> HttpResponse:
    rows = models.BenchmarkRow.objects.filter(production=request.production)
    return render(
        request, "development/benchmark.html", {"rows": rows, "form": BenchmarkImportForm()}
    )


@require_POST
def benchmark_import(request: ProductionRequest, production_id: int) -> HttpResponse:
    """Every row of the table or none: a bad cell leaves the benchmark as it was."""
    form = BenchmarkImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a CSV or XLSX file."))
        return redirect("development:benchmark", production_id=production_id)
    upload = form.cleaned_data["file"]
    try:
        rows = importer.read(upload.read(importer.MAX_BYTES + 1), upload.name or "")
    except DevelopmentError as error:
        messages.error(request, error.message)
        return redirect("development:benchmark", production_id=production_id)
    with transaction.atomic():
        for row in rows:
            models.BenchmarkRow.objects.create(
                production=request.production,
                title=row.title,
                year=row.year,
                work_format=row.work_format,
                channel_kind=row.channel_kind,
                positioning=row.positioning,
                **row.figures,
            )
    messages.success(request, _("%(count)d comparable works imported.") % {"count": len(rows)})
    return redirect("development:benchmark", production_id=production_id)


def notes(request: ProductionRequest, production_id: int) -> HttpResponse:
    items = request.production.dev_notes.prefetch_related("references", "objectives")
    return render(request, "development/notes.html", {"notes": items})


def distribution(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    categories = adapters.age_categories(production)
    rows = [
        (plan, categories.get(plan.channel, ""))
        for plan in models.ChannelPlan.objects.filter(production=production)
    ]
    return render(request, "development/distribution.html", {"rows": rows})


def cdc(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    context = {
        "sections": adapters.cdc_sections(production),
        "versions": production.cdc_versions.all(),
    }
    return render(request, "development/cdc.html", context)


@require_POST
def cdc_freeze(request: ProductionRequest, production_id: int) -> HttpResponse:
    """Keep today's cahier des charges as the next version."""
    production = request.production
    sections = adapters.cdc_sections(production)
    with transaction.atomic():
        last = production.cdc_versions.select_for_update().order_by("-number").first()
        models.CdcVersion.objects.create(
            production=production,
            number=(last.number + 1) if last else 1,
            created_on=timezone.localdate(),
            document={"sections": [s.to_dict() for s in sections]},
        )
    messages.success(request, _("Version kept."))
    return redirect("development:cdc", production_id=production_id)


def cdc_export(request: ProductionRequest, production_id: int, fmt: str) -> HttpResponse:
    if fmt not in exports.CDC_FORMATS:
        raise Http404
    data, content_type = exports.cdc_document(request.production, fmt)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="cahier-des-charges.{fmt}"'
    return response


def approvals(request: ProductionRequest, production_id: int) -> HttpResponse:
    items = models.Approval.objects.filter(production=request.production)
    return render(request, "development/approvals.html", {"approvals": items})


def _pieces(record: models.Dossier) -> list[tuple[str, str]]:
    scheme = SCHEMES.load().scheme(record.scheme)
    table = SCHEMES.load().pieces
    return [(p.id, table[p.id].name_fr) for p in scheme.pieces] if scheme else []


def dossiers(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    rows = [
        (record, adapters.assemble(production, record), PieceUploadForm(pieces=_pieces(record)))
        for record in production.dossiers.all()
    ]
    return render(request, "development/dossiers.html", {"dossiers": rows})


@require_POST
def piece_upload(request: ProductionRequest, production_id: int, dossier_id: int) -> HttpResponse:
    record = get_object_or_404(models.Dossier, pk=dossier_id, production=request.production)
    form = PieceUploadForm(request.POST, request.FILES, pieces=_pieces(record))
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(e) for e in errors))
        return redirect("development:dossiers", production_id=production_id)
    upload, piece = form.cleaned_data["file"], form.cleaned_data["piece"]
    name = Path(upload.name or "piece.pdf").name[:255]
    with transaction.atomic():
        record.attachments.filter(piece=piece).delete()
        attached = models.AttachedPiece(
            dossier=record, piece=piece, source_name=name, pages=form.pages
        )
        attached.file.save(name, upload, save=True)
    messages.success(request, _("Piece attached."))
    return redirect("development:dossiers", production_id=production_id)


def dossier_pdf(request: ProductionRequest, production_id: int, dossier_id: int) -> HttpResponse:
    record = get_object_or_404(models.Dossier, pk=dossier_id, production=request.production)
    response = HttpResponse(
        exports.dossier_pdf(request.production, record), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="dossier-{record.scheme}.pdf"'
    return response
