from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tournage.web.forms import DateField, ModelForm, set_choices

from . import audit
from .models import Channel, Location, Membership, Person, Production, Role


def unchanged(form: forms.BaseForm) -> bool:
    """An existing object whose form comes back as it was shown: saving it would only add
    a history row that says nothing changed, so the views skip the save.

    The validated instance is compared with its stored row field by field (a form's own
    ``has_changed`` counts ``"3097"`` against ``3097`` as a change); the form's fields that
    are not model fields (text forms of lists) are compared as the form shows them."""
    instance = getattr(form, "instance", None)
    if instance is None or instance.pk is None:
        return False
    fields = {f.name: f for f in instance._meta.concrete_fields if f.name in form.fields}
    if [name for name in form.changed_data if name not in fields]:
        return False
    attnames = [f.attname for f in fields.values()]
    stored = type(instance)._default_manager.filter(pk=instance.pk).values(*attnames).first()
    return stored is not None and all(
        f.to_python(getattr(instance, f.attname)) == f.to_python(stored[f.attname])
        for f in fields.values()
    )


def save_if_changed(form: Any) -> Any:
    return form.instance if unchanged(form) else form.save()


class ProductionForm(ModelForm[Production]):
    bounds = {"budget_envelope": (0, None), "pace_pages_per_day": (0, None)}
    channels = forms.MultipleChoiceField(
        label=_("target channels"),
        choices=Channel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Production
        fields = [
            "title",
            "format",
            "genre",
            "logline",
            "target_duration_minutes",
            "country",
            "budget_envelope",
            "currency",
            "channels",
            "phase",
            "shoot_start",
            "pace_pages_per_day",
        ]
        widgets = {
            "logline": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_country(self) -> str:
        return str(self.cleaned_data["country"]).upper()

    def clean_currency(self) -> str:
        return str(self.cleaned_data["currency"]).upper()


class PersonForm(ModelForm[Person]):
    bounds = {"home_latitude": (-90, 90), "home_longitude": (-180, 180), "daily_rate": (0, None)}

    class Meta:
        model = Person
        fields = [
            "first_name",
            "last_name",
            "kind",
            "functions",
            "character",
            "birth_date",
            "email",
            "phone",
            "home_city",
            "home_latitude",
            "home_longitude",
            "daily_rate",
        ]


class LocationForm(ModelForm[Location]):
    bounds = {"latitude": (-90, 90), "longitude": (-180, 180)}

    class Meta:
        model = Location
        fields = [
            "name",
            "address",
            "postcode",
            "city",
            "latitude",
            "longitude",
            "kind",
            "power_source",
            "available_from",
            "available_to",
            "notes",
        ]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("available_from"), cleaned.get("available_to")
        if start and end and end < start:
            raise forms.ValidationError(_("The availability ends before it starts."))
        return cleaned


class InviteForm(forms.Form):
    """A member by e-mail: an existing account is added, a new one is invited."""

    email = forms.EmailField(label=_("e-mail address"))
    role = forms.ChoiceField(label=_("role"), choices=Role.choices)
    person = forms.ModelChoiceField(
        label=_("person in the team"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("A crew member sees their own contract."),
    )

    def __init__(self, *args: Any, production: Production, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.production = production
        person = self.fields["person"]
        assert isinstance(person, forms.ModelChoiceField)
        person.queryset = production.people.all()

    def clean_email(self) -> str:
        email = str(self.cleaned_data["email"]).strip().lower()
        members = Membership.objects.filter(production=self.production)
        if members.filter(user__email__iexact=email).exists():
            raise forms.ValidationError(_("This person is already a member."))
        return email


class ArchiveUploadForm(forms.Form):
    archive = forms.FileField(label=_("production archive (.zip)"))

    def clean_archive(self) -> Any:
        upload = self.cleaned_data["archive"]
        if not upload.name.lower().endswith(".zip"):
            raise forms.ValidationError(_("Choose a .zip archive exported by tournage."))
        if upload.size > settings.TOURNAGE_ARCHIVE_MAX_UPLOAD:
            raise forms.ValidationError(_("This archive is too large."))
        return upload


class HistoryFilterForm(forms.Form):
    """The audit trail's filters, read from the URL so a filtered view can be shared."""

    module = forms.ChoiceField(label=_("module"), required=False)
    user = forms.ChoiceField(label=_("user"), required=False)
    since = DateField(label=_("from"), required=False)
    until = DateField(label=_("to (included)"), required=False)

    def __init__(self, *args: Any, production: Production, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self, "module", [("", _("every module")), *audit.module_choices()])
        members = production.memberships.select_related("user").order_by("user__username")
        set_choices(
            self,
            "user",
            [
                ("", _("everyone")),
                *((str(m.user_id), m.user.get_full_name() or m.user.username) for m in members),
                (audit.SYSTEM, _("system (demo, import or task)")),
            ],
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            self.add_error("until", _("The end date is before the start date."))
        return cleaned

    def filters(self) -> audit.Filters:
        """The valid filters; an invalid one is shown with its error and not applied."""
        self.is_valid()
        data = {k: v for k, v in self.cleaned_data.items() if k not in self.errors}
        return audit.Filters(
            module=data.get("module") or "",
            user=data.get("user") or "",
            since=data.get("since"),
            until=data.get("until"),
        )
