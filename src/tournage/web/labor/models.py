"""Teams: CDDU contracts, timesheets, risks, incidents, accessibility of locations."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tournage.labor.agreements import BASES, GENRES, agreements, default_agreement


# Choices read from the agreements' data when a form needs them, not frozen into migrations.
def agreement_choices() -> list[tuple[int, str]]:
    return [(idcc, f"IDCC {idcc}") for idcc in agreements()]


def genre_choices() -> list[tuple[str, str]]:
    return [(genre, genre) for genre in GENRES]


def basis_choices() -> list[tuple[str, str]]:
    return list(BASES.items())


class ContractStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent")
    SIGNED = "signed", _("Signed")
    ENDED = "ended", _("Ended")


class TeamSettings(models.Model):
    """Employer identity and the shoot's safety contacts (one row per production)."""

    production = models.OneToOneField(
        "productions.Production", on_delete=models.CASCADE, related_name="team_settings"
    )
    employer_name = models.CharField(_("employer name"), max_length=200)
    employer_address = models.CharField(_("employer address"), max_length=300, blank=True)
    employer_siret = models.CharField(_("SIRET"), max_length=20, blank=True)
    idcc = models.PositiveIntegerField(
        _("collective agreement"), choices=agreement_choices, default=default_agreement
    )
    genre = models.CharField(_("programme genre"), max_length=20, blank=True, choices=genre_choices)
    safety_referent = models.CharField(_("safety referent"), max_length=200, blank=True)
    harassment_referent = models.CharField(
        _("harassment (VHSS) referent"), max_length=200, blank=True
    )
    occupational_health = models.CharField(
        _("occupational health service"), max_length=200, blank=True, default="Thalie Santé (CMB)"
    )

    def __str__(self) -> str:
        return self.employer_name


class Contract(models.Model):
    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="labor_contracts"
    )
    person = models.ForeignKey(
        "productions.Person", on_delete=models.CASCADE, related_name="labor_contracts"
    )
    idcc = models.PositiveIntegerField(
        _("collective agreement"), choices=agreement_choices, default=default_agreement
    )
    function = models.CharField(_("function (as named in the agreement)"), max_length=200)
    genre = models.CharField(_("programme genre"), max_length=20, blank=True, choices=genre_choices)
    programme = models.CharField(_("object of the contract"), max_length=300)
    numero_objet = models.CharField(_("object number (France Travail)"), max_length=50, blank=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    working_days = models.JSONField(_("working days"), default=list, blank=True)
    pay_amount = models.DecimalField(_("gross pay"), max_digits=10, decimal_places=2)
    pay_basis = models.CharField(
        _("pay basis"), max_length=20, choices=basis_choices, default="weekly_35h"
    )
    hourly_rate = models.DecimalField(
        _("hourly rate for increases"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    workplace = models.CharField(_("place of work"), max_length=300)
    reference_hours = models.CharField(
        _("reference working time"), max_length=100, default="35 heures par semaine"
    )
    cadre = models.BooleanField(_("executive status (cadre)"), default=False)
    trial_days = models.PositiveSmallIntegerField(_("trial period (days)"), default=0)
    conges_spectacles_number = models.CharField(
        _("Congés Spectacles number"), max_length=50, blank=True
    )
    delivered_on = models.DateField(_("handed to the employee on"), null=True, blank=True)
    minor_authorisation = models.CharField(
        _("prefect's authorisation (minors under 16)"), max_length=200, blank=True
    )
    # nullable (read as ""): SQLite adds them to stored contracts without a table rebuild
    minor_guardian = models.CharField(  # noqa: DJ001
        _("legal guardian or chaperone on set (minors)"), max_length=200, null=True, blank=True
    )
    minor_schooling = models.CharField(  # noqa: DJ001
        _("school or tutoring arrangements (minors)"), max_length=300, null=True, blank=True
    )
    rights_remuneration = models.JSONField(
        _("neighbouring-rights pay per exploitation mode"), default=dict, blank=True
    )
    author_share_percent = models.DecimalField(
        _("author's share of receipts (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    reduced_rest_allowed = models.BooleanField(
        _("lodged on site within 50 km (reduced daily rest allowed)"), default=False
    )
    weekly_derogation_hours = models.PositiveSmallIntegerField(
        _("weekly maximum derogation (hours)"), null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ContractStatus.choices, default=ContractStatus.DRAFT
    )
    signed_file = models.FileField(_("signed contract"), upload_to="labor/contracts/", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["start", "person__last_name"]
        verbose_name = _("contract")

    def __str__(self) -> str:
        return f"{self.person} — {self.function}"


class TimesheetKind(models.TextChoices):
    PLANNED = "planned", _("Planned (schedule)")
    ACTUAL = "actual", _("Actual")


class Timesheet(models.Model):
    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="labor_timesheets"
    )
    person = models.ForeignKey(
        "productions.Person", on_delete=models.CASCADE, related_name="labor_timesheets"
    )
    start = models.DateTimeField(_("call"))
    end = models.DateTimeField(_("wrap"))
    location = models.ForeignKey(
        "productions.Location",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="labor_timesheets",
        verbose_name=_("location"),
    )
    break_minutes = models.PositiveSmallIntegerField(_("breaks (minutes)"), default=60)
    school_holiday = models.BooleanField(_("school holidays (child performers)"), default=False)
    kind = models.CharField(
        _("kind"), max_length=10, choices=TimesheetKind.choices, default=TimesheetKind.ACTUAL
    )
    # The document that wrote this row (« rapport de production du … »); empty when typed
    # here. Nullable so that adding it never rebuilds a populated table.
    origin = models.CharField(_("from"), max_length=100, null=True, blank=True)  # noqa: DJ001
    history = HistoricalRecords()

    class Meta:
        ordering = ["start"]
        verbose_name = _("timesheet")

    def __str__(self) -> str:
        return f"{self.person} {self.start:%Y-%m-%d %H:%M}"


class RiskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    MITIGATED = "mitigated", _("Measures in place")
    CLOSED = "closed", _("Closed")


class Risk(models.Model):
    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="labor_risks"
    )
    scene = models.CharField(_("scene"), max_length=50)
    day = models.DateField(_("shooting day"), null=True, blank=True)
    code = models.CharField(_("risk code"), max_length=50)
    label = models.CharField(_("risk"), max_length=200)
    evidence = models.CharField(_("evidence"), max_length=300, blank=True)
    measures = models.TextField(_("prevention measures"), blank=True)
    owner = models.CharField(_("owner"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RiskStatus.choices, default=RiskStatus.OPEN
    )

    class Meta:
        ordering = ["day", "scene", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["production", "scene", "code"], name="one_risk_per_scene"
            )
        ]

    def __str__(self) -> str:
        return f"{self.scene} — {self.label}"


class LocationAccess(models.Model):
    """Accessibility checklist of a location (``None`` = not checked yet)."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="labor_location_access"
    )
    location = models.OneToOneField(
        "productions.Location", on_delete=models.CASCADE, related_name="access_checklist"
    )
    step_free_access = models.BooleanField(_("step-free access"), null=True, blank=True)
    accessible_toilets = models.BooleanField(_("accessible toilets"), null=True, blank=True)
    accessible_parking = models.BooleanField(_("reserved parking nearby"), null=True, blank=True)
    public_transport_m = models.PositiveIntegerField(
        _("distance to public transport (m)"), null=True, blank=True
    )

    def __str__(self) -> str:
        return str(self.location)

    def checklist(self) -> dict[str, object]:
        return {
            name: getattr(self, name)
            for name in (
                "step_free_access",
                "accessible_toilets",
                "accessible_parking",
                "public_transport_m",
            )
        }


class AccommodationNeed(models.Model):
    """A person's declared needs: stored only with consent, seen by producer and PM only."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="labor_needs"
    )
    person = models.OneToOneField(
        "productions.Person", on_delete=models.CASCADE, related_name="accommodation_need"
    )
    needs = models.JSONField(_("needs"), default=list)
    consent = models.BooleanField(_("the person consented to this record"), default=False)
    consent_on = models.DateField(_("consent date"), null=True, blank=True)

    def __str__(self) -> str:
        return str(self.person)


class InclusionDeclaration(models.Model):
    """One anonymous, opt-in answer to the team questionnaire (no link to a person)."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="labor_inclusion"
    )
    department = models.CharField(_("department"), max_length=100)
    gender = models.CharField(
        _("gender"),
        max_length=1,
        blank=True,
        choices=[("f", _("Woman")), ("m", _("Man")), ("x", _("Other or not said"))],
    )
    first_job = models.BooleanField(_("first job in the industry"), null=True, blank=True)
    disability = models.BooleanField(_("declared disability (OETH)"), null=True, blank=True)
    opted_in = models.BooleanField(_("the person agreed to be counted"), default=False)

    def __str__(self) -> str:
        return self.department
