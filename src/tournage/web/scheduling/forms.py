from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tournage.scheduling.model import Scene
from tournage.web.forms import DateField, ModelForm, scope_choices
from tournage.web.productions.models import Person

from .models import PlanSettings


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
        scope_choices(self, "person", production.people.filter(kind="cast"))


class UnavailabilityForm(CastForm):
    date = DateField(label=_("Date"))
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)


class AvailabilityCollectedForm(CastForm):
    """The cast member answered: availability collected (even without any date lost)."""

    confirmed_on = DateField(label=_("Collected on"))


class PlanSettingsForm(ModelForm[PlanSettings]):
    """The units, split call and weather cover, then one row per scene: its unit and
    whether it is a weather-cover scene (``unit_<scene>``, ``cover_<scene>``)."""

    class Meta:
        model = PlanSettings
        fields = [
            "main_unit_name",
            "main_day_cost",
            "second_unit_name",
            "second_day_cost",
            "split_call",
            "weather_cover",
        ]
        widgets = {"split_call": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}

    def __init__(self, *args: Any, scenes: Sequence[Scene] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scenes = list(scenes)
        second, cover = set(self.instance.second_unit_scenes), set(self.instance.cover_scenes)
        units = [("main", _("Main unit")), ("second", _("Second unit"))]
        for scene in self.scenes:
            self.fields[f"unit_{scene.id}"] = forms.ChoiceField(
                label=_("Unit of scene %(scene)s") % {"scene": scene.id},
                choices=units,
                initial="second" if scene.id in second else "main",
            )
            self.fields[f"cover_{scene.id}"] = forms.BooleanField(
                label=_("Scene %(scene)s is a weather-cover scene") % {"scene": scene.id},
                required=False,
                initial=scene.id in cover,
            )

    def unit_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.Meta.fields]

    def rows(self) -> list[dict[str, Any]]:
        return [
            {"scene": s, "unit": self[f"unit_{s.id}"], "cover": self[f"cover_{s.id}"]}
            for s in self.scenes
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = [s.id for s in self.scenes if data.get(f"unit_{s.id}") == "second"]
        if chosen and not data.get("second_unit_name"):
            raise forms.ValidationError(_("Name the second unit before giving it scenes."))
        self.instance.second_unit_scenes = chosen
        self.instance.cover_scenes = [s.id for s in self.scenes if data.get(f"cover_{s.id}")]
        return data
