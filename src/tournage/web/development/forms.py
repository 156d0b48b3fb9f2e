"""Forms of the development pages, on the shared ModelForm base (ISO dates, French
numbers): each binds its instance to the production and offers only its objects."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from tournage.development import channels
from tournage.web.forms import ModelForm, scope_choices, set_choices
from tournage.web.productions import api as productions_api
from tournage.web.productions.models import Production

from . import models
from .uploads import MAX_PIECE_BYTES, read_pdf


class ProductionForm(ModelForm[Any]):
    """Sets ``production`` on a new instance and scopes related choices to it."""

    def __init__(self, *args: Any, production: Production, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.production = production
        for name, field in self.fields.items():
            queryset = field.queryset if isinstance(field, forms.ModelChoiceField) else None
            if queryset is not None and "production" in {
                f.name for f in queryset.model._meta.concrete_fields
            }:
                scope_choices(self, name, queryset.filter(production=production))

    def save(self, commit: bool = True) -> Any:
        if hasattr(self.instance, "production_id") and not self.instance.production_id:
            self.instance.production = self.production
        return super().save(commit)


class BriefForm(ProductionForm):
    class Meta:
        model = models.Brief
        fields = [
            "client",
            "author",
            "context",
            "audiences",
            "deadline",
            "constraints",
            "benchmark_min_rows",
        ]


class ObjectiveForm(ProductionForm):
    class Meta:
        model = models.Objective
        fields = ["text", "order"]


class ApprovalForm(ProductionForm):
    class Meta:
        model = models.Approval
        fields = ["milestone", "script_version", "approved_by", "approved_on", "what"]


class BenchmarkRowForm(ProductionForm):
    # the first public film screening (Lumière, Paris, 28 December 1895) comes first
    bounds = {"year": (1895, None), "budget": (0, None), "audience": (0, None)}

    class Meta:
        model = models.BenchmarkRow
        fields = [
            "title",
            "year",
            "work_format",
            "channel_kind",
            "budget",
            "budget_unknown",
            "budget_source",
            "budget_date",
            "audience",
            "audience_unit",
            "audience_unknown",
            "audience_source",
            "audience_date",
            "positioning",
        ]


class NoteForm(ProductionForm):
    class Meta:
        model = models.Note
        fields = ["kind", "body", "objectives", "cites_audiences", "benchmark_rows"]
        widgets = {
            "objectives": forms.CheckboxSelectMultiple,
            "benchmark_rows": forms.CheckboxSelectMultiple,
        }


class ChannelPlanForm(ProductionForm):
    """A channel of the distribution plan is one of the production's channels: a new one
    reaches the productions api, which turns it into a deliverable with its QC profile."""

    def save(self, commit: bool = True) -> Any:
        with transaction.atomic():
            plan = super().save(commit)
            if commit and plan.channel not in self.production.channels:
                self.production.channels = [*self.production.channels, plan.channel]
                self.production.save(update_fields=["channels"])
                productions_api.channels_chosen(self.production, [plan.channel])
        return plan

    class Meta:
        model = models.ChannelPlan
        fields = [
            "channel",
            "versions",
            "sme_versions",
            "ad",
            "lsf",
            "slot",
            "release",
            "territories",
            "viewing_hours",
            "g_per_hour",
            "carbon_source",
        ]
        widgets = {"slot": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}

    bounds = {"viewing_hours": (0, None), "g_per_hour": (0, None)}


class SpecificationForm(ProductionForm):
    """The capture format; its frame rate is one the channels of ``rules.yaml`` name."""

    bounds = {"capture_width": (1, None), "capture_height": (1, None)}
    capture_frame_rate = forms.ChoiceField(label=_("capture frame rate"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        rates = channels.frame_rates()
        stored = self.instance.capture_frame_rate
        if stored and stored not in rates:  # a value typed before the list: kept as it is
            rates = [stored, *rates]
        field = self.fields["capture_frame_rate"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "—"), *((r, r) for r in rates)]

    class Meta:
        model = models.Specification
        fields = [
            "capture_width",
            "capture_height",
            "capture_frame_rate",
            "capture_aspect",
            "agreement",
            "inclusion",
            "rights",
            "universal_design",
        ]


class DossierForm(ProductionForm):
    class Meta:
        model = models.Dossier
        fields = ["scheme"]


class BenchmarkImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX table"))


class PieceUploadForm(forms.Form):
    piece = forms.ChoiceField(label=_("Piece"))
    file = forms.FileField(label=_("PDF file"))

    def __init__(self, *args: Any, pieces: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "piece", pieces)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_PIECE_BYTES:
            raise forms.ValidationError(_("File too large (20 MB at most)."))
        self.pages = read_pdf(upload.read())
        upload.seek(0)
        return upload
