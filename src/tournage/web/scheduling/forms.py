from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tournage.web.forms import DateField
from tournage.web.productions.models import Person


class MoveForm(forms.Form):
    scene = forms.CharField(label=_("Scene"), max_length=20)
    date = DateField(label=_("Move to date"), required=False)


class LostDayForm(forms.Form):
    date = DateField(label=_("Lost day"))


class CastForm(forms.Form):
    """A form about one cast member of the production."""

    person: forms.ModelChoiceField[Person] = forms.ModelChoiceField(
        label=_("Cast member"), queryset=Person.objects.none()
    )

    def __init__(self, *args: Any, production: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = production.people.filter(  # type: ignore[attr-defined]
            kind="cast"
        )


class UnavailabilityForm(CastForm):
    date = DateField(label=_("Date"))
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)


class AvailabilityCollectedForm(CastForm):
    """The cast member answered: availability collected (even without any date lost)."""

    confirmed_on = DateField(label=_("Collected on"))
