from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tournage.common.formatting import format_number
from tournage.screenplay.breakdown import categories

ALLOWED_SUFFIXES = (".fountain", ".spmd", ".txt", ".fdx", ".pdf")


class ScriptUploadForm(forms.Form):
    script = forms.FileField(
        label=_("script file"),
        help_text=_("Fountain (.fountain, .txt), Final Draft (.fdx) or PDF."),
    )
    format = forms.ChoiceField(
        label=_("format"),
        required=False,
        choices=[
            ("", _("detect")),
            ("fountain", "Fountain"),
            ("fdx", "Final Draft"),
            ("pdf", "PDF"),
        ],
    )

    def clean_script(self) -> Any:
        upload = self.cleaned_data["script"]
        if not upload.name.lower().endswith(ALLOWED_SUFFIXES):
            raise forms.ValidationError(_("Choose a Fountain, Final Draft (.fdx) or PDF file."))
        from .services import script_limits

        limit = script_limits().max_bytes
        if upload.size > limit:
            raise forms.ValidationError(
                _("This file is too large (%(limit)s MB at most).")
                % {"limit": format_number(limit / 1_000_000, 0, get_language())}
            )
        return upload


def category_choices() -> list[tuple[str, str]]:
    """Labels in the page's language (the choices are read when the form is rendered)."""
    french = (get_language() or "fr").startswith("fr")
    return [
        (key, category.label_fr if french else category.label_en)
        for key, category in categories().items()
    ]


class TagForm(forms.Form):
    category = forms.ChoiceField(label=_("category"), choices=category_choices)
    name = forms.CharField(label=_("element"), max_length=200)


class HeadingForm(forms.Form):
    """The user's review of a scene heading the parser was unsure of (or any heading)."""

    heading = forms.CharField(label=_("heading"), max_length=300)
