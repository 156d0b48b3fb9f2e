"""Productions, their dashboard, members, people and locations.

Access is checked by ``access.ProductionAccessMiddleware`` before any view that has a
``production_id``; views here only scope their querysets to ``request.production``.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.db.models import Model, QuerySet
from django.forms import BaseForm, BaseModelForm
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import generic
from django.views.generic.edit import ModelFormMixin

from . import api, audit
from .access import (
    Area,
    AuthenticatedRequest,
    ProductionRequest,
    ProductionViewMixin,
    area,
    hidden_person_fields,
    open_when_locked,
    read_roles,
)
from .archive import ArchiveError, restore_archive
from .dashboard import panels_by_phase, summary_panels
from .flow import next_steps
from .forms import (
    ArchiveUploadForm,
    HistoryFilterForm,
    InviteForm,
    LocationForm,
    PersonForm,
    ProductionForm,
    unchanged,
)
from .invitations import invite
from .models import ArchiveExport, Location, Membership, Person, Production, Role
from .revision import cached
from .tasks import export_production_archive

MANAGERS = (Role.PRODUCER, Role.PRODUCTION_MANAGER)


class ProductionListView(LoginRequiredMixin, generic.ListView[Production]):
    template_name = "productions/production_list.html"

    def get_queryset(self) -> QuerySet[Production]:
        return Production.objects.for_user(self.request.user)


class ProductionCreateView(LoginRequiredMixin, generic.CreateView[Production, ProductionForm]):
    form_class = ProductionForm
    template_name = "productions/production_form.html"

    request: AuthenticatedRequest  # LoginRequiredMixin

    def form_valid(self, form: ProductionForm) -> HttpResponse:
        with transaction.atomic():
            response = super().form_valid(form)
            Membership.objects.create(
                production=form.instance, user=self.request.user, role=Role.PRODUCER
            )
            api.channels_chosen(form.instance, list(form.instance.channels))
        messages.success(self.request, _("Production created. You are its producer."))
        return response


@area(Area.PRODUCTION, writers_only=True)
class ProductionUpdateView(ProductionViewMixin, generic.UpdateView[Production, ProductionForm]):
    form_class = ProductionForm
    template_name = "productions/production_form.html"
    pk_url_kwarg = "production_id"

    def get_queryset(self) -> QuerySet[Production]:
        return Production.objects.filter(pk=self.production.pk)

    def form_valid(self, form: ProductionForm) -> HttpResponse:
        """Only the channels added here reach the listeners: a deliverable the user
        removed is not brought back by saving the production again."""
        if unchanged(form):
            return HttpResponseRedirect(self.get_success_url())
        before = set(form.initial.get("channels") or ())
        with transaction.atomic():
            response = super().form_valid(form)
            api.channels_chosen(
                form.instance, [c for c in form.instance.channels if c not in before]
            )
        return response


def dashboard(request: ProductionRequest, production_id: int) -> HttpResponse:
    production, role = request.production, request.membership.role
    # The panels derive from the whole production (0.3 s of CPU): rendered once per role
    # and data revision (see ``revision``), the rest of the page for each request. The
    # rendered panels are a SafeString, and stay one in the cache.
    panels = cached(("dashboard", production.pk, role), lambda: _panels(request))
    return render(request, "productions/dashboard.html", {"panels": panels})


def _panels(request: ProductionRequest) -> str:
    production, role = request.production, request.membership.role
    # A reading page is one evaluation scope (``ReadingScopeMiddleware``): a devis or a
    # footprint several panels read is computed once.
    return render_to_string(
        "productions/dashboard_panels.html",
        {
            "summary": summary_panels(production, role),
            "phases": panels_by_phase(production, role),
            "next_steps": next_steps(production, role),
            "current_phase": production.phase,
        },
        request,
    )


if TYPE_CHECKING:  # what the mixin's super() calls reach: the generic edit views it joins
    _EditView = ModelFormMixin[Any, Any]
else:
    _EditView = object


class ScopedMixin(ProductionViewMixin, _EditView):
    """Objects of the current production only; new objects are attached to it. A member
    who may not write sees the form read-only, without the fields their role may not see."""

    model: type[Model]
    list_url_name: str
    delete_url_name = ""  # the edit form links to it

    def get_queryset(self) -> QuerySet[Any]:
        return self.model._default_manager.filter(production=self.production)

    def get_success_url(self) -> str:
        return reverse(self.list_url_name, kwargs={"production_id": self.production.pk})

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)
        instance = context.get("object")
        if self.delete_url_name and instance is not None:
            context["delete_url"] = reverse(
                self.delete_url_name, args=[self.production.pk, instance.pk]
            )
        return context

    def get_form(self, form_class: Any = None) -> Any:
        form = super().get_form(form_class)
        request = cast(ProductionRequest, self.request)
        for name in hidden_person_fields(request.membership.role) if self.model is Person else ():
            form.fields.pop(name, None)
        if request.method in ("GET", "HEAD") and not _may_write(request, self):
            for field in form.fields.values():
                field.disabled = True
        return form

    def form_valid(self, form: BaseForm) -> HttpResponse:
        if isinstance(form, BaseModelForm) and unchanged(form):
            return HttpResponseRedirect(self.get_success_url())
        if isinstance(form, BaseModelForm):  # a delete confirmation is a plain Form
            form.instance.production = self.production
            if hasattr(form.instance, "key") and not form.instance.key:
                form.instance.key = slugify(str(form.instance))[:80]
        return super().form_valid(form)


@area(Area.PLANNING)
class PersonList(ScopedMixin, generic.ListView[Person]):
    model = Person
    template_name = "productions/person_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        hidden = hidden_person_fields(cast(ProductionRequest, self.request).membership.role)
        context["show_contacts"] = not {"email", "phone", "home_city"} & hidden
        return context


@area(Area.PLANNING, writers_only=True)
class PersonCreate(ScopedMixin, generic.CreateView[Person, PersonForm]):
    model, form_class, list_url_name = Person, PersonForm, "productions:people"
    template_name = "productions/object_form.html"


@area(Area.PLANNING)
class PersonUpdate(ScopedMixin, generic.UpdateView[Person, PersonForm]):
    model, form_class, list_url_name = Person, PersonForm, "productions:people"
    delete_url_name = "productions:person_delete"
    template_name = "productions/object_form.html"
    pk_url_kwarg = "person_id"


@area(Area.PLANNING, writers_only=True)
class PersonDelete(ScopedMixin, generic.DeleteView[Person, Any]):
    model, list_url_name = Person, "productions:people"
    template_name = "productions/object_confirm_delete.html"
    pk_url_kwarg = "person_id"


@area(Area.PLANNING)
class LocationList(ScopedMixin, generic.ListView[Location]):
    model = Location
    template_name = "productions/location_list.html"


@area(Area.PLANNING, writers_only=True)
class LocationCreate(ScopedMixin, generic.CreateView[Location, LocationForm]):
    model, form_class, list_url_name = Location, LocationForm, "productions:locations"
    template_name = "productions/object_form.html"


@area(Area.PLANNING)
class LocationUpdate(ScopedMixin, generic.UpdateView[Location, LocationForm]):
    model, form_class, list_url_name = Location, LocationForm, "productions:locations"
    delete_url_name = "productions:location_delete"
    template_name = "productions/object_form.html"
    pk_url_kwarg = "location_id"


@area(Area.PLANNING, writers_only=True)
class LocationDelete(ScopedMixin, generic.DeleteView[Location, Any]):
    model, list_url_name = Location, "productions:locations"
    template_name = "productions/object_confirm_delete.html"
    pk_url_kwarg = "location_id"


def _may_write(request: ProductionRequest, view: Any) -> bool:
    writers = getattr(type(view), "write_roles", ())
    return request.membership.role in writers


@area(Area.MEMBERS)
def members(request: ProductionRequest, production_id: int) -> HttpResponse:
    production = request.production
    form = InviteForm(request.POST or None, production=production)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        invite(request, production, data["email"], data["role"], data["person"])
        # one answer whether the address had an account or not: the form reveals no account
        messages.success(request, _("Member added and notified by e-mail."))
        return redirect("productions:members", production_id=production_id)
    memberships = production.memberships.select_related("user", "person")
    return render(request, "productions/members.html", {"form": form, "memberships": memberships})


@area(Area.MEMBERS, writers_only=True)
def member_remove(
    request: ProductionRequest, production_id: int, membership_id: int
) -> HttpResponse:
    """Ask first (GET), then remove (POST); the last producer stays."""
    membership = get_object_or_404(Membership, pk=membership_id, production_id=production_id)
    producers = Membership.objects.filter(production_id=production_id, role=Role.PRODUCER)
    last_producer = membership.role == Role.PRODUCER and producers.count() == 1
    if request.method != "POST":
        return render(
            request,
            "productions/member_confirm_remove.html",
            {"member": membership, "last_producer": last_producer},
        )
    if last_producer:
        messages.error(request, _("A production keeps at least one producer."))
    else:
        membership.delete()
        messages.success(request, _("Member removed."))
    return redirect("productions:members", production_id=production_id)


@read_roles(*MANAGERS, Role.ACCOUNTANT)
def history(request: ProductionRequest, production_id: int) -> HttpResponse:
    """Audit trail: who changed what, when, with the values before and after; paged and
    filtered through the URL (``?module=budget&user=3&since=2027-01-01&page=2``)."""
    form = HistoryFilterForm(request.GET, production=request.production)
    wanted = request.GET.get("page", "1")
    number = int(wanted) if wanted.isdigit() else 1
    trail = audit.page(production_id, form.filters(), number)
    return render(request, "productions/history.html", {"form": form, "page": trail})


@open_when_locked  # a closed production stays exportable
@read_roles(*MANAGERS)
def exports(request: ProductionRequest, production_id: int) -> HttpResponse:
    """Ask for an archive of the whole production; a background task writes it."""
    production = request.production
    if request.method == "POST":
        export = ArchiveExport.objects.create(production=production, requested_by=request.user)
        result = export_production_archive.enqueue(export.pk)
        ArchiveExport.objects.filter(pk=export.pk).update(task_id=str(result.id))
        messages.success(request, _("Export requested: the archive will be listed here."))
        return redirect("productions:exports", production_id=production_id)
    return render(request, "productions/exports.html", {"exports": production.exports.all()[:20]})


@read_roles(*MANAGERS)
def export_download(request: ProductionRequest, production_id: int, export_id: int) -> FileResponse:
    export = get_object_or_404(ArchiveExport, pk=export_id, production_id=production_id)
    if not export.file:
        raise Http404("This archive is not ready.")
    name = PurePosixPath(export.file.name or "").name
    return FileResponse(export.file.open("rb"), as_attachment=True, filename=name)


@login_required
def import_archive(request: AuthenticatedRequest) -> HttpResponse:
    form = ArchiveUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = restore_archive(form.cleaned_data["archive"], importer=request.user)
        except ArchiveError as error:
            form.add_error("archive", error.message)
        else:
            messages.success(request, _("Production imported. You are its producer."))
            if result.invitations:
                messages.info(request, _invitations_message(result.invitations))
            return HttpResponseRedirect(result.production.get_absolute_url())
    return render(request, "productions/import.html", {"form": form})


def _invitations_message(invitations: list[dict[str, str]]) -> str:
    roles = dict(Role.choices)
    people = ", ".join(f"{i['username']} ({roles[i['role']]})" for i in invitations)
    return _("Members of the archive, to invite from the members page if you wish: %(people)s") % {
        "people": people
    }
