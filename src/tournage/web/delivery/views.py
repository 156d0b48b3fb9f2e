"""Deliverables: declare them, upload a master, follow its QC, read the report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tournage.delivery.report import html_report, levels_svg, loudness_svg, pdf_report
from tournage.web.productions.access import ProductionRequest

from .forms import DeliverableForm, MasterUploadForm, ServerPathForm, qc_inbox
from .labels import labelled
from .models import Deliverable, QCRun, QCStatus
from .tasks import run_qc_task


def index(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    form = DeliverableForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        deliverable = form.save(commit=False)
        deliverable.production = production
        deliverable.save()
        messages.success(request, _("Deliverable added."))
        return redirect(
            "delivery:deliverable", production_id=production_id, deliverable_id=deliverable.pk
        )
    rows = [(d, d.latest_run()) for d in Deliverable.objects.filter(production=production)]
    return render(request, "delivery/index.html", {"rows": rows, "form": form})


def _deliverable(request: ProductionRequest, deliverable_id: int) -> Deliverable:
    production = request.production
    return get_object_or_404(Deliverable, pk=deliverable_id, production=production)


def deliverable(
    request: ProductionRequest, production_id: int, deliverable_id: int
) -> HttpResponse:
    item = _deliverable(request, deliverable_id)
    upload_form = MasterUploadForm(request.POST or None, request.FILES or None)
    path_form = ServerPathForm(request.POST or None, prefix="inbox")
    if request.method == "POST":
        run = _new_run(request, item, upload_form, path_form)
        if run is not None:
            messages.success(request, _("Master stored: the quality check runs in the background."))
            return redirect("delivery:run", production_id=production_id, run_id=run.pk)
    context = {
        "deliverable": item,
        "form": upload_form,
        "runs": item.qc_runs.all(),
        "path_form": path_form if qc_inbox() else None,
    }
    return render(request, "delivery/deliverable.html", context)


def _new_run(
    request: ProductionRequest,
    item: Deliverable,
    upload_form: MasterUploadForm,
    path_form: ServerPathForm,
) -> QCRun | None:
    """A queued run from the upload, or from the inbox path when that form was sent."""
    fields: dict[str, Any]
    if "inbox-path" in request.POST:
        if not path_form.is_valid():
            return None
        path = path_form.cleaned_data["path"]
        fields = {
            "source_path": str(path),
            "source_name": path.name[:255],
            "size_bytes": path.stat().st_size,
        }
    else:
        if not upload_form.is_valid():
            return None
        upload = upload_form.cleaned_data["master"]
        fields = {"media": upload, "source_name": upload.name[:255], "size_bytes": upload.size}
    with transaction.atomic():
        run = QCRun.objects.create(deliverable=item, requested_by=request.user, **fields)
        transaction.on_commit(lambda: _enqueue(run.pk))
    return run


def _enqueue(run_id: int) -> None:
    result = run_qc_task.enqueue(run_id)
    QCRun.objects.filter(pk=run_id).update(task_id=str(result.id))


@require_POST
def deliverable_delete(
    request: ProductionRequest, production_id: int, deliverable_id: int
) -> HttpResponse:
    item = _deliverable(request, deliverable_id)
    item.delete()
    messages.success(request, _("Deliverable deleted."))
    return redirect("delivery:index", production_id=production_id)


def _run(request: ProductionRequest, run_id: int) -> QCRun:
    production = request.production
    return get_object_or_404(
        QCRun.objects.select_related("deliverable"), pk=run_id, deliverable__production=production
    )


def run(request: ProductionRequest, production_id: int, run_id: int) -> HttpResponse:
    item = _run(request, run_id)
    context: dict[str, Any] = {"run": item, "deliverable": item.deliverable}
    if item.report:
        context["loudness_chart"] = mark_safe(loudness_svg(item.report))  # noqa: S308 - escaped by the renderer
        context["levels_chart"] = mark_safe(levels_svg(item.report))  # noqa: S308
        context["checks"] = labelled(item.report["checks"])
        context["loudness"] = item.report.get("loudness")
    return render(request, "delivery/run.html", context)


@require_POST
def run_retry(request: ProductionRequest, production_id: int, run_id: int) -> HttpResponse:
    """Run a failed or interrupted analysis again on the same master."""
    item = _run(request, run_id)
    if item.status != QCStatus.ERROR or not _master_available(item):
        messages.error(request, _("This analysis cannot be run again: send the master again."))
        return redirect("delivery:run", production_id=production_id, run_id=item.pk)
    with transaction.atomic():
        QCRun.objects.filter(pk=item.pk).update(status=QCStatus.QUEUED, progress=0.0, error="")
        transaction.on_commit(lambda: _enqueue(item.pk))
    messages.success(request, _("The analysis runs again in the background."))
    return redirect("delivery:run", production_id=production_id, run_id=item.pk)


def _master_available(item: QCRun) -> bool:
    """The upload is still stored, or the path is still inside this server's QC inbox
    (a path from an imported archive is not trusted)."""
    if item.media.name:
        return item.media.storage.exists(item.media.name)
    inbox = qc_inbox()
    if inbox is None or not item.source_path:
        return False
    path = Path(item.source_path).resolve()
    return path.is_relative_to(inbox) and path.is_file()


def run_report(
    request: ProductionRequest, production_id: int, run_id: int, fmt: str
) -> HttpResponse:
    item = _run(request, run_id)
    if not item.report or fmt not in ("pdf", "html", "json"):
        raise Http404("No such report.")
    name = f"qc-{slugify(item.deliverable.name) or 'master'}-{item.pk}.{fmt}"
    if fmt == "pdf":
        response = HttpResponse(pdf_report(item.report), content_type="application/pdf")
    elif fmt == "html":
        response = HttpResponse(html_report(item.report), content_type="text/html; charset=utf-8")
    else:
        response = HttpResponse(
            json.dumps(item.report, ensure_ascii=False, indent=1), content_type="application/json"
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
