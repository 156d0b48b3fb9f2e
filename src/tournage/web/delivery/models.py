"""Deliverables of a production and the QC runs of their masters."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tournage.delivery.profiles import get_profile, profile_names


def profile_choices() -> list[tuple[str, str]]:
    return [(name, get_profile(name).label) for name in profile_names()]


class DeliverableKind(models.TextChoices):
    BROADCAST = "broadcast", _("Broadcast master (PAD)")
    FESTIVAL = "festival", _("Festival / cinema DCP")
    WEB = "web", _("Web master")
    TRAILER = "trailer", _("Trailer")
    PODCAST = "podcast", _("Podcast / audio")
    OTHER = "other", _("Other")


class Deliverable(models.Model):
    """A master the production owes a channel, checked against a delivery profile."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="deliverables"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=DeliverableKind.choices)
    channel = models.CharField(_("channel"), max_length=40, blank=True)
    profile = models.CharField(_("QC profile"), max_length=40, choices=profile_choices)
    target_duration_s = models.FloatField(
        _("duration asked (seconds)"),
        null=True,
        blank=True,
        help_text=_("From the production's specification; leave empty if none."),
    )
    duration_tolerance_s = models.FloatField(_("accepted duration gap (seconds)"), default=0.0)
    tracks = models.CharField(
        _("programme audio tracks"),
        max_length=40,
        blank=True,
        help_text=_("Tracks measured together, e.g. 1,2. Empty: automatic."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("deliverable")

    def __str__(self) -> str:
        return self.name

    def channel_label(self) -> str:
        """The production channel this deliverable was made from, in the user's language."""
        from tournage.web.productions.models import Channel

        return str(dict(Channel.choices).get(self.channel, self.channel))

    def track_list(self) -> list[int] | None:
        return [int(t) for t in self.tracks.split(",") if t.strip()] or None

    def latest_run(self) -> QCRun | None:
        return self.qc_runs.order_by("-created_at", "-pk").first()


class QCStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    ERROR = "error", _("Error")


class QCRun(models.Model):
    """One QC pass over a stored master; the master file is only ever read."""

    deliverable = models.ForeignKey(Deliverable, on_delete=models.CASCADE, related_name="qc_runs")
    created_at = models.DateTimeField(auto_now_add=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    media = models.FileField(_("master"), upload_to="delivery/masters/", blank=True)
    source_path = models.CharField(
        _("path on the server"),
        max_length=500,
        blank=True,
        help_text=_("Set instead of an upload for a master read in place from the QC inbox."),
    )
    source_name = models.CharField(_("file name"), max_length=255)
    size_bytes = models.BigIntegerField(default=0)
    status = models.CharField(max_length=10, choices=QCStatus.choices, default=QCStatus.QUEUED)
    progress = models.FloatField(default=0.0)
    verdict = models.CharField(max_length=10, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    report = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)
    task_id = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("QC run")

    def __str__(self) -> str:
        return f"{self.deliverable} — {self.source_name}"

    def master_path(self) -> Path:
        return Path(self.media.path) if self.media else Path(self.source_path)


class Finding(models.Model):
    """A check of a QC run that is not a plain pass, kept for the dashboard and history."""

    qc_run = models.ForeignKey(QCRun, on_delete=models.CASCADE, related_name="findings")
    check_id = models.CharField(max_length=40)
    status = models.CharField(max_length=10)
    message = models.TextField()
    measured = models.JSONField(null=True, blank=True)
    expected = models.JSONField(null=True, blank=True)
    events = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["qc_run", "pk"]

    def __str__(self) -> str:
        return f"{self.check_id}: {self.status}"
