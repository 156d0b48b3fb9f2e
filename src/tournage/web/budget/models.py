"""Budget versions (devis), their lines and globals, fringe rates the user set,
commitments, expenses, estimates to complete, financing sources and the funding profile.

Every model holding money keeps its history (who, when, before/after).
"""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tournage.budget.chart import VARIANTS
from tournage.budget.financing import source_kinds
from tournage.budget.fringes import fringe_categories
from tournage.web.productions.fields import PERCENT, QUANTITY, decimal_field, money_field

POSITIVE = [MinValueValidator(Decimal("0"))]


def category_choices() -> list[tuple[str, str]]:
    """Payroll categories of ``data/budget/fringes.yaml`` (read when needed, not frozen
    into a migration)."""
    return [(key, category.label) for key, category in fringe_categories().items()]


def kind_choices() -> list[tuple[str, str]]:
    """Financing kinds of ``data/budget/financing_kinds.yaml``."""
    return [(key, kind.label) for key, kind in source_kinds().items()]


def variant_choices() -> list[tuple[str, str]]:
    return [(variant, variant) for variant in VARIANTS]


class WorkFormat(models.TextChoices):
    FEATURE = "long_metrage", _("Feature film")
    SHORT = "court_metrage", _("Short film")
    TV_SINGLE = "unitaire_tv", _("TV single")
    TV_SERIES = "serie_tv", _("TV series")
    WEB = "web", _("Web")
    SOCIAL = "plateformes_sociales", _("Social platforms")


class Genre(models.TextChoices):
    FICTION = "fiction", _("Fiction")
    DOCUMENTARY = "documentaire", _("Documentary")
    ANIMATION = "animation", _("Animation")
    PERFORMANCE = "spectacle_vivant", _("Live performance")
    MAGAZINE = "magazine", _("Magazine")


class Stage(models.TextChoices):
    WRITING = "ecriture", _("Writing")
    DEVELOPMENT = "developpement", _("Development")
    PRODUCTION = "production", _("Production")
    AFTER = "apres_realisation", _("After completion")


class BudgetVersion(models.Model):
    """One devis version: v1, v2, devis définitif..."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="budget_versions"
    )
    name = models.CharField(_("version"), max_length=50)
    title = models.CharField(_("title"), max_length=200)
    variant = models.CharField(
        _("chart of accounts"),
        max_length=20,
        default="cinema",
        choices=variant_choices,
    )
    is_reference = models.BooleanField(
        _("reference version"),
        default=False,
        help_text=_("The version the cost report follows."),
    )
    frais_generaux_percent = decimal_field(
        _("overheads (frais généraux) %"), PERCENT, null=True, blank=True, validators=POSITIVE
    )
    imprevus_percent = decimal_field(
        _("contingency (imprévus) %"), PERCENT, null=True, blank=True, validators=POSITIVE
    )
    plan_start = models.DateField(
        _("spending plan from"),
        null=True,
        blank=True,
        help_text=_("The burn chart spreads the budget evenly over this period."),
    )
    plan_end = models.DateField(_("spending plan to"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["production", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["production", "name"], name="budget_version_name")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.name})"


# A global's code: a slug, or a provider's prefix and a slug ("jours:ines-marty").
GLOBAL_CODE = RegexValidator(
    r"^[-\w]+(:[-\w]+)?\Z", _("A global's code: letters, digits, dashes, one colon at most.")
)


class BudgetGlobal(models.Model):
    budget = models.ForeignKey(BudgetVersion, on_delete=models.CASCADE, related_name="globals")
    # the plan de travail's codes (``jours:<person key>``) may be typed before a plan exists
    code = models.CharField(_("code"), max_length=50, db_index=True, validators=[GLOBAL_CODE])
    label = models.CharField(_("label"), max_length=200)
    value = decimal_field(_("value"), QUANTITY, validators=POSITIVE)
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["budget", "code"]
        constraints = [
            models.UniqueConstraint(fields=["budget", "code"], name="budget_global_code")
        ]

    def __str__(self) -> str:
        return self.code


class BudgetLine(models.Model):
    budget = models.ForeignKey(BudgetVersion, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveIntegerField(default=0)
    account = models.CharField(_("account"), max_length=20)
    label = models.CharField(_("label"), max_length=300)
    quantity = decimal_field(_("quantity"), QUANTITY, default=1, validators=POSITIVE)
    quantity_ref = models.CharField(
        _("quantity from global"),
        max_length=50,
        blank=True,
        validators=[GLOBAL_CODE],
        help_text=_("Code of a global (e.g. shooting days) that sets the quantity."),
    )
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    rate = money_field(_("rate"), validators=POSITIVE)
    number = decimal_field(_("number"), QUANTITY, default=1, validators=POSITIVE)
    number_ref = models.CharField(
        _("number from global"), max_length=50, blank=True, validators=[GLOBAL_CODE]
    )
    category = models.CharField(
        _("person category (social charges)"),
        max_length=40,
        blank=True,
        choices=category_choices,
    )
    person = models.ForeignKey(
        "productions.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="budget_lines",
        verbose_name=_("person"),
    )
    spent_in_france = models.BooleanField(_("spent in France"), default=True)
    tax_credit_eligible = models.BooleanField(
        _("tax credit eligible (force)"), null=True, blank=True
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["budget", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.account} {self.label}"


LINE_INPUT_FIELDS = (
    "account",
    "label",
    "quantity",
    "quantity_ref",
    "unit",
    "rate",
    "number",
    "number_ref",
    "category",
    "person",
    "spent_in_france",
    "tax_credit_eligible",
    "note",
    "position",
)


class FringeOverride(models.Model):
    """A social-charge rate the user set where the shipped table has none (or differs)."""

    budget = models.ForeignKey(
        BudgetVersion, on_delete=models.CASCADE, related_name="fringe_overrides"
    )
    key = models.CharField(_("category.component"), max_length=100)
    rate = models.DecimalField(
        _("rate (fraction of gross pay)"), max_digits=7, decimal_places=5, validators=POSITIVE
    )
    note = models.CharField(_("source or note"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["budget", "key"]
        constraints = [
            models.UniqueConstraint(fields=["budget", "key"], name="fringe_override_key")
        ]

    def __str__(self) -> str:
        return self.key


class Commitment(models.Model):
    """A purchase order or signed contract."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="budget_commitments"
    )
    account = models.CharField(_("account"), max_length=20)
    supplier = models.CharField(_("supplier"), max_length=200, blank=True)
    label = models.CharField(_("label"), max_length=300, blank=True)
    amount = money_field(_("amount excl. VAT"))
    date = models.DateField(_("date"), null=True, blank=True)
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["production", "account", "pk"]

    def __str__(self) -> str:
        return f"{self.account} {self.supplier} {self.amount}"


class Expense(models.Model):
    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="budget_expenses"
    )
    date = models.DateField(_("date"))
    account = models.CharField(_("account"), max_length=20)
    supplier = models.CharField(_("supplier"), max_length=200, blank=True)
    label = models.CharField(_("label"), max_length=300, blank=True)
    amount_ht = money_field(_("amount excl. VAT"))
    vat_rate = decimal_field(_("VAT rate %"), PERCENT, default=0, validators=POSITIVE)
    payment_status = models.CharField(
        _("payment status"),
        max_length=10,
        default="to_pay",
        choices=[("to_pay", _("To pay")), ("paid", _("Paid"))],
    )
    receipt = models.FileField(_("receipt"), upload_to="budget/receipts/", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["production", "-date", "pk"]
        indexes = [models.Index(fields=["production", "account"])]

    def __str__(self) -> str:
        return f"{self.date} {self.account} {self.amount_ht}"


class EstimateToComplete(models.Model):
    """The cost controller's estimate of what is left to spend on an account."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="budget_estimates"
    )
    account = models.CharField(_("account"), max_length=20)
    amount = money_field(_("estimate to complete"), validators=POSITIVE)
    history = HistoricalRecords()

    class Meta:
        ordering = ["production", "account"]
        constraints = [
            models.UniqueConstraint(fields=["production", "account"], name="etc_account")
        ]

    def __str__(self) -> str:
        return f"{self.account} {self.amount}"


class ReportedCost(models.Model):
    """What a shoot document (a daily production report) adds to an account's estimate to
    complete: overtime worked, extra shooting days announced. Written by the follow-up
    app through ``api.set_reported_costs``, never typed here."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="budget_reported_costs"
    )
    origin = models.CharField(_("from"), max_length=100)
    reference = models.CharField(_("reference"), max_length=200)
    account = models.CharField(_("account"), max_length=20)
    label = models.CharField(_("label"), max_length=300)
    amount = models.DecimalField(
        _("amount"), max_digits=14, decimal_places=2, null=True, blank=True
    )  # None: not priced (no hourly rate)
    history = HistoricalRecords()

    class Meta:
        ordering = ["origin", "account", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["production", "reference"], name="one_reported_cost_per_reference"
            )
        ]

    def __str__(self) -> str:
        return self.label


class FinancingSource(models.Model):
    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="financing_sources"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=kind_choices)
    label = models.CharField(_("label"), max_length=200)
    amount = money_field(_("amount"), validators=POSITIVE)
    status = models.CharField(
        _("status"),
        max_length=10,
        default="planned",
        choices=[
            ("planned", _("Planned")),
            ("confirmed", _("Confirmed")),
            ("received", _("Received")),
        ],
    )
    received = money_field(_("received"), default=0, validators=POSITIVE)
    aid_id = models.CharField(_("aid (funding source id)"), max_length=60, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["production", "pk"]

    def __str__(self) -> str:
        return f"{self.label} {self.amount}"


class FundingProfile(models.Model):
    """What the aid-eligibility matcher needs to know beyond the production itself."""

    production = models.OneToOneField(
        "productions.Production", on_delete=models.CASCADE, related_name="funding_profile"
    )
    work_format = models.CharField(_("format (aids)"), max_length=30, choices=WorkFormat.choices)
    genre = models.CharField(_("genre (aids)"), max_length=30, choices=Genre.choices)
    stage = models.CharField(
        _("stage"), max_length=30, choices=Stage.choices, default=Stage.PRODUCTION
    )
    regions = models.JSONField(_("regions with a link"), default=list, blank=True)
    regional_spend = models.JSONField(_("spend per region (EUR)"), default=dict, blank=True)
    coproduction_countries = models.PositiveSmallIntegerField(_("coproducing countries"), default=1)
    subscribers = models.PositiveIntegerField(_("channel subscribers"), null=True, blank=True)
    flags = models.JSONField(_("facts (true / false / unknown)"), default=dict, blank=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.production} ({self.work_format})"


class CostStatement(models.Model):
    """Spending against the devis and financing received, frozen at a date: an interim
    statement (e.g. for a fund's first instalment) or the coût définitif at wrap."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="cost_statements"
    )
    # a default, not auto_now_add, so that an imported archive keeps the original date
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)
    version = models.CharField(_("devis version"), max_length=50)
    final = models.BooleanField(_("final cost (coût définitif)"), default=False)
    document = models.JSONField(_("cost statement"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["production", "-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.production} {self.recorded_at:%Y-%m-%d}"
