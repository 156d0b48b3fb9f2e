"""Forms of the budget pages; every field has a label (from the model's verbose name)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tournage.budget.chart import load_chart
from tournage.budget.errors import BudgetError
from tournage.budget.expense_import import FIELDS
from tournage.web.forms import ModelForm

from . import models
from .schedule_link import provided_globals

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class AccountField(forms.CharField):
    """An account code of the chart (``2.4``), a chapter (``5``) or an overhead (``10``)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("account"))
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def clean(self, value: Any) -> str:
        code = str(super().clean(value)).strip()
        chart = load_chart("cinema")
        if code in {o.code for o in chart.overheads}:
            return code
        try:
            chart.chapter_of(code)
        except BudgetError as error:
            raise forms.ValidationError(error.message) from None
        return code


class VersionForm(ModelForm[models.BudgetVersion]):
    bounds = {"frais_generaux_percent": (0, 100), "imprevus_percent": (0, 100)}  # percentages

    class Meta:
        model = models.BudgetVersion
        fields = [
            "name",
            "title",
            "variant",
            "is_reference",
            "frais_generaux_percent",
            "imprevus_percent",
            "plan_start",
            "plan_end",
        ]


class LineForm(ModelForm[models.BudgetLine]):
    account = AccountField()

    class Meta:
        model = models.BudgetLine
        fields = list(models.LINE_INPUT_FIELDS)

    def __init__(self, *args: Any, budget: models.BudgetVersion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.budget = budget
        person = self.fields["person"]
        assert isinstance(person, forms.ModelChoiceField)
        person.queryset = budget.production.people.all()
        choices = [("", "—"), *self._global_choices()]
        for name in ("quantity_ref", "number_ref"):
            field = self.fields[name]
            self.fields[name] = forms.ChoiceField(
                label=field.label, help_text=field.help_text, choices=choices, required=False
            )

    def _global_choices(self) -> list[tuple[str, str]]:
        """The version's globals, then the ones the plan de travail provides (``jours:…``);
        a code the line already names stays listed, so saving never drops it."""
        stored = {g.code: g.label for g in self.budget.globals.all()}
        provided = {code: g.label for code, g in provided_globals(self.budget.production).items()}
        known = {**stored, **provided}
        for code in (self.instance.quantity_ref, self.instance.number_ref):
            if code and code not in known:
                known[code] = str(_("%(code)s (no longer provided)") % {"code": code})
        return [(code, f"{label} — {code}") for code, label in known.items()]


class GlobalForm(ModelForm[models.BudgetGlobal]):
    class Meta:
        model = models.BudgetGlobal
        fields = ["code", "label", "value", "unit"]


class FringeOverrideForm(ModelForm[models.FringeOverride]):
    bounds = {"rate": (0, 1)}  # a fraction of gross pay

    class Meta:
        model = models.FringeOverride
        fields = ["key", "rate", "note"]
        widgets = {"key": forms.HiddenInput}


class CommitmentForm(ModelForm[models.Commitment]):
    account = AccountField()

    class Meta:
        model = models.Commitment
        fields = ["account", "supplier", "label", "amount", "date", "reference"]


class ExpenseForm(ModelForm[models.Expense]):
    account = AccountField()
    bounds = {"vat_rate": (0, 100)}  # a percentage; the amount may be a credit (negative)

    class Meta:
        model = models.Expense
        fields = [
            "date",
            "account",
            "supplier",
            "label",
            "amount_ht",
            "vat_rate",
            "payment_status",
            "receipt",
        ]

    def clean_receipt(self) -> Any:
        receipt = self.cleaned_data.get("receipt")
        if receipt and getattr(receipt, "size", 0) > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The receipt is too large (10 MB at most)."))
        return receipt


class EstimateForm(ModelForm[models.EstimateToComplete]):
    account = AccountField()

    class Meta:
        model = models.EstimateToComplete
        fields = ["account", "amount"]


class FinancingSourceForm(ModelForm[models.FinancingSource]):
    class Meta:
        model = models.FinancingSource
        fields = ["kind", "label", "amount", "status", "received", "aid_id"]


FLAG_CHOICES = [("", _("Unknown")), ("true", _("Yes")), ("false", _("No"))]
FLAG_LABELS = {
    "french_language": _("Shot mainly in French"),
    "first_or_second_film": _("First or second film (difficult work)"),
    "broadcaster_commitment": _("Broadcaster pre-sale signed"),
    "automatic_account": _("CNC automatic support account"),
    "carbon_footprint_forecast": _("Forecast carbon footprint done"),
    "accessibility_files_planned": _("SME subtitles and audio description planned"),
    "visa_obtained": _("Exploitation visa obtained"),
    "tv_broadcast_done": _("Already broadcast on TV"),
    "female_director": _("Female director"),
}


class FundingProfileForm(ModelForm[models.FundingProfile]):
    regions_text = forms.CharField(
        label=_("regions with a link (comma separated codes, e.g. occitanie)"), required=False
    )

    class Meta:
        model = models.FundingProfile
        fields = ["work_format", "genre", "stage", "coproduction_countries", "subscribers"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["regions_text"].initial = ", ".join(self.instance.regions)
        for name, label in FLAG_LABELS.items():
            value = self.instance.flags.get(name)
            self.fields[f"flag_{name}"] = forms.ChoiceField(
                label=label,
                choices=FLAG_CHOICES,
                required=False,
                initial="" if value is None else str(value).lower(),
            )

    def save(self, commit: bool = True) -> models.FundingProfile:
        profile = super().save(commit=False)
        profile.regions = [
            r.strip() for r in self.cleaned_data["regions_text"].split(",") if r.strip()
        ]
        answers = {"true": True, "false": False}
        profile.flags = {  # an unknown fact is no entry, as the data loaders write it
            name: answers[self.cleaned_data[f"flag_{name}"]]
            for name in FLAG_LABELS
            if self.cleaned_data[f"flag_{name}"] in answers
        }
        if commit:
            profile.save()
        return profile


class UploadForm(forms.Form):
    file = forms.FileField(label=_("file"))
    extensions: tuple[str, ...] = (".csv", ".xlsx")

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is too large (10 MB at most)."))
        if not upload.name.lower().endswith(self.extensions):
            raise forms.ValidationError(_("Choose a CSV or XLSX file."))
        return upload


class DevisUploadForm(UploadForm):
    extensions = (".xlsx",)
    name = forms.CharField(label=_("new version name"), max_length=50)


class MappingForm(forms.Form):
    """Which column of the file holds each expense field."""

    def __init__(self, *args: Any, headers: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "—"), *((h, h) for h in headers)]
        labels = {
            "date": _("date"),
            "account": _("account"),
            "amount_ht": _("amount excl. VAT"),
            "amount_ttc": _("amount incl. VAT"),
            "vat_rate": _("VAT rate %"),
            "supplier": _("supplier"),
            "label": _("label"),
            "payment_status": _("payment status"),
            "receipt": _("receipt"),
        }
        for field in FIELDS:
            self.fields[field] = forms.ChoiceField(
                label=labels[field], choices=choices, required=False
            )
