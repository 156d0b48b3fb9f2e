"""Schedule versions (plan de travail), shooting days, scene assignments, availability.

A ``Schedule`` keeps the problem it was computed from (JSON snapshot), so every version
can be re-evaluated and exported whatever happens to the script later. Schedules, days
and assignments are audited.

Strips are never moved on an accepted or proposed version: the first move opens a *draft*
(a copy, ``based_on`` that version's number) that keeps its own moves for undo and redo;
accepting the draft makes it the current version.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ScheduleStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PROPOSED = "proposed", _("proposed")
    CURRENT = "current", _("current")
    ARCHIVED = "archived", _("archived")


class ScheduleOrigin(models.TextChoices):
    SOLVER = "solver", _("optimiser")
    REPLAN = "replan", _("re-planning")
    MANUAL = "manual", _("manual")


class Schedule(models.Model):
    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="schedules"
    )
    number = models.PositiveIntegerField(_("version"))
    label = models.CharField(_("label"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ScheduleStatus.choices, default=ScheduleStatus.PROPOSED
    )
    origin = models.CharField(_("origin"), max_length=10, choices=ScheduleOrigin.choices)
    solver_status = models.CharField(_("solver status"), max_length=20, blank=True)
    objective = models.DecimalField(
        _("cost (EUR)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    bound = models.DecimalField(
        _("proven lower bound (EUR)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    seconds = models.FloatField(_("solve time (s)"), null=True, blank=True)
    terms = models.JSONField(_("cost terms"), default=dict, blank=True)
    findings = models.JSONField(_("rule findings"), default=list, blank=True)
    conflicts = models.JSONField(_("conflicts"), default=list, blank=True)
    problem = models.JSONField(_("problem"), default=dict, blank=True)
    based_on = models.PositiveIntegerField(_("drafted from version"), null=True, blank=True)
    # a draft's moves, oldest first: {"scene", "from", "to"} (ISO dates, null: unscheduled);
    # the last ``undone`` of them are undone and can be redone
    edits = models.JSONField(_("moves"), default=list, blank=True)
    undone = models.PositiveIntegerField(_("moves undone"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["production", "-number"]
        verbose_name = _("schedule")
        constraints = [
            models.UniqueConstraint(fields=["production", "number"], name="one_schedule_number")
        ]

    def __str__(self) -> str:
        name = f"{_('Schedule')} v{self.number}" + (f" — {self.label}" if self.label else "")
        return f"{name} ({_('draft')})" if self.is_draft else name

    @property
    def is_draft(self) -> bool:
        return self.status == ScheduleStatus.DRAFT

    @property
    def can_undo(self) -> bool:
        return len(self.edits) > self.undone

    @property
    def can_redo(self) -> bool:
        return self.undone > 0

    @property
    def gap_percent(self) -> float | None:
        if self.objective is None or self.bound is None or not self.objective:
            return None
        return round(float((self.objective - self.bound) / self.objective) * 100, 1)


class ShootingDay(models.Model):
    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="days")
    number = models.PositiveIntegerField(_("day"))
    date = models.DateField(_("date"))
    call_time = models.TimeField(_("call"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["schedule", "date"]
        verbose_name = _("shooting day")

    def __str__(self) -> str:
        return f"J{self.number} {self.date}"


class SceneAssignment(models.Model):
    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="assignments")
    day = models.ForeignKey(
        ShootingDay, on_delete=models.SET_NULL, null=True, blank=True, related_name="assignments"
    )
    scene_key = models.CharField(_("scene"), max_length=20)
    position = models.PositiveIntegerField(_("order"), default=0)
    locked = models.BooleanField(_("locked"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["schedule", "day__date", "position"]
        verbose_name = _("scene assignment")

    def __str__(self) -> str:
        return f"{self.scene_key} → {self.day}"


class Unavailability(models.Model):
    """A date a cast member cannot shoot (other engagement, travel, illness...)."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="cast_unavailability"
    )
    person = models.ForeignKey(
        "productions.Person",
        on_delete=models.CASCADE,
        related_name="unavailability",
        verbose_name=_("person"),
    )
    date = models.DateField(_("date"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["production", "date"]
        verbose_name = _("unavailability")

    def __str__(self) -> str:
        return f"{self.person} {self.date}"


class AvailabilityConfirmation(models.Model):
    """The person's availability was collected for the shoot, even with no unavailable date."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="availability_confirmed"
    )
    person = models.ForeignKey(
        "productions.Person",
        on_delete=models.CASCADE,
        related_name="availability_confirmed",
        verbose_name=_("person"),
    )
    confirmed_on = models.DateField(_("collected on"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["production", "person"]
        verbose_name = _("availability collected")
        constraints = [
            models.UniqueConstraint(
                fields=["production", "person"], name="one_availability_confirmation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.confirmed_on}"


class PlanSettings(models.Model):
    """What the script does not say and the optimiser needs: the units (a second unit and
    its crew day cost), the split call, weather cover, and each scene's unit and cover flag.
    Read by every optimisation; a version keeps the settings it was computed with."""

    production = models.OneToOneField(
        "productions.Production", on_delete=models.CASCADE, related_name="plan_settings"
    )
    main_unit_name = models.CharField(_("main unit"), max_length=100)
    main_day_cost = models.PositiveIntegerField(
        _("main unit's crew day (EUR)"),
        null=True,
        blank=True,
        help_text=_("Empty: the shooting-day weight of the settings."),
    )
    second_unit_name = models.CharField(
        _("second unit"), max_length=100, blank=True, help_text=_("Empty: no second unit.")
    )
    second_day_cost = models.PositiveIntegerField(
        _("second unit's crew day (EUR)"),
        null=True,
        blank=True,
        help_text=_("Paid per shooting day of the second unit."),
    )
    split_call = models.TimeField(
        _("split call"),
        null=True,
        blank=True,
        help_text=_("Call of a day that goes from day into night scenes; empty: no split day."),
    )
    weather_cover = models.BooleanField(
        _("keep weather cover"),
        default=False,
        help_text=_("Keep an interior cover scene available on each exterior day."),
    )
    second_unit_scenes = models.JSONField(_("scenes of the second unit"), default=list, blank=True)
    cover_scenes = models.JSONField(_("weather-cover scenes"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plan settings")

    def __str__(self) -> str:
        return str(_("Plan settings"))
