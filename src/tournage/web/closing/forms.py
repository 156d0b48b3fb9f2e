"""Forms of the register, the marketing set and the closing file.

Uploads are checked (size, type, a whole PDF for certificates) and fingerprinted before
anything is saved; a delivered file is stored as sent and never rewritten.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from tournage.closing.uploads import (
    ClosingError,
    check_pdf,
    check_size,
    normalise_sha256,
    safe_name,
    sha256_of,
)
from tournage.web.delivery.api import Deliverable
from tournage.web.forms import DateField, ModelForm

from .models import ClosingFile, ContractClosure, Destination, MarketingPiece, RegisterItem

TAIL_BYTES = 2048  # a PDF's %%EOF may be followed by a few bytes of padding


def _document_limit() -> int:
    return int(getattr(settings, "TOURNAGE_MAX_DOCUMENT_UPLOAD", 20 * 1024**2))


def _media_limit() -> int:
    return int(getattr(settings, "TOURNAGE_MAX_MEDIA_UPLOAD", 50 * 1024**3))


def _refuse(error: ClosingError) -> forms.ValidationError:
    return forms.ValidationError(error.message, code=error.code)


def clean_pdf(upload: UploadedFile[bytes] | None) -> UploadedFile[bytes] | None:
    if not upload:
        return upload
    try:
        safe_name(upload.name or "")
        upload.seek(0)
        head = upload.read(len(b"%PDF-"))
        upload.seek(max((upload.size or 0) - TAIL_BYTES, 0))
        tail = upload.read(TAIL_BYTES)
        check_pdf(head, tail, upload.size or 0, _document_limit())
    except ClosingError as error:
        raise _refuse(error) from error
    upload.seek(0)
    return upload


def fingerprint(upload: UploadedFile[bytes]) -> str:
    """SHA-256 of an upload, read in chunks (the file is not changed)."""
    try:
        safe_name(upload.name or "")
        check_size(upload.size or 0, _media_limit())
    except ClosingError as error:
        raise _refuse(error) from error
    upload.seek(0)
    digest, _size = sha256_of(upload.chunks())
    upload.seek(0)
    return digest


class DestinationForm(ModelForm[Destination]):
    class Meta:
        model = Destination
        fields = ["name", "kind", "contact"]


class RegisterItemForm(ModelForm[RegisterItem]):
    bounds = {"acceptance_duration_s": (0, 86_400)}  # a programme lasts less than a day
    upload = forms.FileField(
        label=_("File delivered"),
        required=False,
        help_text=_("Stored as sent, never modified; its SHA-256 is computed on upload."),
    )
    sha256 = forms.CharField(
        label=_("or its SHA-256"),
        required=False,
        max_length=80,
        help_text=_("For a file delivered elsewhere (lab, aspera): paste its SHA-256."),
    )
    acceptance_upload = forms.FileField(label=_("Acceptance certificate (PDF)"), required=False)

    class Meta:
        model = RegisterItem
        fields = [
            "kind",
            "label",
            "due",
            "deliverable",
            "delivered_on",
            "accepted_on",
            "acceptance_duration_s",
            "note",
        ]

    def __init__(self, *args: Any, production: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["deliverable"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Deliverable.objects.filter(production=production)
        self.fields["sha256"].initial = self.instance.file_sha256

    def clean_sha256(self) -> str:
        value = str(self.cleaned_data.get("sha256") or "").strip()
        if not value:
            return ""
        try:
            return normalise_sha256(value)
        except ClosingError as error:
            raise _refuse(error) from error

    def clean_upload(self) -> UploadedFile[bytes] | None:
        upload: UploadedFile[bytes] | None = self.cleaned_data.get("upload")
        if upload:
            self.cleaned_data["upload_sha256"] = fingerprint(upload)
        return upload

    def clean_acceptance_upload(self) -> UploadedFile[bytes] | None:
        return clean_pdf(self.cleaned_data.get("acceptance_upload"))

    def save(self, commit: bool = True) -> RegisterItem:
        item = super().save(commit=False)
        upload = self.cleaned_data.get("upload")
        if upload:
            item.delivered_file.save(safe_name(upload.name or ""), upload, save=False)
            item.file_name = safe_name(upload.name or "")
            item.file_sha256 = self.cleaned_data["upload_sha256"]
        elif self.cleaned_data.get("sha256"):
            item.file_sha256 = self.cleaned_data["sha256"]
        acceptance = self.cleaned_data.get("acceptance_upload")
        if acceptance:
            item.acceptance_file.save(safe_name(acceptance.name or ""), acceptance, save=False)
        if commit:
            item.save()
        return item


class MarketingPieceForm(ModelForm[MarketingPiece]):
    class Meta:
        model = MarketingPiece
        fields = ["kind", "title", "language", "text", "file", "deliverable", "rating_signage"]

    def __init__(self, *args: Any, production: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["deliverable"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Deliverable.objects.filter(production=production)

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            try:
                safe_name(upload.name or "")
                check_size(upload.size or 0, _media_limit())
            except ClosingError as error:
                raise _refuse(error) from error
        return upload


class ClosingFileForm(ModelForm[ClosingFile]):
    bounds = {"ecoprod_score": (0, 100)}  # a percentage
    certificate_upload = forms.FileField(label=_("Auditor's certificate (PDF)"), required=False)

    class Meta:
        model = ClosingFile
        fields = [
            "completion_date",
            "visa_date",
            "overrun_note",
            "auditor",
            "certified_on",
            "ecoprod_targeted",
            "ecoprod_score",
            "ecoprod_mandatory_met",
            "insurance_closed",
            "conservation",
        ]

    def __init__(
        self,
        *args: Any,
        categories: tuple[str, ...] = (),
        planned: tuple[str, ...] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        comments = self.instance.carbon_comments or {}
        self.categories = categories
        self.fields["levers_applied"] = forms.MultipleChoiceField(
            label=_("Reduction measures actually applied"),
            choices=[(label, label) for label in planned],
            required=False,
            initial=[m for m in self.instance.levers_applied or [] if m in planned],
            widget=forms.CheckboxSelectMultiple,
            help_text=_("The measures planned in the carbon plan (scenarios and practices)."),
        )
        for category in categories:
            self.fields[f"comment_{category}"] = forms.CharField(
                label=_("Explanation of the gap: %(category)s") % {"category": category},
                required=False,
                initial=comments.get(category, ""),
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def clean_certificate_upload(self) -> UploadedFile[bytes] | None:
        return clean_pdf(self.cleaned_data.get("certificate_upload"))

    def save(self, commit: bool = True) -> ClosingFile:
        record = super().save(commit=False)
        comments = dict(record.carbon_comments or {})
        for category in self.categories:
            text = str(self.cleaned_data.get(f"comment_{category}") or "").strip()
            if text:
                comments[category] = text
            else:
                comments.pop(category, None)
        record.carbon_comments = comments
        record.levers_applied = list(self.cleaned_data.get("levers_applied") or [])
        upload = self.cleaned_data.get("certificate_upload")
        if upload:
            record.certificate.save(safe_name(upload.name or ""), upload, save=False)
        if commit:
            record.save()
        return record


class ContractClosureForm(ModelForm[ContractClosure]):
    final_pay_on = DateField(label=_("Final pay settled on"), required=False)

    class Meta:
        model = ContractClosure
        fields = ["final_pay_on", "documents_handed"]
