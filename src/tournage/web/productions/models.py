"""Productions, the people who work on them and where they shoot."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser


class Role(models.TextChoices):
    PRODUCER = "producer", _("Producer")
    PRODUCTION_MANAGER = "production_manager", _("Production manager")
    ACCOUNTANT = "accountant", _("Accountant")
    ECO_REFERENT = "eco_referent", _("Eco-production referent")
    CREW = "crew", _("Crew (read only)")


READ_ONLY_ROLES = frozenset({Role.CREW})


class Format(models.TextChoices):
    FEATURE = "feature", _("Feature film")
    SHORT = "short", _("Short film")
    SERIES_EPISODE = "series_episode", _("Series episode")
    DOCUMENTARY = "documentary", _("Documentary")
    WEB = "web", _("Web film")
    CORPORATE = "corporate", _("Corporate film")


class Phase(models.TextChoices):
    DEVELOP = "develop", _("Develop")
    PREPARE = "prepare", _("Prepare & shoot")
    LEAD = "lead", _("Lead the teams")
    POST = "post", _("Post-produce & close")


class Channel(models.TextChoices):
    """Target channels, keyed by the delivery profile ids of the shipped data."""

    FR_PAD_HD_FILE = "fr_pad_hd_file", _("French TV broadcast (PAD HD file)")
    FR_PAD_ARTE = "fr_pad_arte", _("ARTE broadcast (PAD)")
    DCP_CINEMA = "dcp_cinema", _("Cinema / festival DCP")
    NETFLIX_IMF = "netflix_imf_delivery", _("Netflix IMF delivery")
    YOUTUBE = "youtube_upload", _("Web (YouTube upload)")
    SOCIAL_VERTICAL = "social_vertical_9x16", _("Social networks (vertical 9:16)")
    PODCAST = "podcast_audio", _("Podcast (audio)")


class ProductionQuerySet(models.QuerySet["Production"]):
    def for_user(self, user: AbstractBaseUser | AnonymousUser) -> ProductionQuerySet:
        """The productions ``user`` is a member of: the only ones they may see."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user_id=user.pk).distinct()


class Production(models.Model):
    title = models.CharField(_("title"), max_length=200)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices)
    genre = models.CharField(_("genre"), max_length=100, blank=True)
    logline = models.TextField(_("logline"), blank=True)
    target_duration_minutes = models.PositiveIntegerField(
        _("target duration (minutes)"), null=True, blank=True
    )
    country = models.CharField(_("country"), max_length=2, default="FR")
    budget_envelope = models.DecimalField(
        _("budget envelope"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    channels = models.JSONField(_("target channels"), default=list, blank=True)
    phase = models.CharField(
        _("phase"), max_length=10, choices=Phase.choices, default=Phase.DEVELOP
    )
    shoot_start = models.DateField(_("first shooting day"), null=True, blank=True)
    pace_pages_per_day = models.DecimalField(
        _("pace (pages per day)"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    demo_key = models.CharField(max_length=50, blank=True, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = ProductionQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("production")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("productions:dashboard", kwargs={"production_id": self.pk})

    def channel_labels(self) -> list[str]:
        labels = dict(Channel.choices)
        return [str(labels.get(code, code)) for code in self.channels]


class Membership(models.Model):
    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    person = models.ForeignKey(
        "Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("person in the team"),
        help_text=_("Who this member is in the team: a crew member sees their own contract."),
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["production", "user"], name="one_membership_per_user")
        ]
        ordering = ["production", "user__username"]
        verbose_name = _("membership")

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} ({self.production})"

    @property
    def can_write(self) -> bool:
        return self.role not in READ_ONLY_ROLES


class PersonKind(models.TextChoices):
    CAST = "cast", _("Cast")
    CREW = "crew", _("Crew")
    CONTACT = "contact", _("Contact")


class Person(models.Model):
    """Someone the production works with. Sensitive data is kept out of this table."""

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="people")
    key = models.SlugField(max_length=80, blank=True, help_text=_("Stable identifier."))
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=PersonKind.choices)
    functions = models.CharField(
        _("functions"), max_length=300, blank=True, help_text=_("Comma separated.")
    )
    character = models.CharField(_("character played"), max_length=100, blank=True)
    birth_date = models.DateField(
        _("birth date"), null=True, blank=True, help_text=_("Needed for minors only.")
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    home_city = models.CharField(_("home city"), max_length=100, blank=True)
    home_latitude = models.FloatField(_("home latitude"), null=True, blank=True)
    home_longitude = models.FloatField(_("home longitude"), null=True, blank=True)
    daily_rate = models.DecimalField(
        _("daily rate (gross)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def function_list(self) -> list[str]:
        return [f.strip() for f in self.functions.split(",") if f.strip()]


class LocationKind(models.TextChoices):
    INTERIOR = "interior", _("Interior")
    EXTERIOR = "exterior", _("Exterior")
    MIXED = "mixed", _("Interior and exterior")


class PowerSource(models.TextChoices):
    GRID = "grid", _("Mains grid")
    GENERATOR = "generator", _("Diesel generator")
    BATTERY = "battery", _("Battery")
    NONE = "none", _("No power needed")


class Location(models.Model):
    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="locations")
    key = models.SlugField(max_length=80, blank=True)
    name = models.CharField(_("name"), max_length=200)
    sets = models.JSONField(_("sets shot here"), default=list, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=LocationKind.choices, blank=True)
    power_source = models.CharField(
        _("power source"), max_length=10, choices=PowerSource.choices, default=PowerSource.GRID
    )
    available_from = models.DateField(_("available from"), null=True, blank=True)
    available_to = models.DateField(_("available to"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("location")

    def __str__(self) -> str:
        return self.name


class ArchiveExport(models.Model):
    """An export of the whole production, written by a background task (media can be large)."""

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="exports")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    task_id = models.CharField(max_length=100, blank=True)
    file = models.FileField(upload_to="exports/", blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.production} — {self.requested_at:%Y-%m-%d %H:%M}"

    @property
    def is_ready(self) -> bool:
        return bool(self.file)


class WorkerHeartbeat(models.Model):
    """A task worker's lease, renewed while it lives (``task_recovery``)."""

    worker_id = models.CharField(max_length=64, unique=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.host}:{self.pid})"
