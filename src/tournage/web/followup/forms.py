"""Forms of the shoot follow-up (the project's ModelForm base: ISO dates, French numbers)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tournage.followup.backups import available_algorithms, check_distinct
from tournage.followup.errors import FollowupError
from tournage.followup.tables import FOLLOWUP
from tournage.web.forms import DateField, ModelForm
from tournage.web.productions.history import save_changed
from tournage.web.productions.models import Person

from .models import (
    BackupCopy,
    CallSheet,
    DailyReport,
    DroppedScene,
    MediaCard,
    Milestone,
    PersonTime,
    PostVersion,
    ReportedScene,
)
from .offload import rushes_root


class CallSheetForm(ModelForm[CallSheet]):
    class Meta:
        model = CallSheet
        fields = ["weather", "hospital", "safety_notes", "contacts", "notes"]
        widgets = {
            "safety_notes": forms.Textarea(attrs={"rows": 3}),
            "contacts": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }


class DailyReportForm(ModelForm[DailyReport]):
    bounds = {  # quantities of a day are not negative
        name: (0, None)
        for name in (
            "pretimed_minutes",
            "useful_minutes",
            "transport_km",
            "fuel_litres",
            "energy_kwh",
            "waste_kg",
        )
    }

    class Meta:
        model = DailyReport
        fields = [
            "call",
            "wrap",
            "meal_minutes",
            "setups",
            "takes",
            "pretimed_minutes",
            "useful_minutes",
            "media_used",
            "overtime_minutes",
            "meal_penalties",
            "extra_days",
            "transport_km",
            "fuel_litres",
            "energy_kwh",
            "meals",
            "waste_kg",
            "notes",
            "signed_off_by",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}


SHOT_CHOICES = [("", _("not shot")), ("complete", _("complete")), ("partial", _("partial"))]


class ScenesShotForm(forms.Form):
    """What was shot of each scene planned that day: status and eighths."""

    def __init__(self, *args: Any, scenes: list[Any], report: DailyReport | None, **kw: Any):
        super().__init__(*args, **kw)
        done = {row.scene: row for row in report.scenes.all()} if report and report.pk else {}
        self.scenes = scenes
        for scene in scenes:
            row = done.get(scene.id)
            status = "" if row is None else ("complete" if row.complete else "partial")
            self.fields[f"status_{scene.id}"] = forms.ChoiceField(
                label=_("Scene %(id)s") % {"id": scene.id},
                choices=SHOT_CHOICES,
                required=False,
                initial=status,
            )
            self.fields[f"eighths_{scene.id}"] = forms.IntegerField(
                label=_("Eighths shot of scene %(id)s") % {"id": scene.id},
                min_value=0,
                max_value=999,
                initial=row.eighths if row else scene.eighths,
            )

    def save(self, report: DailyReport) -> None:
        """Scenes not shot are removed; the others updated in place (same rows)."""
        for scene in self.scenes:
            status = self.cleaned_data[f"status_{scene.id}"]
            if not status:
                ReportedScene.objects.filter(report=report, scene=scene.id).delete()
                continue
            ReportedScene.objects.update_or_create(
                report=report,
                scene=scene.id,
                defaults={
                    "eighths": self.cleaned_data[f"eighths_{scene.id}"],
                    "complete": status == "complete",
                },
            )


class PeopleTimesForm(forms.Form):
    """Who was there, and the call, wrap and meal break of each person whose day differed
    from the unit's (left empty: the unit's times are theirs)."""

    def __init__(self, *args: Any, people: list[Person], report: DailyReport | None, **kw: Any):
        super().__init__(*args, **kw)
        present, times = None, {}
        if report is not None and report.pk is not None:  # a new report: everyone called
            present = set(report.people_present.values_list("pk", flat=True))
            times = {t.person_id: t for t in report.times.all()}
        self.people = people
        for person in people:
            row, name = times.get(person.pk), {"name": person}
            self.fields[f"present_{person.pk}"] = forms.BooleanField(
                label=_("%(name)s was present") % name,
                required=False,
                initial=present is None or person.pk in present,
            )
            for field, label in (("call", _("Call of %(name)s")), ("wrap", _("Wrap of %(name)s"))):
                self.fields[f"{field}_{person.pk}"] = forms.TimeField(
                    label=label % name,
                    required=False,
                    initial=getattr(row, field, None),
                    widget=forms.TimeInput(format="%H:%M"),
                )
            self.fields[f"meal_{person.pk}"] = forms.IntegerField(
                label=_("Meal break of %(name)s (minutes)") % name,
                required=False,
                min_value=0,
                max_value=1440,
                initial=getattr(row, "meal_minutes", None),
            )

    def save(self, report: DailyReport) -> None:
        """Presence as ticked; a person's own times kept only where one is typed."""
        data = self.cleaned_data
        report.people_present.set([p for p in self.people if data[f"present_{p.pk}"]])
        for person in self.people:
            values = {
                "call": data[f"call_{person.pk}"],
                "wrap": data[f"wrap_{person.pk}"],
                "meal_minutes": data[f"meal_{person.pk}"],
            }
            if all(value is None for value in values.values()):
                PersonTime.objects.filter(report=report, person=person).delete()
            else:
                save_changed(PersonTime, {"report": report, "person": person}, values)


class MediaCardForm(ModelForm[MediaCard]):
    class Meta:
        model = MediaCard
        fields = ["label", "shot_on", "checksum", "algorithm"]


class BackupCopyForm(ModelForm[BackupCopy]):
    """A copy is verified when its checksum (from the DIT tool) equals the card's."""

    def __init__(self, *args: Any, production: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        card = self.fields["card"]
        assert isinstance(card, forms.ModelChoiceField)
        card.queryset = MediaCard.objects.filter(production=production)

    class Meta:
        model = BackupCopy
        fields = ["card", "destination", "checksum", "verified_on"]

    def save(self, commit: bool = True) -> BackupCopy:
        copy = super().save(commit=False)
        copy.verified = bool(copy.checksum) and copy.checksum == copy.card.checksum
        if commit:
            copy.save()
        return copy


class DroppedSceneForm(ModelForm[DroppedScene]):
    class Meta:
        model = DroppedScene
        fields = ["scene", "reason"]


class MilestoneForm(ModelForm[Milestone]):
    class Meta:
        model = Milestone
        fields = ["name", "planned_start", "planned_end", "actual_start", "actual_end"]


class PostVersionForm(ModelForm[PostVersion]):
    class Meta:
        model = PostVersion
        fields = ["kind", "number", "approved_by", "approved_on", "for_pad"]


class TakesUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Log file"),
        help_text=_("Avid ALE, DaVinci Resolve metadata CSV, CMX 3600 EDL or OpenTimelineIO."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = FOLLOWUP.load().imports.max_bytes
        if upload.size > limit:
            raise forms.ValidationError(_("The file is too large."))
        return upload


class OffloadForm(forms.Form):
    """A card folder and its copies inside the server's rushes folder."""

    label = forms.CharField(label=_("Card or roll"), max_length=100)
    shot_on = DateField(label=_("Shooting day"), required=False)
    source = forms.CharField(
        label=_("Card folder"),
        max_length=500,
        help_text=_("Path inside the rushes folder of the server, e.g. J1/A001."),
    )
    copies = forms.CharField(
        label=_("Backup copies"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One folder a line, inside the rushes folder, e.g. SSD1/A001."),
    )
    algorithm = forms.ChoiceField(label=_("Algorithm"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names = available_algorithms()  # xxHash only where its wheel is installed
        self.fields["algorithm"] = forms.ChoiceField(
            label=_("Algorithm"), choices=[(n, n) for n in names], initial=names[0]
        )

    def _folder(self, text: str) -> Path:
        root = rushes_root()
        if root is None:
            raise forms.ValidationError(_("No rushes folder is configured on this server."))
        path = (root / text.strip()).resolve()
        if not path.is_relative_to(root) or not path.is_dir():
            raise forms.ValidationError(
                _("No such folder in the rushes folder: %(name)s") % {"name": text.strip()}
            )
        return path

    def clean_source(self) -> Path:
        return self._folder(self.cleaned_data["source"])

    def clean_copies(self) -> list[Path]:
        lines = [x for x in self.cleaned_data["copies"].splitlines() if x.strip()]
        return [self._folder(line) for line in lines]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("source") is not None and data.get("copies"):
            try:
                check_distinct([data["source"], *data["copies"]])
            except FollowupError as error:
                raise forms.ValidationError(error.message) from error
        return data
