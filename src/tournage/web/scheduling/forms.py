from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tournage.web.productions.models import Person


class MoveForm(forms.Form):
    scene = forms.CharField(label=_("Scene"), max_length=20)
    date = forms.DateField(
        label=_("Move to date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class LostDayForm(forms.Form):
    date = forms.DateField(label=_("Lost day"), widget=forms.DateInput(attrs={"type": "date"}))


class UnavailabilityForm(forms.Form):
    person: forms.ModelChoiceField[Person] = forms.ModelChoiceField(
        label=_("Cast member"), queryset=Person.objects.none()
    )
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)

    def __init__(self, *args: Any, production: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = production.people.filter(  # type: ignore[attr-defined]
            kind="cast"
        )
