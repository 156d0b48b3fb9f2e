"""Forms of the teams pages; uploads are size- and type-checked before parsing."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, TypeVar

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from tournage.common.formatting import NumberError, parse_decimal
from tournage.labor.agreements import functions, suggest_function
from tournage.labor.errors import LaborError
from tournage.labor.timesheet import Shift
from tournage.web.forms import ModelForm, scope_choices
from tournage.web.productions.models import Location, Person, Production

from .models import (
    AccommodationNeed,
    Contract,
    InclusionDeclaration,
    LocationAccess,
    Risk,
    TeamSettings,
    Timesheet,
)

MAX_UPLOAD = 10 * 1024 * 1024
_M = TypeVar("_M", bound=models.Model)


class ScopedForm(ModelForm[_M]):
    """Person and location choices limited to the current production."""

    def __init__(self, *args: Any, production: Production, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.production = production
        if "person" in self.fields:
            scope_choices(self, "person", Person.objects.filter(production=production))
        if "location" in self.fields:
            scope_choices(self, "location", Location.objects.filter(production=production))


class ContractForm(ScopedForm[Contract]):
    bounds = {
        "pay_amount": (0, None),
        "hourly_rate": (0, None),
        "author_share_percent": (0, 100),
        "weekly_derogation_hours": (0, 7 * 24),  # hours in a week
    }

    class Meta:
        model = Contract
        fields = [
            "person",
            "idcc",
            "function",
            "genre",
            "programme",
            "numero_objet",
            "start",
            "end",
            "pay_amount",
            "pay_basis",
            "hourly_rate",
            "workplace",
            "reference_hours",
            "cadre",
            "trial_days",
            "conges_spectacles_number",
            "delivered_on",
            "minor_authorisation",
            "minor_guardian",
            "minor_schooling",
            "author_share_percent",
            "reduced_rest_allowed",
            "weekly_derogation_hours",
            "status",
        ]

    working_days_text = forms.CharField(
        label=_("Working days"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Dates separated by commas or spaces, e.g. 2026-03-02, 2026-03-03."),
    )
    rights_text = forms.CharField(
        label=_("Neighbouring-rights pay (performers)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One line per exploitation mode: mode = amount."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # the browser proposes the agreement's functions as the user types (a <datalist>)
        self.fields["function"].widget.attrs["list"] = "agreement-functions"
        self.fields["working_days_text"].initial = ", ".join(self.instance.working_days)
        self.fields["rights_text"].initial = "\n".join(
            f"{mode} = {amount}" for mode, amount in self.instance.rights_remuneration.items()
        )

    def clean_working_days_text(self) -> list[str]:
        text = self.cleaned_data["working_days_text"]
        try:
            days = {date.fromisoformat(d) for d in re.split(r"[,\s]+", text) if d}
        except ValueError as error:
            raise forms.ValidationError(_("Dates must be written YYYY-MM-DD.")) from error
        return [d.isoformat() for d in sorted(days)]

    def clean_rights_text(self) -> dict[str, str]:
        rights = {}
        for line in self.cleaned_data["rights_text"].splitlines():
            if not line.strip():
                continue
            mode, _sep, amount = line.rpartition("=")
            try:
                value = parse_decimal(amount, mode.strip())
            except NumberError as error:
                raise forms.ValidationError(_("Write each line as: mode = amount.")) from error
            if not mode.strip() or value < 0:
                raise forms.ValidationError(_("Write each line as: mode = amount."))
            rights[mode.strip()] = str(value)
        return rights

    def save(self, commit: bool = True) -> Contract:
        self.instance.working_days = self.cleaned_data["working_days_text"]
        self.instance.rights_remuneration = self.cleaned_data["rights_text"]
        contract: Contract = super().save(commit)
        return contract

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The contract cannot end before it starts."))
        idcc, function = data.get("idcc"), data.get("function")
        if idcc and function:
            try:
                labels = {job.label for job in functions(int(idcc))}
            except LaborError as error:
                raise forms.ValidationError(error.message) from error
            # an everyday name ("chef opérateur") becomes the agreement's label (aliases data)
            matched = suggest_function(int(idcc), function)
            if matched in labels:
                data["function"] = matched
            else:
                self.add_error("function", _("This function is not in the agreement's list."))
        return data

    def function_labels(self) -> list[str]:
        """The functions of the agreement the form shows, for the browser's suggestions."""
        idcc = self.data.get("idcc") or self.initial.get("idcc") or self.instance.idcc
        try:
            return [job.label for job in functions(int(idcc))]
        except (LaborError, TypeError, ValueError):
            return []


class TimesheetForm(ScopedForm[Timesheet]):
    bounds = {"break_minutes": (0, 24 * 60)}  # within the day worked

    class Meta:
        model = Timesheet
        fields = ["person", "location", "start", "end", "break_minutes", "school_holiday", "kind"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end"):
            try:  # the core's own rules: wrap after call, at most 24 h, breaks shorter
                Shift("", data["start"], data["end"], data.get("break_minutes") or 0)
            except LaborError as error:
                raise forms.ValidationError(error.message.lstrip(" :")) from error
        return data


class RiskForm(ScopedForm[Risk]):
    class Meta:
        model = Risk
        fields = ["scene", "day", "code", "label", "evidence", "measures", "owner", "status"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        taken = Risk.objects.filter(
            production=self.production, scene=data.get("scene"), code=data.get("code")
        )
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This risk is already in the register for this scene."))
        return data


class TeamSettingsForm(ModelForm[TeamSettings]):
    class Meta:
        model = TeamSettings
        fields = [
            "employer_name",
            "employer_address",
            "employer_siret",
            "idcc",
            "genre",
            "safety_referent",
            "harassment_referent",
            "occupational_health",
        ]


class LocationAccessForm(ScopedForm[LocationAccess]):
    class Meta:
        model = LocationAccess
        fields = [
            "location",
            "step_free_access",
            "accessible_toilets",
            "accessible_parking",
            "public_transport_m",
        ]


NEED_CHOICES = [
    ("wheelchair", _("Wheelchair")),
    ("reduced_mobility", _("Reduced mobility")),
    ("no_driving", _("Does not drive")),
]


class AccommodationNeedForm(ScopedForm[AccommodationNeed]):
    needs = forms.MultipleChoiceField(
        label=_("Needs"), choices=NEED_CHOICES, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = AccommodationNeed
        fields = ["person", "needs", "consent", "consent_on"]

    def clean_consent(self) -> bool:
        if not self.cleaned_data.get("consent"):
            raise forms.ValidationError(_("Needs are stored only with the person's consent."))
        return True


class InclusionForm(ModelForm[InclusionDeclaration]):
    class Meta:
        model = InclusionDeclaration
        fields = ["department", "gender", "first_job", "disability", "opted_in"]

    def clean_opted_in(self) -> bool:
        if not self.cleaned_data.get("opted_in"):
            raise forms.ValidationError(_("Only answers of people who agreed are recorded."))
        return True


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File"))
    extensions: tuple[str, ...] = ()

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("File too large (10 MB at most)."))
        if not upload.name.lower().endswith(self.extensions):
            raise forms.ValidationError(_("Unsupported file type."))
        return upload


class ContractUploadForm(UploadForm):
    extensions = (".docx", ".pdf", ".txt")


class ScriptUploadForm(UploadForm):
    extensions = (".fountain", ".txt", ".fdx", ".pdf")


class SignedFileForm(UploadForm):
    extensions = (".pdf",)

    def clean_file(self) -> Any:
        """A readable PDF (a scan without text layer is fine): parsed before it is stored."""
        import pdfplumber

        upload = super().clean_file()
        try:
            with pdfplumber.open(upload) as pdf:
                pages = len(pdf.pages)
        except Exception as error:  # pdfminer raises many types on corrupt files
            raise forms.ValidationError(_("This PDF cannot be read.")) from error
        if not pages:
            raise forms.ValidationError(_("This PDF has no page."))
        upload.seek(0)
        return upload
