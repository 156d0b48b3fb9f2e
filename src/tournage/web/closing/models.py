"""Delivery register, marketing set and closing file of a production.

Delivered files and acceptance certificates are stored as uploaded and only ever read:
their SHA-256 is computed while they are stored, before anything else is saved.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tournage.closing.rules import marketing_kinds, rules
from tournage.closing.signage import category_choices


def kind_choices() -> list[tuple[str, str]]:
    return [(key, kind.label_fr) for key, kind in rules().element_kinds.items()]


def destination_choices() -> list[tuple[str, str]]:
    return [(key, d.label_fr) for key, d in rules().destinations.items()]


def marketing_choices() -> list[tuple[str, str]]:
    labels = dict(kind_choices())
    return [(key, labels[key]) for key in marketing_kinds()]


class Language(models.TextChoices):
    NONE = "", _("—")
    FR = "fr", _("French")
    EN = "en", _("English")


class Destination(models.Model):
    """A broadcaster, platform, distributor, sales agent, festival or archive the production
    delivers to."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="closing_destinations"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=destination_choices)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("destination")

    def __str__(self) -> str:
        return self.name


class RegisterItem(models.Model):
    """An element owed to a destination: due date, file delivered, acceptance."""

    destination = models.ForeignKey(Destination, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("element"), max_length=30, choices=kind_choices)
    label = models.CharField(_("label"), max_length=200)
    due = models.DateField(_("due date"), null=True, blank=True)
    deliverable = models.ForeignKey(
        "delivery.Deliverable",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("deliverable (QC)"),
    )
    delivered_file = models.FileField(
        _("file delivered"), upload_to="closing/delivered/", blank=True
    )
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    file_sha256 = models.CharField(_("SHA-256 of the file delivered"), max_length=64, blank=True)
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)
    acceptance_file = models.FileField(
        _("acceptance certificate"), upload_to="closing/acceptance/", blank=True
    )
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    acceptance_duration_s = models.FloatField(
        _("duration on the certificate (seconds)"), null=True, blank=True
    )
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["destination", "due", "pk"]
        verbose_name = _("register item")

    def __str__(self) -> str:
        return self.label


class MarketingPiece(models.Model):
    """A piece of the marketing set: trailer, key art, stills, press kit, EPK, synopsis…"""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="closing_marketing"
    )
    kind = models.CharField(_("piece"), max_length=30, choices=marketing_choices)
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, blank=True, default=""
    )
    text = models.TextField(_("text"), blank=True)
    file = models.FileField(_("file"), upload_to="closing/marketing/", blank=True)
    deliverable = models.ForeignKey(
        "delivery.Deliverable",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("deliverable (QC)"),
    )
    rating_signage = models.CharField(
        _("age-rating signage"),
        max_length=100,
        blank=True,
        choices=category_choices,
        help_text=_("The youth-protection category the trailer or teaser shows (blank: none)."),
    )

    class Meta:
        ordering = ["kind", "language", "pk"]
        verbose_name = _("marketing piece")

    def __str__(self) -> str:
        return self.title


class ClosingFile(models.Model):
    """The closing file: what only closing knows (dates, frozen figures, certificate,
    explanations); the rest is read from the other apps when the report is built."""

    production = models.OneToOneField(
        "productions.Production", on_delete=models.CASCADE, related_name="closing_file"
    )
    completion_date = models.DateField(_("completion date"), null=True, blank=True)
    visa_date = models.DateField(_("visa date (cinema)"), null=True, blank=True)
    frozen_on = models.DateField(_("figures frozen on"), null=True, blank=True)
    frozen_cost_total = models.DecimalField(
        _("coût définitif frozen"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    frozen_carbon_kg = models.DecimalField(
        _("final footprint frozen (kgCO2e)"),
        max_digits=14,
        decimal_places=3,
        null=True,
        blank=True,
    )
    overrun_note = models.TextField(_("approved overrun (explanation)"), blank=True)
    auditor = models.CharField(_("auditor"), max_length=200, blank=True)
    certified_on = models.DateField(_("certified on"), null=True, blank=True)
    certificate = models.FileField(
        _("auditor's certificate"), upload_to="closing/certificates/", blank=True
    )
    carbon_comments = models.JSONField(
        _("explanations by carbon category"), default=dict, blank=True
    )
    levers_applied = models.JSONField(_("reduction levers applied"), default=list, blank=True)
    ecoprod_targeted = models.BooleanField(_("Ecoprod label targeted"), default=False)
    ecoprod_score = models.DecimalField(
        _("Ecoprod self-assessed score (%)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
    )
    ecoprod_mandatory_met = models.BooleanField(
        _("all mandatory Ecoprod criteria met"), null=True, blank=True
    )
    insurance_closed = models.BooleanField(_("insurance policies closed"), default=False)
    conservation = models.TextField(_("conservation of the elements"), blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("closing file")

    def __str__(self) -> str:
        return str(self.production)


class ContractClosure(models.Model):
    """The end of one employment contract: final pay settled, end documents handed over."""

    closing_file = models.ForeignKey(
        ClosingFile, on_delete=models.CASCADE, related_name="contract_closures"
    )
    contract = models.ForeignKey("labor.Contract", on_delete=models.CASCADE, related_name="+")
    final_pay_on = models.DateField(_("final pay settled on"), null=True, blank=True)
    documents_handed = models.BooleanField(
        _("end documents handed (certificat de travail, attestation, solde)"), default=False
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["closing_file", "contract"], name="closing_one_closure_per_contract"
            )
        ]

    def __str__(self) -> str:
        return f"{self.contract_id}"
