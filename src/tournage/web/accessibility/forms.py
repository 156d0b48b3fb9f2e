"""Upload of a subtitle / audio-description / transcript file, validated before storage."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tournage.accessibility.errors import SubtitleFormatError
from tournage.accessibility.readers import MAX_BYTES, read_subtitles
from tournage.accessibility.readers.decode import decode_text
from tournage.accessibility.rules import rule_set_names
from tournage.accessibility.timecode import SUPPORTED_RATES, parse_frame_rate
from tournage.web.delivery.api import Deliverable

from .models import FileKind, RgaaStatus

TIMED_TEXT_SUFFIXES = (".srt", ".vtt", ".ass", ".ssa", ".ttml", ".xml", ".dfxp", ".stl")
TRANSCRIPT_SUFFIXES = (".txt",)


class SubtitleUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("SRT, WebVTT, ASS/SSA, TTML/EBU-TT-D or EBU-STL; a transcript as .txt."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=FileKind.choices)
    deliverable = forms.ModelChoiceField(
        label=_("Deliverable"), queryset=Deliverable.objects.none(), required=False
    )
    rules = forms.ChoiceField(label=_("Rule set"), initial="fr-csa-2011")
    frame_rate = forms.ChoiceField(label=_("Frame rate"), required=False)
    with_media = forms.BooleanField(
        label=_("Also check against the deliverable's master"),
        required=False,
        help_text=_("Programme end, shot changes, speech without subtitles, AD track."),
    )

    def __init__(self, *args: Any, production: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        deliverable_field: Any = self.fields["deliverable"]
        deliverable_field.queryset = Deliverable.objects.filter(production=production)
        rules_field: Any = self.fields["rules"]
        rules_field.choices = [(name, name) for name in rule_set_names()]
        rate_field: Any = self.fields["frame_rate"]
        rate_field.choices = [("", _("From the file, else 25"))] + [
            (rate, rate) for rate in (*SUPPORTED_RATES, "29.97df")
        ]

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        upload = cleaned.get("file")
        kind = cleaned.get("kind")
        if upload is None or kind is None:
            return cleaned
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("This file is larger than the accepted %(size)s MB."),
                params={"size": MAX_BYTES // 1_048_576},
            )
        suffix = Path(upload.name).suffix.lower()
        allowed = TRANSCRIPT_SUFFIXES if kind == FileKind.TRANSCRIPT else TIMED_TEXT_SUFFIXES
        if suffix not in allowed:
            raise forms.ValidationError(
                _("Unsupported file type %(suffix)s for this kind of file."),
                params={"suffix": suffix or "?"},
            )
        data = upload.read()
        upload.seek(0)
        try:
            rate = parse_frame_rate(cleaned["frame_rate"]) if cleaned.get("frame_rate") else None
            if kind == FileKind.TRANSCRIPT:
                text, _notes = decode_text(data)
                if not text.strip():
                    raise SubtitleFormatError("subtitles.empty_transcript", "Transcription vide.")
            else:
                cleaned["document"] = read_subtitles(data, rate)
        except SubtitleFormatError as error:
            raise forms.ValidationError(error.message) from None
        return cleaned


class RgaaAnswerForm(forms.Form):
    """One line of the checklist: a criterion that needs a human answer."""

    status = forms.ChoiceField(
        label=_("Answer"),
        choices=[("", _("Not answered")), *RgaaStatus.choices],
        required=False,
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
