"""Script versions and their breakdown, stored per production.

Each upload is a ``ScriptVersion``; its scenes, characters and breakdown tags are rows
tied to it (and to the production, for scoping and the audit trail). The current
version is the latest one. Tags keep their origin and a status the user sets
(accepted, rejected); manual tags and decisions carry over to the next version.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tournage.screenplay.breakdown import risk_rules
from tournage.screenplay.model import format_eighths
from tournage.screenplay.revisions import RevisionColour, revision_colour


class InProduction(models.Model):
    """Rows of a version also point at the production: scoping and audit trail need it."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="screenplay_%(class)ss"
    )

    class Meta:
        abstract = True


class ScriptVersion(models.Model):
    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="script_versions"
    )
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=300, blank=True)
    source_format = models.CharField(_("format"), max_length=10)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    file = models.FileField(_("file"), upload_to="scripts/", blank=True)
    fountain = models.TextField(_("Fountain text"), blank=True)
    page_count = models.PositiveIntegerField(_("printed pages"), default=0)
    eighths = models.PositiveIntegerField(_("length in eighths"), default=0)
    # Characters the user merged: cue name → the character it is (carried to new versions).
    aliases = models.JSONField(_("merged characters"), default=dict, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["production", "-number"]
        verbose_name = _("script version")
        constraints = [
            models.UniqueConstraint(
                fields=["production", "number"], name="one_script_version_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title or _('Script')} v{self.number}"

    @property
    def pages_display(self) -> str:
        return format_eighths(self.eighths)

    @property
    def colour(self) -> RevisionColour:
        """Industry revision colour (white, blue, pink...)."""
        return revision_colour(self.number)


class ChangeKind(models.TextChoices):
    NONE = "", _("first version")
    UNCHANGED = "unchanged", _("unchanged")
    CHANGED = "changed", _("changed")
    ADDED = "added", _("added")
    OMITTED = "omitted", _("omitted")


class Scene(InProduction):
    version = models.ForeignKey(ScriptVersion, on_delete=models.CASCADE, related_name="scenes")
    index = models.PositiveIntegerField(_("order"))
    number = models.CharField(_("scene number"), max_length=20, blank=True)
    heading = models.CharField(_("heading"), max_length=300)
    # Below 1 when the parser guessed the heading from a PDF's layout (a line in capitals):
    # highlighted for the user to review; a reviewed heading is certain (1).
    heading_confidence = models.FloatField(_("heading confidence"), default=1.0)
    # The heading as the file wrote it, kept once the user reviewed it: a new version whose
    # file still says the same gets the user's heading back.
    heading_as_read = models.CharField(_("heading as read"), max_length=300, blank=True)
    int_ext = models.CharField(_("INT/EXT"), max_length=10, blank=True)
    location = models.CharField(_("location"), max_length=300, blank=True)
    set_name = models.CharField(_("set"), max_length=300, blank=True)
    sub_location = models.CharField(_("sub-location"), max_length=300, blank=True)
    time = models.CharField(_("time of day"), max_length=60, blank=True)
    day_night = models.CharField(_("day/night"), max_length=20, blank=True)
    page_start = models.PositiveIntegerField(_("page"), default=1)
    eighths = models.PositiveIntegerField(_("eighths"), default=0)
    fdx_eighths = models.PositiveIntegerField(_("eighths (Final Draft)"), null=True, blank=True)
    synopsis = models.TextField(_("synopsis"), blank=True)
    omitted = models.BooleanField(_("omitted"), default=False)
    change = models.CharField(
        _("change"), max_length=10, choices=ChangeKind.choices, default=ChangeKind.NONE, blank=True
    )
    diff = models.TextField(_("changes"), blank=True)
    text = models.TextField(_("text"), blank=True)
    characters = models.JSONField(_("speaking characters"), default=list, blank=True)
    non_speaking = models.JSONField(_("non-speaking characters"), default=list, blank=True)
    risks = models.JSONField(_("risks"), default=list, blank=True)

    class Meta:
        ordering = ["version", "index"]
        verbose_name = _("scene")

    def __str__(self) -> str:
        return f"{self.number or self.index}. {self.heading}"

    @property
    def key(self) -> str:
        return self.number or str(self.index)

    @property
    def heading_to_review(self) -> bool:
        """The parser was not sure of it and nobody reviewed it yet: highlighted."""
        return self.heading_confidence < 1

    @property
    def eighths_display(self) -> str:
        return format_eighths(self.eighths)

    @property
    def risk_codes(self) -> list[str]:
        return [risk["code"] for risk in self.risks]

    @property
    def risk_items(self) -> list[dict[str, str]]:
        """Risks with their French and English labels (from ``risks.yaml``)."""
        rules = risk_rules()
        items = []
        for risk in self.risks:
            rule = rules.get(risk["code"])
            items.append(
                {
                    **risk,
                    "label_fr": rule.label_fr if rule else risk["code"],
                    "label_en": rule.label_en if rule else risk["code"],
                }
            )
        return items


class Character(InProduction):
    version = models.ForeignKey(ScriptVersion, on_delete=models.CASCADE, related_name="characters")
    name = models.CharField(_("name"), max_length=200)
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    speaking = models.BooleanField(_("speaking"), default=True)
    dialogue_count = models.PositiveIntegerField(_("speeches"), default=0)
    eighths = models.PositiveIntegerField(_("eighths"), default=0)
    scenes = models.JSONField(_("scenes"), default=list, blank=True)
    person = models.ForeignKey(
        "productions.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="characters",
        verbose_name=_("played by"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["version", "-speaking", "-dialogue_count", "name"]
        verbose_name = _("character")

    def __str__(self) -> str:
        return self.name


class TagStatus(models.TextChoices):
    SUGGESTED = "suggested", _("suggested")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")


class BreakdownTag(InProduction):
    scene = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="tags")
    category = models.CharField(_("category"), max_length=40)
    name = models.CharField(_("element"), max_length=200)
    evidence = models.TextField(_("found in"), blank=True)
    confidence = models.FloatField(_("confidence"), default=1.0)
    source = models.CharField(_("source"), max_length=20, default="manual")
    status = models.CharField(
        _("status"), max_length=10, choices=TagStatus.choices, default=TagStatus.SUGGESTED
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["scene", "category", "name"]
        verbose_name = _("breakdown tag")

    def __str__(self) -> str:
        return f"{self.category}: {self.name}"
