"""Accessibility pages: subtitle/AD files with their findings, corrected copies, RGAA."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tournage.accessibility.fixes import apply_fixes
from tournage.accessibility.rgaa import rgaa_checklist
from tournage.accessibility.writers import WRITERS
from tournage.web.delivery.api import Deliverable, DeliverableKind
from tournage.web.productions.access import ProductionRequest

from .checking import read_stored, run_check, stored_findings
from .forms import RgaaAnswerForm, SubtitleUploadForm
from .models import FileKind, RgaaAnswer, SubtitleFile
from .status import delivered_kinds
from .tasks import check_with_media_task
from .timeline import timeline

CONTENT_TYPES = {"srt": "application/x-subrip", "vtt": "text/vtt", "ttml": "application/ttml+xml"}


def index(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    form = SubtitleUploadForm(request.POST or None, request.FILES or None, production=production)
    if request.method == "POST" and form.is_valid():
        item = _store(request, form.cleaned_data)
        messages.success(request, _("File stored and checked."))
        return redirect("accessibility:file", production_id=production_id, file_id=item.pk)
    files = SubtitleFile.objects.filter(production=production).select_related("deliverable")
    web = Deliverable.objects.filter(production=production, kind=DeliverableKind.WEB)
    return render(request, "accessibility/index.html", {"form": form, "files": files, "web": web})


def _store(request: ProductionRequest, data: dict[str, Any]) -> SubtitleFile:
    """Parsed already by the form: store, check, and schedule the media checks if asked."""
    upload = data["file"]
    document = data.get("document")
    item = SubtitleFile(
        production=request.production,
        deliverable=data.get("deliverable"),
        kind=data["kind"],
        source_name=Path(upload.name).name[:255],
        format=document.format if document else "txt",
        rules=data["rules"],
        frame_rate=data.get("frame_rate") or "",
        cue_count=len(document.cues) if document else 0,
        uploaded_by=request.user,
    )
    try:
        with transaction.atomic():
            item.file.save(item.source_name, upload, save=True)
            if document is not None:
                run_check(item)
            if document is not None and data.get("with_media") and item.deliverable:
                transaction.on_commit(lambda: check_with_media_task.enqueue(item.pk))
    except Exception:
        item.file.delete(save=False)  # the rolled-back row must not leave its file behind
        raise
    return item


def _file(request: ProductionRequest, file_id: int) -> SubtitleFile:
    production = request.production
    return get_object_or_404(SubtitleFile, pk=file_id, production=production)


def file_detail(request: ProductionRequest, production_id: int, file_id: int) -> HttpResponse:
    item = _file(request, file_id)
    findings = item.findings.all()
    rule, severity = request.GET.get("rule", ""), request.GET.get("severity", "")
    shown = findings.filter(**{k: v for k, v in (("rule", rule), ("severity", severity)) if v})
    context: dict[str, Any] = {
        "item": item,
        "findings": shown,
        "rules": sorted(set(findings.values_list("rule", flat=True))),
        "rule": rule,
        "severity": severity,
        "fixable": any(f.fix for f in findings),
        "formats": sorted(WRITERS),
    }
    if item.kind != FileKind.TRANSCRIPT:
        context["timeline"] = timeline(read_stored(item), list(findings))
    return render(request, "accessibility/file.html", context)


def file_original(request: ProductionRequest, production_id: int, file_id: int) -> FileResponse:
    item = _file(request, file_id)
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.source_name)


def file_export(
    request: ProductionRequest, production_id: int, file_id: int, fmt: str
) -> HttpResponse:
    """A corrected copy with the mechanical fixes applied; the stored original is untouched."""
    item = _file(request, file_id)
    if fmt not in WRITERS or item.kind == FileKind.TRANSCRIPT:
        raise Http404
    corrected = apply_fixes(read_stored(item), stored_findings(item))
    response = HttpResponse(
        WRITERS[fmt](corrected), content_type=f"{CONTENT_TYPES[fmt]}; charset=utf-8"
    )
    name = f"{Path(item.source_name).stem}-corrige.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
def file_recheck(request: ProductionRequest, production_id: int, file_id: int) -> HttpResponse:
    item = _file(request, file_id)
    if item.kind == FileKind.TRANSCRIPT:
        raise Http404
    run_check(item)
    if item.deliverable:
        check_with_media_task.enqueue(item.pk)
    messages.success(request, _("File checked again."))
    return redirect("accessibility:file", production_id=production_id, file_id=item.pk)


@require_POST
def file_delete(request: ProductionRequest, production_id: int, file_id: int) -> HttpResponse:
    item = _file(request, file_id)
    item.file.delete(save=False)
    item.delete()
    messages.success(request, _("File deleted."))
    return redirect("accessibility:index", production_id=production_id)


def rgaa(request: ProductionRequest, production_id: int, deliverable_id: int) -> HttpResponse:
    """RGAA 4.1 theme-4 checklist of one deliverable: automatic answers, human ones."""
    production = request.production
    deliverable = get_object_or_404(Deliverable, pk=deliverable_id, production=production)
    answers = {a.criterion: a for a in RgaaAnswer.objects.filter(deliverable=deliverable)}
    items = rgaa_checklist(delivered_kinds(deliverable))
    rows: list[dict[str, Any]] = []
    for item in items:
        answer = answers.get(item.criterion)
        initial = {"status": answer.status, "note": answer.note} if answer else {}
        form = RgaaAnswerForm(request.POST or None, prefix=item.criterion, initial=initial)
        rows.append({"item": item, "form": form, "answer": answer})
    if request.method == "POST" and all(row["form"].is_valid() for row in rows):
        with transaction.atomic():
            for row in rows:
                _save_answer(production, deliverable, row["item"].criterion, row["form"])
        messages.success(request, _("Checklist saved."))
        return redirect(
            "accessibility:rgaa", production_id=production_id, deliverable_id=deliverable.pk
        )
    return render(request, "accessibility/rgaa.html", {"deliverable": deliverable, "rows": rows})


def _save_answer(production: Any, deliverable: Deliverable, criterion: str, form: Any) -> None:
    status, note = form.cleaned_data["status"], form.cleaned_data["note"]
    if not status:
        RgaaAnswer.objects.filter(deliverable=deliverable, criterion=criterion).delete()
        return
    RgaaAnswer.objects.update_or_create(
        production=production,
        deliverable=deliverable,
        criterion=criterion,
        defaults={"status": status, "note": note},
    )
