"""Rights forms, on the shared ModelForm base (ISO dates, French numbers). Uploaded
documents are checked (type, size, content) before anything is stored."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from tournage.rights.documents import check_document, check_edit
from tournage.rights.errors import RightsError
from tournage.web.forms import ModelForm
from tournage.web.productions.models import Channel

from .models import (
    AuthorContract,
    AuthorRight,
    ChannelRating,
    Clearance,
    Cue,
    DestinationDocument,
    Permit,
    ReleasePlan,
    ReleaseStep,
)


def _checked(upload: Any) -> Any:
    """A new upload parsed before it is stored; a stored file (unchanged) passes."""
    if not isinstance(upload, UploadedFile):
        return upload
    content = upload.read()
    try:
        check_document(content, upload.name or "")
    except RightsError as error:
        raise forms.ValidationError(error.message) from None
    upload.seek(0)
    return upload


if TYPE_CHECKING:  # the forms the mixin joins; at run time it adds no base of its own
    _Form = forms.BaseForm
else:
    _Form = object


class DocumentsMixin(_Form):
    """Every FileField of the form goes through ``check_document``."""

    def _clean_fields(self) -> None:
        super()._clean_fields()  # type: ignore[misc]  # private, absent from django-stubs
        for name, field in self.fields.items():
            if isinstance(field, forms.FileField) and name in self.cleaned_data:
                try:
                    self.cleaned_data[name] = _checked(self.cleaned_data[name])
                except forms.ValidationError as error:
                    self.add_error(name, error)


class ReleasePlanForm(ModelForm[ReleasePlan]):
    class Meta:
        model = ReleasePlan
        fields = [
            "cnc_aided",
            "sales_agreement",
            "territories",
            "rights_until",
            "picture_lock",
            "delivery",
            "first_screening",
            "visa_ban",
        ]


class ClearanceForm(DocumentsMixin, ModelForm[Clearance]):
    bounds = {"fee": (0, None)}
    channels = forms.MultipleChoiceField(
        label=_("Channels covered"),
        choices=Channel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    scenes = forms.CharField(
        label=_("Scenes"), required=False, help_text=_("Scene numbers separated by commas.")
    )

    class Meta:
        model = Clearance
        fields = [
            "type",
            "subject",
            "scenes",
            "post",
            "status",
            "reason",
            "rights_holder",
            "document",
            "channels",
            "territories",
            "versions",
            "starts",
            "ends",
            "fee",
            "budget_account",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["scenes"] = ", ".join(str(s) for s in self.instance.scenes)

    def clean_scenes(self) -> list[str]:
        text = self.cleaned_data.get("scenes") or ""
        return [part.strip() for part in str(text).split(",") if part.strip()]


class AuthorContractForm(DocumentsMixin, ModelForm[AuthorContract]):
    class Meta:
        model = AuthorContract
        fields = [
            "person",
            "author",
            "role",
            "signed_on",
            "society",
            "statements_from",
            "last_statement_on",
            "document",
        ]

    def __init__(self, *args: Any, production: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["person"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = production.people.all()


class AuthorRightForm(ModelForm[AuthorRight]):
    class Meta:
        model = AuthorRight
        fields = ["right", "mode", "territory", "duration", "remuneration", "terms"]


AuthorRightFormSet = forms.inlineformset_factory(
    AuthorContract, AuthorRight, form=AuthorRightForm, extra=1, can_delete=True
)


class PermitForm(DocumentsMixin, ModelForm[Permit]):
    class Meta:
        model = Permit
        fields = [
            "location",
            "authority",
            "status",
            "reason",
            "requested_on",
            "granted_on",
            "valid_from",
            "valid_to",
            "reference",
            "document",
            "insurance_certificate",
        ]

    def __init__(self, *args: Any, production: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["location"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = production.locations.all()


class ReleaseStepForm(DocumentsMixin, ModelForm[ReleaseStep]):
    class Meta:
        model = ReleaseStep
        fields = ["step", "status", "due", "done_on", "reference", "document"]


class ChannelRatingForm(ModelForm[ChannelRating]):
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)

    class Meta:
        model = ChannelRating
        fields = [
            "channel",
            "category",
            "catalogue",
            "cinema_channel",
            "children_programme",
            "trailer_signage",
            "reason",
        ]


class DestinationDocumentForm(DocumentsMixin, ModelForm[DestinationDocument]):
    class Meta:
        model = DestinationDocument
        fields = ["item", "received_on", "document", "note"]


class CueForm(ModelForm[Cue]):
    class Meta:
        model = Cue
        fields = ["work", "authors", "publishers", "recording", "usage"]


class EditUploadForm(forms.Form):
    file = forms.FileField(label=_("Edit decision list (.edl or .otio)"))
    rate = forms.ChoiceField(
        label=_("Frame rate (EDL)"),
        required=False,
        initial="25",
        choices=[(r, r) for r in ("25", "24", "23.976", "29.97", "30", "50")],
    )
    tracks = forms.CharField(
        label=_("Music tracks"),
        required=False,
        max_length=100,
        help_text=_("e.g. A3, A4; clips whose reel or name starts with MUS are music anyway."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        try:
            check_edit(upload.size or 0, upload.name or "")
        except RightsError as error:
            raise forms.ValidationError(error.message) from None
        return upload
