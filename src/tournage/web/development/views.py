"""Development pages: the brief and its feasibility, benchmark, notes, distribution plan,
cahier des charges, approvals and dossiers."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from tournage.web.productions.access import ProductionRequest

from . import adapters, models


def index(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    context = {
        "brief": models.Brief.objects.filter(production=production).first(),
        "objectives": production.objectives.prefetch_related("traces"),
        "feasibility": adapters.feasibility_of(production),
    }
    return render(request, "development/index.html", context)


def benchmark(request: ProductionRequest, production_id: int) -> HttpResponse:
    rows = models.BenchmarkRow.objects.filter(production=request.production)
    return render(request, "development/benchmark.html", {"rows": rows})


def notes(request: ProductionRequest, production_id: int) -> HttpResponse:
    items = request.production.dev_notes.prefetch_related("references", "objectives")
    return render(request, "development/notes.html", {"notes": items})


def distribution(request: ProductionRequest, production_id: int) -> HttpResponse:
    plans = models.ChannelPlan.objects.filter(production=request.production)
    return render(request, "development/distribution.html", {"plans": plans})


def cdc(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    context = {
        "sections": adapters.cdc_sections(production),
        "versions": production.cdc_versions.all(),
    }
    return render(request, "development/cdc.html", context)


def approvals(request: ProductionRequest, production_id: int) -> HttpResponse:
    items = models.Approval.objects.filter(production=request.production)
    return render(request, "development/approvals.html", {"approvals": items})


def dossiers(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    built = [adapters.assemble(production, d) for d in production.dossiers.all()]
    return render(request, "development/dossiers.html", {"dossiers": built})
