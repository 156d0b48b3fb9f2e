"""CDD d'usage contracts and the checks run before one is generated or signed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from tournage.common.findings import Finding, Severity
from tournage.common.formatting import format_money
from tournage.labor.agreements import BASES, JobFunction, MinimumRate, find_function
from tournage.labor.calendar import needs_child_authorisation, working_days_between
from tournage.labor.child_actors import CHILD_ACTORS
from tournage.labor.errors import LaborError
from tournage.labor.findings import labor_finding
from tournage.labor.rules import rules_for
from tournage.labor.tables import CDDU_MENTIONS, Mention

STATUSES = ("draft", "sent", "signed", "ended")


@dataclass(frozen=True)
class Employer:
    name: str
    address: str = ""
    siret: str = ""
    dpae_place: str = "Urssaf"
    pension_body: str = "Audiens, 74 rue Jean Bleuzen, 92170 Vanves"
    internal_rules: str = "affiché au bureau de production"


@dataclass(frozen=True)
class Contract:
    """One CDDU engagement of a person on a production."""

    employer: Employer
    employee: str
    idcc: int
    function: str
    programme: str  # object of the CDDU: programme, episode or production phase
    start: date
    end: date
    pay_amount: Decimal
    pay_basis: str  # a key of agreements.BASES
    workplace: str
    genre: str | None = None
    employee_address: str = ""
    birth_date: date | None = None
    conges_spectacles_number: str = ""
    numero_objet: str = ""
    cadre: bool = False
    reference_hours: str = "35 heures par semaine"
    working_days: tuple[date, ...] = ()
    trial_days: int = 0
    delivered_on: date | None = None
    minor_authorisation: str = ""  # reference of the prefect's authorisation
    rights_remuneration: dict[str, Decimal] = field(default_factory=dict)  # per exploitation mode
    author_share_percent: Decimal | None = None  # authors: share of receipts per mode
    credit: str = "au générique, à la discrétion de l'employeur"
    status: str = "draft"

    def __post_init__(self) -> None:
        if self.pay_basis not in BASES:
            raise LaborError(
                "labor.pay_basis_unknown",
                f"Base de rémunération inconnue : {self.pay_basis} (attendu : {', '.join(BASES)}).",
            )
        if self.status not in STATUSES:
            raise LaborError("labor.status_unknown", f"Statut de contrat inconnu : {self.status}.")
        if self.pay_amount < 0:
            raise LaborError("labor.pay_negative", "La rémunération ne peut pas être négative.")

    @property
    def job(self) -> JobFunction:
        return find_function(self.idcc, self.function)


def _item(section: str, item_id: str) -> Mention:
    return CDDU_MENTIONS.load().item(section, item_id)


def _finding(
    code: str,
    level: str,
    message: str,
    rule: str,
    source: str,
    contract: Contract,
    day: date | None = None,
) -> Finding:
    return labor_finding(
        code, level, message, rule=rule, source=source, person=contract.employee, day=day
    )


def applicable_minimum(job: JobFunction, basis: str, genre: str | None) -> MinimumRate | None:
    """The highest known minimum for this basis (certain or not)."""
    known = [r for r in job.rates(basis, genre) if r.amount is not None]
    return max(known, key=lambda r: r.amount or 0, default=None)


def pay_findings(
    job: JobFunction, amount: Decimal, basis: str, genre: str | None, person: str = ""
) -> list[Finding]:
    """Pay against every known minimum: below a dated official one is an error, below an
    uncertain or computed one a warning, and an unknown minimum is said to be unknown."""
    rates = job.rates(basis, genre)
    known = [r for r in rates if r.amount is not None]
    label = BASES[basis]
    if not known:
        source = rates[0].source if rates else job.note or "grille non trouvée"
        return [
            labor_finding(
                "LAB-PAY-MIN-UNKNOWN",
                Severity.WARN,
                f"Minimum conventionnel inconnu pour « {job.label} » ({label}) : "
                "vérifiez la grille en vigueur.",
                rule="salaire minimum conventionnel",
                source=source,
                person=person,
            )
        ]
    out = []
    for certain in (True, False):
        below = [
            r
            for r in known
            if amount < (r.amount or 0) and certain == (not (r.uncertain or r.computed))
        ]
        rate = max(below, key=lambda r: r.amount or 0, default=None)
        if rate is None:
            continue
        out.append(
            labor_finding(
                "LAB-PAY-BELOW-MIN" if certain else "LAB-PAY-BELOW-MIN-UNCERTAIN",
                Severity.FAIL,
                f"Rémunération de {format_money(amount)} par {label} inférieure au minimum de "
                f"{format_money(rate.amount)} ({rate.grid}, {rate.as_of}) "
                f"pour « {job.label} »"
                + ("" if certain else " — minimum incertain, à vérifier")
                + ".",
                rule=f"salaire minimum : {rate.grid}",
                source=rate.source,
                person=person,
                uncertain=not certain,
            )
        )
    return out


def check_pay_amount(
    idcc: int, function: str, amount: Decimal, basis: str, genre: str | None
) -> list[Finding]:
    return pay_findings(find_function(idcc, function), amount, basis, genre)


def check_dates(contract: Contract) -> list[Finding]:
    source = _item("form_rules", "written_signed_french").source
    if contract.end < contract.start:
        return [
            _finding(
                "LAB-DATES-ORDER",
                "fail",
                f"La fin du contrat ({contract.end:%d/%m/%Y}) précède son début "
                f"({contract.start:%d/%m/%Y}).",
                "durée du contrat",
                source,
                contract,
            )
        ]
    return [
        _finding(
            "LAB-DATES-UNCOVERED",
            "fail",
            f"Jour de travail du {day:%d/%m/%Y} hors des dates du contrat "
            f"({contract.start:%d/%m/%Y} – {contract.end:%d/%m/%Y}).",
            "continuation après le terme",
            _item("requalification_risks", "continuation_after_term").source,
            contract,
            day,
        )
        for day in contract.working_days
        if not contract.start <= day <= contract.end
    ]


def check_delivery(contract: Contract, today: date | None = None) -> list[Finding]:
    rule = _item("form_rules", "delivery_delay")
    limit = CDDU_MENTIONS.require(rule.working_days, "form_rules > delivery_delay > working_days")
    delivered = contract.delivered_on
    rest_day = rules_for(contract.idcc).rest_day
    late_by = working_days_between(contract.start, delivered or today or contract.start, rest_day)
    if late_by <= limit or (delivered is None and today is None):
        return []
    when = f"remis le {delivered:%d/%m/%Y}" if delivered else "toujours pas remis"
    return [
        _finding(
            "LAB-DELIVERY-LATE",
            "fail",
            f"Contrat {when} : au plus tard {limit} jours ouvrables après l'embauche du "
            f"{contract.start:%d/%m/%Y} (sanction : {rule.sanction}).",
            f"remise du contrat sous {limit} jours ouvrables",
            rule.source,
            contract,
        )
    ]


def check_minor(contract: Contract) -> list[Finding]:
    rule = CHILD_ACTORS.load().rule("authorisation", "prior_individual_authorisation")
    if not needs_child_authorisation(contract.birth_date, contract.start):
        return []
    if contract.minor_authorisation.strip():
        return []
    return [
        _finding(
            "LAB-MINOR-AUTHORISATION",
            "fail",
            f"{contract.employee} a moins de {rule.under_age} ans : l'autorisation individuelle "
            "préalable du préfet doit être obtenue et référencée avant l'embauche.",
            "autorisation préfectorale des enfants du spectacle",
            rule.source,
            contract,
        )
    ]


def check_trial(contract: Contract) -> list[Finding]:
    mention = _item("mandatory_mentions", "trial_period")
    limits = CDDU_MENTIONS.require(mention.trial_limits, "trial_period > trial_limits")
    length = (contract.end - contract.start).days + 1
    if length < limits.none_under_days:
        allowed = 0
    else:
        cap = (
            limits.max_days_up_to_6_months
            if contract.end <= contract.start + timedelta(days=183)
            else limits.max_days_beyond
        )
        allowed = min(length // 7 * limits.days_per_week, cap)
    if contract.trial_days <= allowed:
        return []
    return [
        _finding(
            "LAB-TRIAL-TOO-LONG",
            "fail",
            f"Période d'essai de {contract.trial_days} jour(s) : {allowed} au plus pour "
            f"un contrat de {length} jours.",
            mention.rule_pav,
            mention.source,
            contract,
        )
    ]


def check_object(contract: Contract) -> list[Finding]:
    if len(contract.programme.split()) >= 2:
        return []
    risk = _item("requalification_risks", "vague_object")
    return [
        _finding(
            "LAB-OBJECT-VAGUE",
            "warn",
            "L'objet du contrat doit désigner précisément le programme, l'épisode ou la "
            "phase de production : un objet vague expose à la requalification en CDI.",
            risk.risk,
            risk.source,
            contract,
        )
    ]


def check_artist(contract: Contract, job: JobFunction) -> list[Finding]:
    if job.category != "artist" or contract.rights_remuneration:
        return []
    rule = _item("actor_contracts", "authorisation_by_contract")
    return [
        _finding(
            "LAB-ARTIST-RIGHTS",
            "fail",
            "Contrat d'artiste-interprète sans rémunération distincte par mode "
            "d'exploitation (droits voisins).",
            "CPI L.212-4",
            rule.source,
            contract,
        )
    ]


def is_author(job: JobFunction) -> bool:
    """Functions presumed co-authors of the work (their contract also assigns rights)."""
    rule = _item("author_contracts", "director_is_author")
    return job.label in rule.author_functions


def check_author(contract: Contract, job: JobFunction) -> list[Finding]:
    share = contract.author_share_percent
    if not is_author(job) or (share is not None and 0 < share <= 100):
        return []
    rule = _item("author_contracts", "remuneration_per_mode")
    return [
        _finding(
            "LAB-AUTHOR-PROPORTIONAL",
            "warn",
            f"« {job.label} » est présumé coauteur de l'œuvre : le contrat doit prévoir une "
            "rémunération proportionnelle aux recettes (pourcentage entre 0 et 100).",
            "CPI L.131-4 et L.132-25",
            rule.source,
            contract,
        )
    ]


def check_conges_number(contract: Contract) -> list[Finding]:
    if contract.conges_spectacles_number.strip():
        return []
    mention = _item("mandatory_mentions", "conges_spectacles_number")
    return [
        _finding(
            "LAB-CONGES-NUMBER",
            "warn",
            "Numéro Congés Spectacles du salarié manquant (mention obligatoire).",
            mention.label,
            mention.source,
            contract,
        )
    ]


def check_contract(contract: Contract, today: date | None = None) -> list[Finding]:
    """Every check a contract must pass before it is sent for signature."""
    findings = [
        *check_dates(contract),
        *check_delivery(contract, today),
        *check_minor(contract),
        *check_trial(contract),
        *check_object(contract),
        *check_conges_number(contract),
    ]
    try:
        job = contract.job
    except LaborError as error:
        rule = _item("requalification_risks", "permanent_job")
        return [
            _finding(
                "LAB-FUNCTION-UNKNOWN",
                "fail",
                error.message,
                rule.risk,
                rule.source,
                contract,
            ),
            *findings,
        ]
    return [
        *pay_findings(
            job, contract.pay_amount, contract.pay_basis, contract.genre, contract.employee
        ),
        *check_artist(contract, job),
        *check_author(contract, job),
        *findings,
    ]
