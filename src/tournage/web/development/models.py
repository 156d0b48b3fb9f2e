"""The development domain's records: brief, objectives, approvals, benchmark, notes,
channels (distribution plan), specification, heads of department, versions of the
cahier des charges and the dossier's attached pieces."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tournage.development.rules import RULES, SCHEMES
from tournage.web.productions.models import Channel

PRODUCTION = "productions.Production"


class Brief(models.Model):
    """The client's or author's request (demande de production); one per production.
    Channels, duration and envelope live on the production and are read from there."""

    production = models.OneToOneField(PRODUCTION, on_delete=models.CASCADE, related_name="brief")
    client = models.CharField(_("client or commissioner"), max_length=200, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    context = models.TextField(_("context"), blank=True)
    audiences = models.TextField(_("target audiences"), blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    constraints = models.TextField(_("constraints stated by the client"), blank=True)
    benchmark_min_rows = models.PositiveIntegerField(
        _("minimum benchmark rows"),
        null=True,
        blank=True,
        help_text=_("Empty: the default of the rules (5)."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("brief")

    def __str__(self) -> str:
        return str(_("Brief"))


class Objective(models.Model):
    production = models.ForeignKey(PRODUCTION, on_delete=models.CASCADE, related_name="objectives")
    text = models.CharField(_("objective"), max_length=300)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("objective")

    def __str__(self) -> str:
        return self.text


class TraceKind(models.TextChoices):
    SCENE = "scene", _("Scene")
    DELIVERABLE = "deliverable", _("Deliverable")
    ELEMENT = "element", _("Other element")


class ObjectiveTrace(models.Model):
    """Where an objective shows in the work: a scene number, a deliverable, an element."""

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="traces")
    kind = models.CharField(_("kind"), max_length=20, choices=TraceKind.choices)
    reference = models.CharField(_("reference"), max_length=200)

    class Meta:
        ordering = ["kind", "reference"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.reference}"


class Milestone(models.TextChoices):
    BRIEF = "brief", _("Brief")
    SCRIPT = "script", _("Script version")
    ROUGH_CUT = "rough_cut", _("Rough cut")
    FINAL_CUT = "final_cut", _("Final cut")


class Approval(models.Model):
    """The client's approval at a milestone: who, when, what."""

    production = models.ForeignKey(PRODUCTION, on_delete=models.CASCADE, related_name="approvals")
    milestone = models.CharField(_("milestone"), max_length=20, choices=Milestone.choices)
    script_version = models.PositiveIntegerField(_("script version"), null=True, blank=True)
    approved_by = models.CharField(_("approved by"), max_length=200)
    approved_on = models.DateField(_("approved on"))
    what = models.TextField(_("what was approved"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["approved_on", "pk"]
        verbose_name = _("approval")

    def __str__(self) -> str:
        return f"{self.get_milestone_display()} — {self.approved_by}"


def _kind_choices() -> list[tuple[str, str]]:
    return [(kind, kind) for kind in RULES.load().channel_kinds.items]


class BenchmarkRow(models.Model):
    """A comparable work; each figure sourced and dated, or marked unknown."""

    production = models.ForeignKey(PRODUCTION, on_delete=models.CASCADE, related_name="benchmark")
    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveIntegerField(_("year"), null=True, blank=True)
    work_format = models.CharField(_("format"), max_length=100, blank=True)
    channel_kind = models.CharField(_("channel"), max_length=20, choices=_kind_choices)
    budget = models.DecimalField(
        _("budget"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    budget_unknown = models.BooleanField(_("budget unknown"), default=False)
    budget_source = models.CharField(_("budget source"), max_length=300, blank=True)
    budget_date = models.DateField(_("budget date"), null=True, blank=True)
    audience = models.DecimalField(
        _("audience"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    audience_unit = models.CharField(_("audience unit"), max_length=50, blank=True)
    audience_unknown = models.BooleanField(_("audience unknown"), default=False)
    audience_source = models.CharField(_("audience source"), max_length=300, blank=True)
    audience_date = models.DateField(_("audience date"), null=True, blank=True)
    positioning = models.TextField(_("positioning"), blank=True)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("benchmark row")

    def __str__(self) -> str:
        return self.title


class NoteKind(models.TextChoices):
    OPPORTUNITY = "opportunity", _("Opportunity note")
    INTENTION = "intention", _("Statement of intent")
    DIRECTOR = "director", _("Director's note")
    PRODUCER = "producer", _("Producer's note")
    SYNOPSIS = "synopsis", _("Synopsis")


class Note(models.Model):
    production = models.ForeignKey(PRODUCTION, on_delete=models.CASCADE, related_name="dev_notes")
    kind = models.CharField(_("kind"), max_length=20, choices=NoteKind.choices)
    body = models.TextField(_("text"))
    objectives = models.ManyToManyField(Objective, blank=True, verbose_name=_("objectives cited"))
    benchmark_rows = models.ManyToManyField(
        BenchmarkRow, blank=True, verbose_name=_("benchmark rows cited")
    )
    cites_audiences = models.BooleanField(_("cites the target audiences"), default=False)

    class Meta:
        ordering = ["kind"]
        constraints = [
            models.UniqueConstraint(fields=["production", "kind"], name="one_dev_note_per_kind")
        ]

    def __str__(self) -> str:
        return str(self.get_kind_display())


class NoteReference(models.Model):
    """A context reference a note cites (a study, an article, a figure)."""

    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="references")
    label = models.CharField(_("reference"), max_length=300)
    source = models.CharField(_("source"), max_length=300, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)

    def __str__(self) -> str:
        return self.label


class ChannelPlan(models.Model):
    """One channel of the distribution plan and what the cahier des charges fixes for it.
    Its target age category is not here: the rights app's signage page records it."""

    production = models.ForeignKey(
        PRODUCTION, on_delete=models.CASCADE, related_name="channel_plans"
    )
    channel = models.CharField(_("channel"), max_length=40, choices=Channel.choices)
    versions = models.CharField(_("versions"), max_length=100, blank=True, help_text="VF, VOSTA")
    sme_versions = models.CharField(_("versions with SME subtitles"), max_length=100, blank=True)
    ad = models.BooleanField(_("audio description"), default=False)
    lsf = models.BooleanField(_("French sign language"), default=False)
    slot = models.TimeField(_("broadcast slot"), null=True, blank=True)
    release = models.DateField(_("release date"), null=True, blank=True)
    territories = models.CharField(_("territories"), max_length=200, blank=True)
    viewing_hours = models.DecimalField(
        _("expected viewing hours"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    g_per_hour = models.DecimalField(
        _("viewing intensity (gCO2e/h)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    carbon_source = models.CharField(_("source of the intensity"), max_length=300, blank=True)

    class Meta:
        ordering = ["channel"]
        constraints = [
            models.UniqueConstraint(fields=["production", "channel"], name="one_plan_per_channel")
        ]

    def __str__(self) -> str:
        return str(self.get_channel_display())


class Specification(models.Model):
    """What the cahier des charges fixes beyond the brief (one per production)."""

    production = models.OneToOneField(
        PRODUCTION, on_delete=models.CASCADE, related_name="specification"
    )
    capture_width = models.PositiveIntegerField(_("capture width (px)"), null=True, blank=True)
    capture_height = models.PositiveIntegerField(_("capture height (px)"), null=True, blank=True)
    capture_frame_rate = models.CharField(_("capture frame rate"), max_length=10, blank=True)
    capture_aspect = models.CharField(_("aspect ratio"), max_length=10, blank=True)
    agreement = models.CharField(_("collective agreement (IDCC)"), max_length=100, blank=True)
    inclusion = models.TextField(_("inclusion targets"), blank=True)
    rights = models.TextField(_("rights to acquire"), blank=True)
    universal_design = models.TextField(_("universal design of the work and sets"), blank=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return str(_("Specification"))


def _department_choices() -> list[tuple[str, str]]:
    """Referenced by migration 0001 (the heads of department moved to the safety file)."""
    return [(d, d) for d in RULES.load().heads_of_department.items]


class CdcVersion(models.Model):
    """A frozen version of the cahier des charges (its sections as generated that day)."""

    production = models.ForeignKey(
        PRODUCTION, on_delete=models.CASCADE, related_name="cdc_versions"
    )
    number = models.PositiveIntegerField(_("version"))
    created_on = models.DateField(_("date"))
    document = models.JSONField(default=dict)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["production", "number"], name="one_cdc_number")
        ]

    def __str__(self) -> str:
        return f"v{self.number}"


def _scheme_choices() -> list[tuple[str, str]]:
    return [(s.id, s.name) for s in SCHEMES.load().schemes]


class Dossier(models.Model):
    """A funding scheme the production applies to."""

    production = models.ForeignKey(PRODUCTION, on_delete=models.CASCADE, related_name="dossiers")
    scheme = models.CharField(_("funding scheme"), max_length=60, choices=_scheme_choices)

    class Meta:
        ordering = ["scheme"]
        constraints = [
            models.UniqueConstraint(fields=["production", "scheme"], name="one_dossier_per_scheme")
        ]

    def __str__(self) -> str:
        return str(self.get_scheme_display())


class AttachedPiece(models.Model):
    """A piece of a dossier given as a PDF (CV, contract, ID…)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="attachments")
    piece = models.CharField(_("piece"), max_length=60)
    file = models.FileField(_("file"), upload_to="development/pieces/")
    source_name = models.CharField(max_length=255)
    pages = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["piece"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "piece"], name="one_file_per_piece")
        ]

    def __str__(self) -> str:
        return self.source_name
