"""Script upload, scene list, breakdown sheets with tag decisions, element lists, versions.

Access (membership, write roles) is enforced by the productions middleware; views only
scope their queries to ``request.production``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tournage.screenplay import ScriptError
from tournage.screenplay.breakdown import categories
from tournage.screenplay.nlp import available as nlp_available
from tournage.web.productions import task_progress
from tournage.web.productions.access import ProductionRequest
from tournage.web.productions.history import save_with_history

from . import exports
from .forms import HeadingForm, ScriptUploadForm, TagForm
from .models import BreakdownTag, Character, Scene, ScriptVersion, TagStatus
from .services import current_version, import_script, merge_character, review_heading
from .tasks import nlp_tag_version


def _version(request: ProductionRequest, version_id: int | None = None) -> ScriptVersion:
    if version_id is not None:
        return get_object_or_404(ScriptVersion, pk=version_id, production=request.production)
    version = current_version(request.production)
    if version is None:
        raise Http404("No script yet.")
    return version


def index(
    request: ProductionRequest, production_id: int, form: ScriptUploadForm | None = None
) -> HttpResponse:
    production = request.production
    version = current_version(production)
    context: dict[str, Any] = {
        "version": version,
        "form": form or ScriptUploadForm(),
        "versions": ScriptVersion.objects.filter(production=production),
        "task": _nlp_task(production, request.GET.get("task", "")),
    }
    if version is not None:
        context["scenes"] = version.scenes.all()
        context["characters"] = version.characters.select_related("person")
    status = 400 if form is not None and form.errors else 200
    return render(request, "screenplay/index.html", context, status=status)


def upload(request: ProductionRequest, production_id: int) -> HttpResponse:
    if request.method != "POST":
        return redirect("screenplay:index", production_id=production_id)
    form = ScriptUploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload_file = form.cleaned_data["script"]
        try:
            version = import_script(
                request.production,
                upload_file.read(),
                upload_file.name,
                form.cleaned_data["format"] or None,
            )
        except ScriptError as error:
            form.add_error("script", error.message)
        else:
            messages.success(
                request,
                _("Version %(number)s imported: %(scenes)s scenes broken down.")
                % {
                    "number": version.number,
                    "scenes": version.scenes.filter(omitted=False).count(),
                },
            )
            return redirect("screenplay:index", production_id=production_id)
    return index(request, production_id, form)


def _grouped_tags(scene: Scene) -> list[dict[str, Any]]:
    grouped: dict[str, list[BreakdownTag]] = defaultdict(list)
    for tag in scene.tags.all():
        grouped[tag.category].append(tag)
    return [
        {"key": key, "category": category, "tags": grouped[key]}
        for key, category in categories().items()
        if key in grouped
    ]


def _tags_context(scene: Scene) -> dict[str, Any]:
    return {"scene": scene, "groups": _grouped_tags(scene), "tag_form": TagForm()}


def scene_detail(
    request: ProductionRequest,
    production_id: int,
    scene_id: int,
    heading_form: HeadingForm | None = None,
) -> HttpResponse:
    scene = get_object_or_404(Scene, pk=scene_id, production=request.production)
    context = _tags_context(scene)
    context["categories"] = categories()
    context["heading_form"] = heading_form or HeadingForm(initial={"heading": scene.heading})
    status = 400 if heading_form is not None else 200
    return render(request, "screenplay/scene.html", context, status=status)


@require_POST
def heading_review(request: ProductionRequest, production_id: int, scene_id: int) -> HttpResponse:
    """Confirm or correct a scene's heading; a new version of the same file keeps it."""
    scene = get_object_or_404(Scene, pk=scene_id, production=request.production)
    form = HeadingForm(request.POST)
    if not form.is_valid():
        return scene_detail(request, production_id, scene_id, heading_form=form)
    if review_heading(scene, form.cleaned_data["heading"]):
        messages.success(request, _("Heading reviewed: %(heading)s.") % {"heading": scene.heading})
    return redirect("screenplay:scene", production_id=production_id, scene_id=scene.pk)


def _tags_response(request: ProductionRequest, scene: Scene) -> HttpResponse:
    if request.headers.get("HX-Request"):
        return render(request, "screenplay/_tags.html", _tags_context(scene))
    return redirect("screenplay:scene", production_id=scene.production_id, scene_id=scene.pk)


@require_POST
def tag_status(request: ProductionRequest, production_id: int, tag_id: int) -> HttpResponse:
    tag = get_object_or_404(BreakdownTag, pk=tag_id, production=request.production)
    status = request.POST.get("status", "")
    if status not in (TagStatus.ACCEPTED, TagStatus.REJECTED, TagStatus.SUGGESTED):
        return HttpResponse(_("Unknown status."), status=400)
    tag.status = status
    save_with_history(tag, reason=f"status → {status}")
    return _tags_response(request, tag.scene)


def _save_manual_tag(request: ProductionRequest, tag: BreakdownTag) -> HttpResponse:
    """Fill ``tag`` from the posted form as a manual, accepted tag (it survives new versions)."""
    form = TagForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Choose a category and name the element."), status=400)
    tag.category = form.cleaned_data["category"]
    tag.name = form.cleaned_data["name"].strip()
    tag.source, tag.status, tag.confidence = "manual", TagStatus.ACCEPTED, 1.0
    tag.save()
    return _tags_response(request, tag.scene)


@require_POST
def tag_add(request: ProductionRequest, production_id: int, scene_id: int) -> HttpResponse:
    scene = get_object_or_404(Scene, pk=scene_id, production=request.production)
    return _save_manual_tag(request, BreakdownTag(production=scene.production, scene=scene))


@require_POST
def tag_edit(request: ProductionRequest, production_id: int, tag_id: int) -> HttpResponse:
    tag = get_object_or_404(BreakdownTag, pk=tag_id, production=request.production)
    return _save_manual_tag(request, tag)


@require_POST
def nlp(request: ProductionRequest, production_id: int) -> HttpResponse:
    """Queue the NLP tagging of the current version (the worker loads the spaCy model);
    the index page follows it."""
    version = _version(request)
    if not nlp_available():
        messages.error(request, _("NLP tagging is not installed on this server (spaCy model)."))
        return redirect("screenplay:index", production_id=production_id)
    return task_progress.follow(
        request,
        nlp_tag_version.enqueue(version.pk),
        reverse("screenplay:index", kwargs={"production_id": production_id}),
        _("NLP tagging is done: its suggestions are in the scenes."),
        _("NLP tagging failed and changed nothing: run it again."),
    )


def _nlp_task(production: Any, task_id: str) -> Any:
    return task_progress.found(
        nlp_tag_version,
        task_id,
        lambda args: production.script_versions.filter(pk=args[0]).exists(),
    )


@require_GET
def nlp_progress(request: ProductionRequest, production_id: int, task_id: str) -> HttpResponse:
    """How far the NLP tagging has gone (JSON, polled by the index page)."""
    result = _nlp_task(request.production, task_id)
    if result is None:
        raise Http404("No such task.")
    index = reverse("screenplay:index", kwargs={"production_id": production_id})
    return JsonResponse(task_progress.poll(result, None, lambda _added: index))


def elements(request: ProductionRequest, production_id: int) -> HttpResponse:
    version = current_version(request.production)
    lists = exports.element_lists(version) if version else {}
    labels = categories()
    groups = [
        {"key": key, "category": labels[key], "elements": items} for key, items in lists.items()
    ]
    return render(request, "screenplay/elements.html", {"version": version, "groups": groups})


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _filename(version: ScriptVersion, what: str, suffix: str) -> str:
    return f"{slugify(version.title or 'script')}-v{version.number}-{what}.{suffix}"


def elements_xlsx(request: ProductionRequest, production_id: int) -> HttpResponse:
    version = _version(request)
    return _download(
        exports.elements_xlsx(version),
        _filename(version, "elements", "xlsx"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def elements_pdf(request: ProductionRequest, production_id: int) -> HttpResponse:
    version = _version(request)
    return _download(
        exports.elements_pdf(version), _filename(version, "elements", "pdf"), "application/pdf"
    )


def sheets_pdf(request: ProductionRequest, production_id: int) -> HttpResponse:
    version = _version(request)
    return _download(
        exports.sheets_pdf(version), _filename(version, "depouillement", "pdf"), "application/pdf"
    )


def version_detail(request: ProductionRequest, production_id: int, version_id: int) -> HttpResponse:
    version = _version(request, version_id)
    return render(
        request, "screenplay/version.html", {"version": version, "scenes": version.scenes.all()}
    )


def characters(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    version = current_version(production)
    people = production.people.filter(kind="cast")
    if request.method == "POST" and version is not None:
        with transaction.atomic():
            for character in version.characters.all():
                chosen = request.POST.get(f"person-{character.pk}")
                if chosen is None:
                    continue
                person = people.filter(pk=chosen).first() if chosen else None
                if character.person_id != (person.pk if person else None):
                    character.person = person
                    character.save()
        messages.success(request, _("Casting saved."))
        return redirect("screenplay:characters", production_id=production_id)
    rows = Character.objects.filter(version=version).select_related("person") if version else []
    return render(
        request, "screenplay/characters.html", {"version": version, "rows": rows, "people": people}
    )


@require_POST
def character_merge(request: ProductionRequest, production_id: int) -> HttpResponse:
    """Merge one character into another of the current version (two names, one role)."""
    version = _version(request)
    source = get_object_or_404(Character, pk=request.POST.get("source") or 0, version=version)
    target = get_object_or_404(Character, pk=request.POST.get("target") or 0, version=version)
    if source.pk == target.pk:
        messages.error(request, _("Choose two different characters to merge."))
    else:
        merge_character(version, source, target)
        messages.success(
            request,
            _("%(source)s merged into %(target)s.")
            % {"source": source.name, "target": target.name},
        )
    return redirect("screenplay:characters", production_id=production_id)
