"""Carbon data of a production: plan settings, activities entered or imported, scenarios.

The footprints themselves are not stored: they are recomputed by the core
(``tournage.carbon``) from these rows, the people and the locations, so a change of
plan shows at once; each line records the factor vintage it used.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tournage.carbon.activities import PHASES


class Phase(models.TextChoices):
    FORECAST = "forecast", _("Forecast")
    ACTUAL = "actual", _("Actual (final)")


assert tuple(Phase.values) == PHASES


class PowerSource(models.TextChoices):
    SAME = "", _("As the location says")
    GRID = "grid", _("Mains grid")
    GENERATOR = "generator", _("Diesel generator")
    GENERATOR_HVO = "generator_hvo", _("HVO generator")
    BATTERY = "battery", _("Battery")
    NONE = "none", _("No power needed")


class TravelMode(models.TextChoices):
    AUTO = "", _("Chosen by distance")
    CAR = "car", _("Car")
    CAR_ELECTRIC = "car_electric", _("Electric car")
    TRAIN = "train", _("High-speed train")
    TRAIN_REGIONAL = "train_regional", _("Regional train")
    COACH = "coach", _("Coach")
    PLANE = "plane", _("Plane")
    EBIKE = "ebike", _("E-bike")


class CarbonProfile(models.Model):
    """Plan inputs that belong to no person or location (one per production)."""

    production = models.OneToOneField(
        "productions.Production", on_delete=models.CASCADE, related_name="carbon_profile"
    )
    vehicles = models.JSONField(_("technical vehicles"), default=list, blank=True)
    menu = models.JSONField(_("menu mix"), default=dict, blank=True)
    extra_meals_per_day = models.DecimalField(
        _("extra meals per day"), max_digits=8, decimal_places=2, default=0
    )
    post_production = models.JSONField(_("post-production"), default=dict, blank=True)
    distribution = models.JSONField(_("distribution"), default=dict, blank=True)
    options = models.JSONField(_("options"), default=dict, blank=True)
    overrides = models.JSONField(_("overrides"), default=dict, blank=True)
    checklist = models.JSONField(_("eco-production checklist"), default=dict, blank=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.production}"


class LocationEnergy(models.Model):
    """How many days are shot at a location and what it consumes per day."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="carbon_locations"
    )
    location = models.ForeignKey(
        "productions.Location", on_delete=models.CASCADE, related_name="carbon_energy"
    )
    shooting_days = models.PositiveIntegerField(_("shooting days"), default=0)
    power_source = models.CharField(
        _("power source"), max_length=20, choices=PowerSource.choices, blank=True
    )
    energy_kwh_per_day = models.DecimalField(
        _("energy per day (kWh)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    fuel_l_per_day = models.DecimalField(
        _("generator fuel per day (L)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["production", "location"], name="carbon_one_energy_per_location"
            )
        ]

    def __str__(self) -> str:
        return f"{self.location}"


class PersonTravel(models.Model):
    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="carbon_travel"
    )
    person = models.ForeignKey(
        "productions.Person", on_delete=models.CASCADE, related_name="carbon_travel"
    )
    mode = models.CharField(_("travel mode"), max_length=20, choices=TravelMode.choices, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["production", "person"], name="carbon_one_mode_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.mode or 'auto'}"


class CarbonActivity(models.Model):
    """A quantity entered or imported against an emission factor of the shipped table."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="carbon_activities"
    )
    phase = models.CharField(_("phase"), max_length=10, choices=Phase.choices, default=Phase.ACTUAL)
    factor = models.CharField(_("emission factor"), max_length=80)
    quantity = models.DecimalField(_("quantity"), max_digits=16, decimal_places=4)
    unit = models.CharField(_("unit"), max_length=20)
    category = models.CharField(_("category"), max_length=40, blank=True)
    section = models.CharField(_("Carbon'Clap section"), max_length=40, blank=True)
    label = models.CharField(_("label"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)
    evidence = models.FileField(_("evidence"), upload_to="carbon/evidence/", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["phase", "pk"]
        verbose_name = _("carbon activity")
        verbose_name_plural = _("carbon activities")

    def __str__(self) -> str:
        return f"{self.label or self.factor}: {self.quantity} {self.unit}"


class Scenario(models.Model):
    """Reduction levers applied to a copy of the forecast."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="carbon_scenarios"
    )
    name = models.CharField(_("name"), max_length=200)
    levers = models.JSONField(_("levers"), default=dict)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name
