"""Rights, permits and release: the clearance register, author contracts, permits, release
steps, channel signage, destinations' documents, and the music cue sheet."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tournage.rights.rules import AUTHORS, CLEARANCES, CUESHEET, PERMITS, RELEASE
from tournage.web.productions.models import Channel


# Choices read from the data when a form needs them, not frozen into migrations.
def clearance_types() -> list[tuple[str, str]]:
    return [(t.id, t.fr) for t in CLEARANCES.load().types]


def authorities() -> list[tuple[str, str]]:
    return [(a.id, a.name_fr) for a in PERMITS.load().authorities]


def author_roles() -> list[tuple[str, str]]:
    return [(r.id, r.fr) for r in AUTHORS.load().co_authors.roles]


def release_steps() -> list[tuple[str, str]]:
    return [(s.id, s.fr) for s in RELEASE.load().steps]


def categories() -> list[tuple[str, str]]:
    return [(c.id, f"{c.id} — {c.fr}") for c in RELEASE.load().rating.categories]


def usages() -> list[tuple[str, str]]:
    return [(u.id, u.fr) for u in CUESHEET.load().usages]


def destination_items() -> list[tuple[str, str]]:
    return [
        (f"{d.id}.{i.id}", f"{d.fr} — {i.fr}") for d in RELEASE.load().destinations for i in d.items
    ]


class ClearanceStatus(models.TextChoices):
    NEEDED = "needed", _("To clear")
    REQUESTED = "requested", _("Requested")
    GRANTED = "granted", _("Cleared")
    REFUSED = "refused", _("Refused")
    REPLACED = "replaced", _("Replaced")
    CUT = "cut", _("Cut")
    NOT_REQUIRED = "not_required", _("Not needed")


class ReleasePlan(models.Model):
    """The production's release facts that the steps are dated from (one per production)."""

    production = models.OneToOneField(
        "productions.Production", on_delete=models.CASCADE, related_name="rights_plan"
    )
    cnc_aided = models.BooleanField(_("CNC-aided work"), default=False)
    sales_agreement = models.BooleanField(_("international sales agreement"), default=False)
    territories = models.CharField(
        _("planned territories"),
        max_length=200,
        default="FR",
        help_text=_("ISO codes separated by commas, or WORLD."),
    )
    rights_until = models.DateField(_("exploitation planned until"), null=True, blank=True)
    picture_lock = models.DateField(_("picture lock"), null=True, blank=True)
    delivery = models.DateField(_("delivery"), null=True, blank=True)
    first_screening = models.DateField(_("first public screening"), null=True, blank=True)
    visa_ban = models.CharField(
        _("cinema visa ban"),
        max_length=2,
        blank=True,
        choices=[("", _("none")), ("12", "-12"), ("16", "-16"), ("18", "-18")],
    )
    history = HistoricalRecords()

    def __str__(self) -> str:
        return str(self.production)


class Clearance(models.Model):
    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="rights_clearances"
    )
    type = models.CharField(_("type"), max_length=40, choices=clearance_types)
    subject = models.CharField(_("element"), max_length=200)
    scenes = models.JSONField(_("scenes"), default=list, blank=True)
    post = models.BooleanField(_("added in post-production"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=ClearanceStatus.choices, default=ClearanceStatus.NEEDED
    )
    reason = models.TextField(_("reason"), blank=True)
    rights_holder = models.CharField(_("rights holder"), max_length=200, blank=True)
    document = models.FileField(_("grant document"), upload_to="rights/clearances/", blank=True)
    channels = models.JSONField(_("channels covered"), default=list, blank=True)
    territories = models.CharField(
        _("territories"),
        max_length=200,
        blank=True,
        help_text=_("ISO codes separated by commas, or WORLD."),
    )
    versions = models.CharField(_("versions (trailer, excerpts)"), max_length=200, blank=True)
    starts = models.DateField(_("from"), null=True, blank=True)
    ends = models.DateField(_("until"), null=True, blank=True)
    fee = models.DecimalField(_("fee"), max_digits=12, decimal_places=2, null=True, blank=True)
    budget_account = models.CharField(_("budget account"), max_length=20, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["type", "subject"]
        verbose_name = _("clearance")

    def __str__(self) -> str:
        return self.subject


class AuthorContract(models.Model):
    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="rights_authors"
    )
    person = models.ForeignKey(
        "productions.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_contracts",
        verbose_name=_("person"),
    )
    author = models.CharField(_("author"), max_length=200)
    role = models.CharField(_("co-author role"), max_length=30, choices=author_roles)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    society = models.CharField(_("collective society"), max_length=20, blank=True)
    statements_from = models.DateField(_("yearly statements from"), null=True, blank=True)
    last_statement_on = models.DateField(_("last statement sent"), null=True, blank=True)
    document = models.FileField(_("signed contract"), upload_to="rights/authors/", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "author"]
        verbose_name = _("author contract")

    def __str__(self) -> str:
        return self.author


class Remuneration(models.TextChoices):
    PROPORTIONAL = "proportional", _("Proportional to receipts")
    LUMP_SUM = "lump_sum", _("Lump sum")


class AuthorRight(models.Model):
    """One right assigned, with its field (CPI L131-3) and its remuneration (L132-25)."""

    contract = models.ForeignKey(AuthorContract, on_delete=models.CASCADE, related_name="rights")
    right = models.CharField(_("right assigned"), max_length=200)
    mode = models.CharField(_("mode of exploitation"), max_length=300, blank=True)
    territory = models.CharField(_("territory"), max_length=200, blank=True)
    duration = models.CharField(_("duration"), max_length=200, blank=True)
    remuneration = models.CharField(
        _("remuneration basis"), max_length=20, blank=True, choices=Remuneration.choices
    )
    terms = models.CharField(_("remuneration terms"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["contract", "pk"]

    def __str__(self) -> str:
        return self.right


class PermitStatus(models.TextChoices):
    TO_REQUEST = "to_request", _("To request")
    REQUESTED = "requested", _("Requested")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")
    NOT_NEEDED = "not_needed", _("Not needed")


class Permit(models.Model):
    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="rights_permits"
    )
    location = models.ForeignKey(
        "productions.Location",
        on_delete=models.CASCADE,
        related_name="permits",
        verbose_name=_("location"),
    )
    authority = models.CharField(_("authority"), max_length=40, choices=authorities)
    status = models.CharField(
        _("status"), max_length=20, choices=PermitStatus.choices, default=PermitStatus.TO_REQUEST
    )
    reason = models.TextField(_("reason (when not needed)"), blank=True)
    requested_on = models.DateField(_("requested on"), null=True, blank=True)
    granted_on = models.DateField(_("granted on"), null=True, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    document = models.FileField(_("permit"), upload_to="rights/permits/", blank=True)
    insurance_certificate = models.FileField(
        _("insurance certificate"), upload_to="rights/insurance/", blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["location__name", "authority"]
        verbose_name = _("permit")

    def __str__(self) -> str:
        return f"{self.location} — {self.get_authority_display()}"


class StepStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class ReleaseStep(models.Model):
    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="rights_steps"
    )
    step = models.CharField(_("step"), max_length=40, choices=release_steps)
    status = models.CharField(
        _("status"), max_length=20, choices=StepStatus.choices, default=StepStatus.PLANNED
    )
    due = models.DateField(_("due"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    reference = models.CharField(_("number (ISAN, RCA, visa)"), max_length=100, blank=True)
    document = models.FileField(_("document"), upload_to="rights/release/", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due", "step"]
        constraints = [
            models.UniqueConstraint(fields=["production", "step"], name="rights_one_step")
        ]

    def __str__(self) -> str:
        return self.get_step_display()


class ChannelRating(models.Model):
    """Target signage of a TV or on-demand channel, and its catalogue placement. Its slot is
    not here: the development app's distribution plan records it, and the signage reads it."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="rights_ratings"
    )
    channel = models.CharField(_("channel"), max_length=40)
    category = models.CharField(_("target category"), max_length=3, choices=categories, blank=True)
    catalogue = models.BooleanField(_("on-demand catalogue placement"), default=False)
    cinema_channel = models.BooleanField(_("cinema or pay-per-view channel"), default=False)
    children_programme = models.BooleanField(_("inside a children's programme"), default=False)
    trailer_signage = models.BooleanField(_("trailer carries the signage"), default=False)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["channel"]
        constraints = [
            models.UniqueConstraint(fields=["production", "channel"], name="rights_one_rating")
        ]

    def __str__(self) -> str:
        return str(dict(Channel.choices).get(self.channel, self.channel))


class DestinationDocument(models.Model):
    """A document a destination expects (chain of title, E&O certificate, DCP...)."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="rights_documents"
    )
    item = models.CharField(_("item"), max_length=80, choices=destination_items)
    received_on = models.DateField(_("on file since"), null=True, blank=True)
    document = models.FileField(_("document"), upload_to="rights/destinations/", blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["item"]

    def __str__(self) -> str:
        return self.get_item_display()


class EditImport(models.Model):
    """An edit decision list of the cut, and the music cues read from it."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="rights_edits"
    )
    filename = models.CharField(_("file"), max_length=200)
    file = models.FileField(upload_to="rights/edits/", blank=True)
    rate = models.CharField(_("frame rate"), max_length=10)
    drop_frame = models.BooleanField(default=False)
    tracks = models.CharField(_("music tracks"), max_length=100, blank=True)
    cues = models.JSONField(default=list)  # [{name, track, record_in, record_out}] frames
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-imported_at", "-pk"]

    def __str__(self) -> str:
        return self.filename


class Cue(models.Model):
    """One line of the music cue sheet."""

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="rights_cues"
    )
    number = models.PositiveIntegerField(_("number"))
    name = models.CharField(_("name in the edit"), max_length=200)
    track = models.CharField(_("track"), max_length=10)
    record_in = models.PositiveIntegerField(_("in (frame)"))
    record_out = models.PositiveIntegerField(_("out (frame)"))
    work = models.CharField(_("work"), max_length=200, blank=True)
    authors = models.CharField(_("authors and composers"), max_length=300, blank=True)
    publishers = models.CharField(_("publishers"), max_length=300, blank=True)
    recording = models.CharField(_("recording producer"), max_length=200, blank=True)
    usage = models.CharField(_("usage"), max_length=20, blank=True, choices=usages)

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return self.work or self.name
