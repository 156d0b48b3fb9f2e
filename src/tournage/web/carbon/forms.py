"""Forms of the carbon pages; units are checked against the factor by the core."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tournage.carbon.activities import Activity
from tournage.carbon.calculator import price
from tournage.carbon.errors import CarbonError
from tournage.carbon.factors import factor_table
from tournage.carbon.scenarios import lever_catalogue
from tournage.carbon.tables import ChecklistItem
from tournage.common.formatting import NumberError, parse_decimal
from tournage.web.forms import DecimalField, ModelForm

from .models import CarbonActivity, LocationEnergy

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
EVIDENCE_TYPES = (".pdf", ".jpg", ".jpeg", ".png", ".csv", ".xlsx")
MAX_IMPORT_BYTES = 5 * 1024 * 1024


def factor_choices() -> list[tuple[str, str]]:
    table = factor_table()
    return [
        (f.id, f"{f.label_fr} — {f.unit}{'' if f.value is not None else ' (valeur inconnue)'}")
        for f in table.factors.values()
        if f.is_emission_factor and not f.superseded_by
    ]


class ActivityForm(ModelForm[CarbonActivity]):
    factor = forms.ChoiceField(label=_("Emission factor"), choices=factor_choices)
    bounds = {"quantity": (0, None)}  # an amount of activity (km, kWh, meals…)

    class Meta:
        model = CarbonActivity
        fields = ["phase", "factor", "quantity", "unit", "label", "note", "evidence"]

    def clean_evidence(self) -> Any:
        evidence = self.cleaned_data.get("evidence")
        if evidence and hasattr(evidence, "size"):
            if evidence.size > MAX_EVIDENCE_BYTES:
                raise forms.ValidationError(_("The evidence file is larger than 10 MB."))
            if not evidence.name.lower().endswith(EVIDENCE_TYPES):
                raise forms.ValidationError(
                    _("Evidence must be a PDF, an image, a CSV or an XLSX file.")
                )
        return evidence

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        quantity, unit, factor = data.get("quantity"), data.get("unit"), data.get("factor")
        if quantity is not None and unit and factor:
            try:
                price(Activity(factor, Decimal(quantity), unit), factor_table())
            except CarbonError as error:
                self.add_error("unit", error.message)
        return data


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Only CSV and XLSX files are accepted."))
        return upload


class LocationEnergyForm(ModelForm[LocationEnergy]):
    bounds = {"energy_kwh_per_day": (0, None), "fuel_l_per_day": (0, None)}

    class Meta:
        model = LocationEnergy
        fields = ["shooting_days", "power_source", "energy_kwh_per_day", "fuel_l_per_day"]
        help_texts = {
            "shooting_days": _(
                "Used only while no plan de travail is accepted: the accepted one gives the days."
            )
        }


class ScenarioForm(forms.Form):
    name = forms.CharField(label=_("Scenario name"), max_length=200)
    levers = forms.MultipleChoiceField(
        label=_("Levers"),
        widget=forms.CheckboxSelectMultiple,
        choices=lambda: [(k, v.label_fr) for k, v in lever_catalogue().items()],
    )
    vegetarian_share = DecimalField(
        label=_("Vegetarian share (0 to 1)"),
        min_value=0,
        max_value=1,
        initial=Decimal("0.5"),
        required=False,
    )

    def levers_document(self) -> dict[str, dict[str, Any]]:
        share = self.cleaned_data.get("vegetarian_share")
        return {
            lever: (
                {"share": float(share)} if lever == "vegetarian_share" and share is not None else {}
            )
            for lever in self.cleaned_data["levers"]
        }


class ChecklistForm(forms.Form):
    def __init__(
        self, *args: Any, items: Sequence[ChecklistItem], done: dict[str, bool], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        french = (get_language() or "fr").startswith("fr")
        for item in items:
            self.fields[item.id] = forms.BooleanField(
                label=item.label_fr if french else item.label_en,
                required=False,
                initial=bool(done.get(item.id)),
            )


MENU_FACTORS = {
    "meal_red_meat_ngc": _("Red-meat meals (weight)"),
    "meal_white_meat_ngc": _("White-meat meals (weight)"),
    "meal_vegetarian_ngc": _("Vegetarian meals (weight)"),
    "meal_vegan_ngc": _("Vegan meals (weight)"),
}
NUMBER_FIELDS = {
    "post_production": {
        "storage_tb": _("Rushes stored (TB)"),
        "storage_years": _("Storage duration (years)"),
        "new_drives": _("New hard drives"),
        "suite_days": _("Post-production suite days"),
    },
    "distribution": {
        "streaming_hours": _("Streaming viewing hours"),
        "dcp_deliveries": _("DCP deliveries"),
        "broadcast_hours": _("Broadcast hours"),
        "screenings": _("Screenings"),
    },
    "options": {
        "local_radius_km": _("Local radius (km)"),
        "train_max_km": _("Train up to (km)"),
        "car_occupancy": _("People per car"),
        "detour_road": _("Road detour factor"),
        "detour_rail": _("Rail detour factor"),
    },
}
# By definition: a car carries its driver; a route is never shorter than the great circle.
AT_LEAST_ONE = {"car_occupancy": 1, "detour_road": 1, "detour_rail": 1}
VEHICLE_SLOTS = 2
CONTRAILS = [
    ("", _("Default of the rules")),
    ("yes", _("With contrails")),
    ("no", _("Without contrails")),
]


def vehicle_choices() -> list[tuple[str, str]]:
    table = factor_table()
    return [("", "—")] + [
        (f.id, f.label_fr)
        for f in table.factors.values()
        if f.activity_unit == "vehicle.km" and not f.superseded_by and f.value is not None
    ]


class ProfileForm(forms.Form):
    """The plan inputs kept in CarbonProfile's JSON fields, as plain form fields."""

    def __init__(self, *args: Any, profile: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for slot in range(VEHICLE_SLOTS):
            current = profile.vehicles[slot] if slot < len(profile.vehicles) else {}
            self.fields[f"vehicle_{slot}"] = forms.ChoiceField(
                label=_("Technical vehicle %(n)d") % {"n": slot + 1},
                choices=vehicle_choices,
                required=False,
                initial=current.get("factor", ""),
            )
            self.fields[f"vehicle_{slot}_count"] = forms.IntegerField(
                label=_("Number of vehicles %(n)d") % {"n": slot + 1},
                min_value=0,
                max_value=100,
                required=False,
                initial=current.get("count"),
            )
        for factor, label in MENU_FACTORS.items():
            self.fields[factor] = DecimalField(
                label=label, min_value=0, required=False, initial=profile.menu.get(factor)
            )
        self.fields["extra_meals_per_day"] = DecimalField(
            label=_("Extra meals per day (extras, guests)"),
            min_value=0,
            required=False,
            initial=profile.extra_meals_per_day,
        )
        for group, labels in NUMBER_FIELDS.items():
            stored = getattr(profile, group)
            for name, label in labels.items():
                self.fields[name] = DecimalField(
                    label=label,
                    min_value=AT_LEAST_ONE.get(name, 0),
                    required=False,
                    initial=stored.get(name),
                )
        contrails = profile.options.get("flights_with_contrails")
        self.fields["flights_with_contrails"] = forms.ChoiceField(
            label=_("Flights"),
            choices=CONTRAILS,
            required=False,
            initial="" if contrails is None else ("yes" if contrails else "no"),
        )

    def apply(self, profile: Any) -> None:
        data = self.cleaned_data

        def numbers(names: Any, stored: dict[str, Any]) -> dict[str, Any]:
            """The typed numbers, each stored value kept as it was when unchanged."""
            return {
                name: stored[name] if _same(stored.get(name), data[name]) else str(data[name])
                for name in names
                if data.get(name) is not None
            }

        named = {vehicle["factor"]: vehicle for vehicle in profile.vehicles}  # keeps labels
        profile.vehicles = [
            {
                **named.get(data[f"vehicle_{slot}"], {}),
                "factor": data[f"vehicle_{slot}"],
                "count": data[f"vehicle_{slot}_count"] or 1,
            }
            for slot in range(VEHICLE_SLOTS)
            if data.get(f"vehicle_{slot}")
        ]
        profile.menu = numbers(MENU_FACTORS, profile.menu)
        profile.extra_meals_per_day = data.get("extra_meals_per_day") or 0
        profile.post_production = numbers(NUMBER_FIELDS["post_production"], profile.post_production)
        profile.distribution = numbers(NUMBER_FIELDS["distribution"], profile.distribution)
        options: dict[str, Any] = numbers(NUMBER_FIELDS["options"], profile.options)
        if data.get("flights_with_contrails"):
            options["flights_with_contrails"] = data["flights_with_contrails"] == "yes"
        profile.options = options


def _same(stored: Any, typed: Decimal) -> bool:
    try:
        return stored is not None and parse_decimal(stored) == typed
    except NumberError:
        return False


class OverrideForm(forms.Form):
    quantity = DecimalField(label=_("Quantity to use instead"), min_value=0, required=False)
    remove = forms.BooleanField(label=_("Go back to the derived value"), required=False)


class TravelModesForm(forms.Form):
    def __init__(self, *args: Any, people: Any, modes: dict[int, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from .models import TravelMode

        for person in people:
            self.fields[f"person_{person.pk}"] = forms.ChoiceField(
                label=f"{person} ({person.home_city or '?'})",
                choices=TravelMode.choices,
                required=False,
                initial=modes.get(person.pk, ""),
            )
