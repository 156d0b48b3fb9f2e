"""Forms of the safety pages; person and location choices limited to the production."""

from __future__ import annotations

from typing import Any, TypeVar

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from tournage.safety.rules import CHECKLIST
from tournage.web.forms import ModelForm, scope_choices
from tournage.web.productions.models import Location, Person, Production

from .models import Briefing, Hazard, HeadOfDepartment, Incident, LocationCheck, SafetyFile

_M = TypeVar("_M", bound=models.Model)


class ScopedForm(ModelForm[_M]):
    """Choices of people and locations from the current production only."""

    def __init__(self, *args: Any, production: Production, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.production = production
        people = Person.objects.filter(production=production)
        for name in ("person", "victim", "disability_referent", "attendees"):
            if name in self.fields:
                scope_choices(self, name, people)
        if "location" in self.fields:
            scope_choices(self, "location", Location.objects.filter(production=production))


class SafetyFileForm(ScopedForm[SafetyFile]):
    bounds = {"oeth_beneficiaries": (0, None)}  # beneficiary units, not negative

    class Meta:
        model = SafetyFile
        fields = [
            "duer_established",
            "company_headcount",
            "oeth_beneficiaries",
            "disability_referent",
            "work_kind",
        ]


class RatingForm(ScopedForm[Hazard]):
    """A register risk's rating and action-plan dates (its measures live in the register)."""

    class Meta:
        model = Hazard
        fields = ["severity", "likelihood", "due", "done"]


class GeneralHazardForm(ScopedForm[Hazard]):
    class Meta:
        model = Hazard
        fields = ["label", "severity", "likelihood", "measures", "owner", "due", "done"]


class BriefingForm(ScopedForm[Briefing]):
    class Meta:
        model = Briefing
        fields = ["scene", "held_at", "given_by", "attendees", "notes"]
        widgets = {"attendees": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, scenes: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["scene"] = forms.ChoiceField(label=_("scene"), choices=[(s, s) for s in scenes])


ANSWERS = [("", _("Not checked")), ("yes", _("Yes")), ("no", _("No"))]
_READ = {"yes": True, "no": False}
_SHOWN: dict[object, str] = {True: "yes", False: "no"}


class LocationCheckForm(ScopedForm[LocationCheck]):
    """One yes/no/unknown answer per item of the data; the teams' items are not asked."""

    class Meta:
        model = LocationCheck
        fields = ["checked_on", "checked_by"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        answers = self.instance.answers or {}
        for item in CHECKLIST.load().items:
            if item.teams is None:
                self.fields[f"item_{item.id}"] = forms.ChoiceField(
                    label=item.label,
                    choices=ANSWERS,
                    required=False,
                    initial=_SHOWN.get(answers.get(item.id), ""),
                )

    def save(self, commit: bool = True) -> LocationCheck:
        self.instance.answers = {
            name.removeprefix("item_"): _READ.get(value)
            for name, value in self.cleaned_data.items()
            if name.startswith("item_")
        }
        saved: LocationCheck = super().save(commit)
        return saved


class IncidentForm(ScopedForm[Incident]):
    class Meta:
        model = Incident
        fields = [
            "occurred_at",
            "location",
            "description",
            "accident",
            "victim",
            "known_at",
            "declared_at",
            "action",
            "closed_on",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        occurred = data.get("occurred_at")
        for name in ("known_at", "declared_at"):
            if occurred and data.get(name) and data[name] < occurred:
                self.add_error(name, _("This cannot be before the incident."))
        if occurred and data.get("closed_on") and data["closed_on"] < occurred.date():
            self.add_error("closed_on", _("This cannot be before the incident."))
        return data


class HeadForm(ScopedForm[HeadOfDepartment]):
    class Meta:
        model = HeadOfDepartment
        fields = ["post", "person", "name", "sex", "planned_by"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        taken = HeadOfDepartment.objects.filter(production=self.production, post=data.get("post"))
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This post already has a holder: edit it instead."))
        return data
