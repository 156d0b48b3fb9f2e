"""The data manager's card offloads: register one (hashed in the background), follow it,
read how each copy compares with the card, run an interrupted one again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tournage.web.productions import task_progress
from tournage.web.productions.access import ProductionRequest

from . import offload as service
from .forms import OffloadForm
from .models import Offload, OffloadStatus
from .tasks import offload_task

RUNNING = (OffloadStatus.QUEUED, OffloadStatus.RUNNING)


def offloads(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    form = OffloadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            item = service.create(
                production,
                data["label"],
                data["source"],
                data["copies"],
                data["algorithm"],
                data["shot_on"],
                request.user,
            )
            transaction.on_commit(lambda: _enqueue(item.pk))
        messages.success(request, _("Offload registered: the files are hashed in the background."))
        return redirect("followup:offload", production_id=production_id, offload_id=item.pk)
    context = {
        "form": form,
        "configured": service.rushes_root() is not None,
        "offloads": Offload.objects.filter(production=production),
    }
    return render(request, "followup/offloads.html", context)


def _enqueue(offload_id: int) -> None:
    result = offload_task.enqueue(offload_id)
    Offload.objects.filter(pk=offload_id).update(task_id=str(result.id))


def _offload(request: ProductionRequest, offload_id: int) -> Offload:
    return get_object_or_404(Offload, pk=offload_id, production=request.production)


def offload(request: ProductionRequest, production_id: int, offload_id: int) -> HttpResponse:
    item = _offload(request, offload_id)
    source, *copies = service.shown([item.source_path, *item.copy_paths])
    context: dict[str, Any] = {
        "offload": item,
        "source": source,
        "copies": copies,
        "following": item.status in RUNNING and bool(item.task_id),
        "retry": item.status == OffloadStatus.ERROR and _folders_available(item),
    }
    return render(request, "followup/offload.html", context)


def offload_progress(request: ProductionRequest, production_id: int, offload_id: int) -> Any:
    """``task_progress`` state of the offload's task; the fraction is the bytes hashed."""
    item = _offload(request, offload_id)
    result = task_progress.found(offload_task, item.task_id, lambda args: args[0] == item.pk)
    if result is None:
        raise Http404("No such task.")
    page = reverse("followup:offload", args=[production_id, item.pk])
    document = task_progress.poll(result, None, lambda _value: page)
    if document["state"] == "running":
        document["fraction"] = round(item.progress, 3)
    return JsonResponse(document)


@require_POST
def offload_retry(request: ProductionRequest, production_id: int, offload_id: int) -> HttpResponse:
    """Hash an interrupted or failed offload again, when its folders are still there."""
    item = _offload(request, offload_id)
    if item.status != OffloadStatus.ERROR or not _folders_available(item):
        messages.error(request, _("This offload cannot be run again: register it anew."))
        return redirect("followup:offload", production_id=production_id, offload_id=item.pk)
    with transaction.atomic():
        Offload.objects.filter(pk=item.pk).update(
            status=OffloadStatus.QUEUED, progress=0.0, error=""
        )
        transaction.on_commit(lambda: _enqueue(item.pk))
    messages.success(request, _("The offload is hashed again in the background."))
    return redirect("followup:offload", production_id=production_id, offload_id=item.pk)


def _folders_available(item: Offload) -> bool:
    """Still inside this server's rushes folder (a path from an imported archive is not
    trusted)."""
    root = service.rushes_root()
    folders = [Path(item.source_path), *(Path(p) for p in item.copy_paths)]
    return root is not None and all(
        f.resolve().is_relative_to(root) and f.is_dir() for f in folders
    )
