"""The health, safety and inclusion file: DUER ratings, briefings, location checklists,
incidents and accidents, inclusion facts, heads of department (CNC form)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tournage.safety.rules import DUER, PARITY


# Choices read from the data when a form needs them, not frozen into migrations.
def severity_choices() -> list[tuple[int, str]]:
    return [
        (level.value, f"{level.value} — {level.label}") for level in DUER.load().scales.severity
    ]


def likelihood_choices() -> list[tuple[int, str]]:
    scales = DUER.load().scales
    return [(level.value, f"{level.value} — {level.label}") for level in scales.likelihood]


def post_choices() -> list[tuple[str, str]]:
    return [(post.id, post.label) for post in PARITY.load().parity_bonus.grid]


def kind_choices() -> list[tuple[str, str]]:
    return [(kind, kind) for kind in PARITY.load().parity_bonus.totals]


class SafetyFile(models.Model):
    """The production's DUER date and the employer's inclusion facts (one row)."""

    production = models.OneToOneField(
        "productions.Production", on_delete=models.CASCADE, related_name="safety_file"
    )
    duer_established = models.DateField(_("DUER established on"), null=True, blank=True)
    company_headcount = models.PositiveIntegerField(
        _("company headcount (as counted for the disability obligation)"), null=True, blank=True
    )
    oeth_beneficiaries = models.DecimalField(
        _("disabled-worker units employed (OETH)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
    )
    disability_referent = models.ForeignKey(
        "productions.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("disability referent"),
    )
    work_kind = models.CharField(
        _("kind of work (parity grid)"), max_length=30, choices=kind_choices, default="fiction"
    )

    def __str__(self) -> str:
        return str(self.production)


class Hazard(models.Model):
    """A DUER line: a risk of the teams' register (``scene`` and ``code``) or a general
    hazard; the register's measures and owner are read from there, never typed twice."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="safety_hazards"
    )
    scene = models.CharField(_("scene"), max_length=50, blank=True)
    code = models.CharField(_("risk code"), max_length=50, blank=True)
    label = models.CharField(_("hazard"), max_length=200)
    severity = models.PositiveSmallIntegerField(
        _("severity"), choices=severity_choices, null=True, blank=True
    )
    likelihood = models.PositiveSmallIntegerField(
        _("likelihood"), choices=likelihood_choices, null=True, blank=True
    )
    measures = models.TextField(_("prevention measures"), blank=True)
    owner = models.CharField(_("owner"), max_length=200, blank=True)
    due = models.DateField(_("measures in place by"), null=True, blank=True)
    done = models.DateField(_("measures in place on"), null=True, blank=True)

    class Meta:
        ordering = ["scene", "code", "label"]

    def __str__(self) -> str:
        return f"{self.scene} — {self.label}" if self.scene else self.label


class Briefing(models.Model):
    """A safety briefing held before a risky scene: when, by whom, who attended."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="safety_briefings"
    )
    scene = models.CharField(_("scene"), max_length=50)
    held_at = models.DateTimeField(_("held at"))
    given_by = models.CharField(_("given by"), max_length=200)
    attendees = models.ManyToManyField(
        "productions.Person", blank=True, related_name="+", verbose_name=_("attendees")
    )
    notes = models.TextField(_("points covered"), blank=True)

    class Meta:
        ordering = ["scene", "-held_at"]

    def __str__(self) -> str:
        return f"{self.scene} {self.held_at:%Y-%m-%d}"


class LocationCheck(models.Model):
    """The checklist of a location: answers per item of the data (``None`` = not checked);
    the items the teams app records are read from its accessibility record."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="safety_location_checks"
    )
    location = models.OneToOneField(
        "productions.Location", on_delete=models.CASCADE, related_name="safety_checklist"
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    checked_on = models.DateField(_("checked on"), null=True, blank=True)
    checked_by = models.CharField(_("checked by"), max_length=200, blank=True)

    def __str__(self) -> str:
        return str(self.location)


class Incident(models.Model):
    """An incident or a work accident on the shoot, until it is closed (and declared)."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="safety_incidents"
    )
    occurred_at = models.DateTimeField(_("occurred at"))
    location = models.ForeignKey(
        "productions.Location",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("location"),
    )
    description = models.TextField(_("what happened"))
    accident = models.BooleanField(_("work accident (to be declared)"), default=False)
    victim = models.ForeignKey(
        "productions.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("injured person"),
    )
    known_at = models.DateTimeField(_("employer informed at"), null=True, blank=True)
    declared_at = models.DateTimeField(_("declared to the CPAM at"), null=True, blank=True)
    action = models.TextField(_("action taken"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        ordering = ["occurred_at"]

    def __str__(self) -> str:
        return f"{timezone.localtime(self.occurred_at):%Y-%m-%d} {self.description[:40]}"


class HeadOfDepartment(models.Model):
    """Who holds a post of the CNC parity grid (the one record of the chefs de poste: the
    cahier des charges reads it), or by when one will be hired, and their sex as the CNC
    form asks it."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="safety_heads"
    )
    post = models.CharField(_("post"), max_length=40, choices=post_choices)
    person = models.ForeignKey(
        "productions.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person"),
    )
    name = models.CharField(
        _("name (when not in the production's people)"), max_length=200, blank=True
    )
    sex = models.CharField(
        _("sex (CNC form)"),
        max_length=1,
        blank=True,
        choices=[("f", _("Woman")), ("m", _("Man"))],
    )
    planned_by = models.DateField(_("to be hired by"), null=True, blank=True)

    class Meta:
        ordering = ["post"]
        constraints = [
            models.UniqueConstraint(fields=["production", "post"], name="safety_one_head_per_post")
        ]

    def __str__(self) -> str:
        return f"{self.get_post_display()} — {self.holder}"

    @property
    def holder(self) -> str:
        return str(self.person) if self.person else self.name
