"""Subtitle and audio-description files of a production, their findings, and RGAA answers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FileKind(models.TextChoices):
    CAPTIONS = "captions", _("SDH subtitles (SME)")
    AD_SCRIPT = "ad_script", _("Audio-description script")
    TRANSCRIPT = "transcript", _("Text transcript")


class SubtitleFile(models.Model):
    """An uploaded subtitle or AD file, stored as sent and never modified."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="subtitle_files"
    )
    deliverable = models.ForeignKey(
        "delivery.Deliverable",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="subtitle_files",
        verbose_name=_("deliverable"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=FileKind.choices)
    file = models.FileField(_("file"), upload_to="accessibility/")
    source_name = models.CharField(_("file name"), max_length=255)
    format = models.CharField(_("format"), max_length=10)
    rules = models.CharField(_("rule set"), max_length=40, blank=True)
    frame_rate = models.CharField(_("frame rate"), max_length=12)
    cue_count = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    warning_count = models.PositiveIntegerField(default=0)
    unknown_rules = models.JSONField(default=list, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("subtitle file")

    def __str__(self) -> str:
        return self.source_name

    @property
    def conforms(self) -> bool:
        return self.error_count == 0


class SubtitleFinding(models.Model):
    """One finding of the check of a subtitle file (stable rule code, French message)."""

    subtitle_file = models.ForeignKey(
        SubtitleFile, on_delete=models.CASCADE, related_name="findings"
    )
    cue = models.PositiveIntegerField()  # 0 = the whole file
    start_ms = models.IntegerField(null=True, blank=True)
    start_tc = models.CharField(max_length=16, blank=True)
    rule = models.CharField(max_length=40)
    severity = models.CharField(max_length=10)
    message = models.TextField()  # French
    message_en = models.TextField(blank=True)
    source = models.CharField(max_length=200, blank=True)
    fix = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["subtitle_file", "cue", "rule", "pk"]

    def __str__(self) -> str:
        return f"{self.rule} #{self.cue}"


class RgaaStatus(models.TextChoices):
    MET = "met", _("Met")
    NOT_MET = "not_met", _("Not met")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class RgaaAnswer(models.Model):
    """A human answer to an RGAA 4.1 theme-4 criterion for one web deliverable."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="rgaa_answers"
    )
    deliverable = models.ForeignKey(
        "delivery.Deliverable", on_delete=models.CASCADE, related_name="rgaa_answers"
    )
    criterion = models.CharField(max_length=8)
    status = models.CharField(_("answer"), max_length=20, choices=RgaaStatus.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["deliverable", "criterion"]
        constraints = [
            models.UniqueConstraint(
                fields=["deliverable", "criterion"], name="accessibility_one_answer_per_criterion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.status}"
