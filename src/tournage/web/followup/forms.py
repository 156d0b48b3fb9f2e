"""Forms of the shoot follow-up (the project's ModelForm base: ISO dates, French numbers)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tournage.followup.tables import FOLLOWUP
from tournage.web.forms import ModelForm

from .models import CallSheet, DailyReport, Milestone, PostVersion


class CallSheetForm(ModelForm[CallSheet]):
    class Meta:
        model = CallSheet
        fields = ["weather", "hospital", "safety_notes", "contacts", "notes"]
        widgets = {
            "safety_notes": forms.Textarea(attrs={"rows": 3}),
            "contacts": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }


class DailyReportForm(ModelForm[DailyReport]):
    class Meta:
        model = DailyReport
        fields = [
            "call",
            "wrap",
            "setups",
            "takes",
            "pretimed_minutes",
            "useful_minutes",
            "media_used",
            "overtime_minutes",
            "meal_penalties",
            "transport_km",
            "energy_kwh",
            "meals",
            "waste_kg",
            "notes",
            "signed_off_by",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}


class MilestoneForm(ModelForm[Milestone]):
    class Meta:
        model = Milestone
        fields = ["name", "planned_start", "planned_end", "actual_start", "actual_end"]


class PostVersionForm(ModelForm[PostVersion]):
    class Meta:
        model = PostVersion
        fields = ["kind", "number", "approved_by", "approved_on", "for_pad"]


class TakesUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Log file"),
        help_text=_("Avid ALE, DaVinci Resolve metadata CSV, CMX 3600 EDL or OpenTimelineIO."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = FOLLOWUP.load().imports.max_bytes
        if upload.size > limit:
            raise forms.ValidationError(_("The file is too large."))
        return upload
