"""Shoot follow-up records: call sheets as issued, daily production reports, the takes
log, media backups, the project plan and the post versions log."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class CallSheet(models.Model):
    """The feuille de service of one day, as the production manager completes it; each
    issue stores what was sent (``content``) under a new version number."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="call_sheets"
    )
    date = models.DateField(_("shooting day"))
    weather = models.CharField(_("weather forecast"), max_length=200, blank=True)
    hospital = models.CharField(_("nearest hospital"), max_length=300, blank=True)
    safety_notes = models.TextField(
        _("safety notes"), blank=True, help_text=_("One note a line; risks of the day.")
    )
    contacts = models.TextField(
        _("key contacts"), blank=True, help_text=_("One contact a line: role, name, phone.")
    )
    notes = models.TextField(_("notes"), blank=True)
    elements_confirmed = models.JSONField(
        _("elements confirmed available"), default=list, blank=True
    )
    version = models.PositiveIntegerField(_("version"), default=0)
    content = models.JSONField(_("sheet as issued"), default=dict, blank=True)
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["production", "date"], name="one_call_sheet_per_day")
        ]
        verbose_name = _("call sheet")

    def __str__(self) -> str:
        return f"{self.date} v{self.version}"

    def lines(self, name: str) -> tuple[str, ...]:
        text: str = getattr(self, name)
        return tuple(line.strip() for line in text.splitlines() if line.strip())


class DailyReport(models.Model):
    """The rapport de production of one shooting day (the scripte's and the régie's)."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="daily_reports"
    )
    date = models.DateField(_("shooting day"))
    call = models.TimeField(_("unit call"), null=True, blank=True)
    wrap = models.TimeField(_("wrap"), null=True, blank=True)
    setups = models.PositiveIntegerField(_("setups"), default=0)
    takes = models.PositiveIntegerField(_("takes"), default=0)
    pretimed_minutes = models.DecimalField(
        _("pre-timed minutes"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    useful_minutes = models.DecimalField(
        _("useful minutes shot"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    media_used = models.CharField(_("media used"), max_length=200, blank=True)
    overtime_minutes = models.PositiveIntegerField(_("overtime (minutes)"), default=0)
    meal_penalties = models.PositiveIntegerField(_("meal penalties"), default=0)
    transport_km = models.DecimalField(
        _("transport (km)"), max_digits=10, decimal_places=1, null=True, blank=True
    )
    energy_kwh = models.DecimalField(
        _("energy (kWh)"), max_digits=10, decimal_places=1, null=True, blank=True
    )
    meals = models.PositiveIntegerField(_("meals served"), null=True, blank=True)
    # Added after reports existed: nullable, so adding them never rebuilds the table.
    meal_minutes = models.PositiveSmallIntegerField(
        _("unit meal break (minutes)"), null=True, blank=True
    )
    fuel_litres = models.DecimalField(
        _("diesel (litres, generator and vehicles)"),
        max_digits=10,
        decimal_places=1,
        null=True,
        blank=True,
    )
    extra_days = models.PositiveSmallIntegerField(
        _("extra shooting days announced"),
        null=True,
        blank=True,
        help_text=_("Days the shoot will need beyond the plan, as decided today."),
    )
    waste_kg = models.DecimalField(
        _("waste (kg)"), max_digits=10, decimal_places=1, null=True, blank=True
    )
    people_present = models.ManyToManyField(
        "productions.Person", blank=True, related_name="+", verbose_name=_("people present")
    )
    notes = models.TextField(_("notes"), blank=True)
    signed_off_by = models.CharField(_("signed off by"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["production", "date"], name="one_report_per_day")
        ]
        verbose_name = _("daily production report")

    def __str__(self) -> str:
        return str(self.date)


class ReportedScene(models.Model):
    report = models.ForeignKey(DailyReport, on_delete=models.CASCADE, related_name="scenes")
    scene = models.CharField(_("scene"), max_length=20)
    eighths = models.PositiveIntegerField(_("eighths shot"), default=0)
    complete = models.BooleanField(_("scene complete"), default=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.scene


class DepartmentTime(models.Model):
    report = models.ForeignKey(DailyReport, on_delete=models.CASCADE, related_name="departments")
    department = models.CharField(_("department"), max_length=100)
    call = models.TimeField(_("call"))
    wrap = models.TimeField(_("wrap"))

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.department


class PersonTime(models.Model):
    """One person's actual call, wrap and meal break on the report, where they differ
    from the unit's (the tableau d'heures); becomes their timesheet for the day."""

    report = models.ForeignKey(DailyReport, on_delete=models.CASCADE, related_name="times")
    person = models.ForeignKey(
        "productions.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )
    call = models.TimeField(_("call"), null=True, blank=True)
    wrap = models.TimeField(_("wrap"), null=True, blank=True)
    meal_minutes = models.PositiveSmallIntegerField(
        _("meal break (minutes)"), null=True, blank=True
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["report", "person"], name="one_time_per_person")
        ]

    def __str__(self) -> str:
        return str(self.person)


class Take(models.Model):
    """One take of the canonical log (tournage.followup.takes.Take)."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="takes"
    )
    scene = models.CharField(_("scene"), max_length=20)
    shot = models.CharField(_("shot"), max_length=20, blank=True)
    take = models.CharField(_("take"), max_length=20)
    camera_roll = models.CharField(_("camera roll"), max_length=100, blank=True)
    clip_name = models.CharField(_("clip name"), max_length=300, blank=True)
    tc_in = models.CharField(_("timecode in"), max_length=20, blank=True)
    tc_out = models.CharField(_("timecode out"), max_length=20, blank=True)
    sound_roll = models.CharField(_("sound roll"), max_length=100, blank=True)
    selected = models.BooleanField(_("selected (circled)"), default=False)
    comments = models.TextField(_("comments"), blank=True)
    source = models.CharField(_("imported from"), max_length=200, blank=True)

    class Meta:
        ordering = ["scene", "shot", "take", "pk"]
        verbose_name = _("take")

    def __str__(self) -> str:
        return f"{self.scene}-{self.shot}-{self.take}"


class DroppedScene(models.Model):
    """A scheduled scene the production decided not to shoot (or not to keep)."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="dropped_scenes"
    )
    scene = models.CharField(_("scene"), max_length=20)
    reason = models.CharField(_("reason"), max_length=300)

    def __str__(self) -> str:
        return self.scene


class MediaCard(models.Model):
    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="media_cards"
    )
    label = models.CharField(_("card or roll"), max_length=100)
    shot_on = models.DateField(_("shooting day"), null=True, blank=True)
    checksum = models.CharField(_("card checksum"), max_length=200, blank=True)
    algorithm = models.CharField(_("algorithm"), max_length=20, default="sha256")

    class Meta:
        ordering = ["shot_on", "label"]

    def __str__(self) -> str:
        return self.label


class BackupCopy(models.Model):
    card = models.ForeignKey(MediaCard, on_delete=models.CASCADE, related_name="copies")
    destination = models.CharField(_("destination"), max_length=200)
    checksum = models.CharField(_("checksum"), max_length=200, blank=True)
    verified = models.BooleanField(_("verified"), default=False)
    verified_on = models.DateField(_("verified on"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.destination


class OffloadStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    ERROR = "error", _("Error")


class Offload(models.Model):
    """A camera card offload hashed by tournage: the card folder and each backup copy,
    file by file, in a background task; the outcome fills the card and its copies."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="offloads"
    )
    card = models.ForeignKey(
        MediaCard, on_delete=models.SET_NULL, null=True, blank=True, related_name="offloads"
    )
    label = models.CharField(_("card or roll"), max_length=100)
    shot_on = models.DateField(_("shooting day"), null=True, blank=True)
    source_path = models.CharField(_("card folder"), max_length=500)
    copy_paths = models.JSONField(_("backup copies"), default=list)
    algorithm = models.CharField(_("algorithm"), max_length=20)
    status = models.CharField(
        max_length=10, choices=OffloadStatus.choices, default=OffloadStatus.QUEUED
    )
    progress = models.FloatField(default=0.0)
    result = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)
    task_id = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("card offload")

    def __str__(self) -> str:
        return f"{self.label} ({self.get_status_display()})"


class Milestone(models.Model):
    """A phase or milestone of the project plan; ``after`` holds predecessor keys."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="milestones"
    )
    key = models.SlugField(_("key"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    planned_start = models.DateField(_("planned start"))
    planned_end = models.DateField(_("planned end"))
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    after = models.JSONField(_("after (keys)"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["planned_start", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["production", "key"], name="one_milestone_per_key")
        ]

    def __str__(self) -> str:
        return self.name


class PostKind(models.TextChoices):
    EDIT = "edit", _("Edit")
    GRADE = "grade", _("Grade")
    MIX = "mix", _("Mix")


class PostVersion(models.Model):
    """A version of the edit, grade or mix; the one marked ``for_pad`` builds the PAD."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="post_versions"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=PostKind.choices)
    number = models.PositiveIntegerField(_("version"))
    approved_by = models.CharField(_("approved by"), max_length=200, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    for_pad = models.BooleanField(_("used for the PAD"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "number"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} v{self.number}"

    @property
    def approved(self) -> bool:
        return bool(self.approved_by and self.approved_on)
