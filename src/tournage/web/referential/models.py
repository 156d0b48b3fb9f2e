"""Human judgements on the framework's rows and the daily snapshots of the evaluation.

The checks themselves are not stored: they are evaluated on the production's live data
each time. A snapshot keeps one day's counts and each check's status, for the history.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords


class Verdict(models.TextChoices):
    MET = "met", pgettext_lazy("judgement", "Met")
    NOT_MET = "not_met", pgettext_lazy("judgement", "Not met")
    TO_REVIEW = "to_review", pgettext_lazy("judgement", "To review")


class Judgement(models.Model):
    """An authorised member's judgement on one ``human_judgement`` item of a row."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="referential_judgements"
    )
    row = models.CharField(_("framework row"), max_length=60)
    item = models.PositiveSmallIntegerField(_("item"))
    text = models.CharField(_("item text"), max_length=300)
    verdict = models.CharField(_("judgement"), max_length=10, choices=Verdict.choices)
    comment = models.TextField(_("comment"), blank=True)
    decided_on = models.DateField(_("date"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["production", "row", "item"]
        constraints = [
            models.UniqueConstraint(
                fields=["production", "row", "item"], name="referential_one_judgement_per_item"
            )
        ]

    def __str__(self) -> str:
        return f"{self.row} #{self.item}: {self.verdict}"


class Snapshot(models.Model):
    """The evaluation of one day (the last run of that day wins)."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="referential_snapshots"
    )
    taken_on = models.DateField(_("date"))
    taken_at = models.DateTimeField(_("time"))
    counts = models.JSONField(_("counts per status"), default=dict)
    statuses = models.JSONField(_("status of each check"), default=dict)

    class Meta:
        ordering = ["production", "taken_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["production", "taken_on"], name="referential_one_snapshot_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.production} {self.taken_on}"
