"""Forms of the deliverables pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tournage.delivery.errors import DeliveryError
from tournage.web.forms import ModelForm

from .models import Deliverable
from .runner import local_copy, validate_media

MEDIA_SUFFIXES = (
    ".mxf",
    ".mov",
    ".mp4",
    ".m4v",
    ".mkv",
    ".wav",
    ".bwf",
    ".m4a",
    ".aac",
    ".mp3",
    ".flac",
)


class DeliverableForm(ModelForm[Deliverable]):
    # no master lasts a day; a negative duration or gap means nothing
    bounds = {"target_duration_s": (0, 86_400), "duration_tolerance_s": (0, 86_400)}

    class Meta:
        model = Deliverable
        fields = ["name", "kind", "profile", "target_duration_s", "duration_tolerance_s", "tracks"]

    def clean_tracks(self) -> str:
        value: str = self.cleaned_data["tracks"].replace(" ", "")
        if value and not all(part.isdigit() and int(part) > 0 for part in value.split(",")):
            raise forms.ValidationError(_("Give track numbers separated by commas, e.g. 1,2."))
        return value


class MasterUploadForm(forms.Form):
    master = forms.FileField(
        label=_("Master file"),
        help_text=_("MXF, MOV, MP4, MKV or WAV; the file is stored as is and never modified."),
    )

    def clean_master(self) -> Any:
        upload = self.cleaned_data["master"]
        limit = getattr(settings, "TOURNAGE_MAX_MEDIA_UPLOAD", 50 * 1024**3)
        if upload.size > limit:
            raise forms.ValidationError(
                _("This file is larger than the accepted %(size)s GB."),
                params={"size": limit // 1024**3},
            )
        with local_copy(upload) as path:
            _check_master(path, upload.name)
        upload.seek(0)
        return upload


def _check_master(path: Path, name: str) -> None:
    """A known media suffix, and PyAV reads streams from it."""
    if Path(name).suffix.lower() not in MEDIA_SUFFIXES:
        raise forms.ValidationError(
            _("Unsupported file type: send an MXF, MOV, MP4, MKV or WAV master.")
        )
    try:
        validate_media(path)
    except DeliveryError as error:
        raise forms.ValidationError(error.message) from error


def qc_inbox() -> Path | None:
    """Server folder whose masters may be checked in place (setting ``TOURNAGE_QC_INBOX``)."""
    folder = getattr(settings, "TOURNAGE_QC_INBOX", None)
    return Path(folder).resolve() if folder else None


class ServerPathForm(forms.Form):
    path = forms.CharField(
        label=_("Path in the QC inbox"),
        max_length=500,
        help_text=_("A master already on the server, inside the QC inbox; it is read in place."),
    )

    def clean_path(self) -> Path:
        inbox = qc_inbox()
        if inbox is None:
            raise forms.ValidationError(_("No QC inbox is configured on this server."))
        path: Path = (inbox / self.cleaned_data["path"]).resolve()
        if not path.is_relative_to(inbox) or not path.is_file():
            raise forms.ValidationError(_("No such file in the QC inbox."))
        _check_master(path, path.name)
        return path
