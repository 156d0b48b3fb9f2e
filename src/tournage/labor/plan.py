"""A production's team as a plain file (YAML or JSON): people, contracts, shifts.

This is what ``tournage labor check FILE`` reads; the web app builds the same objects from
its models. Every malformed value raises ``LaborError`` naming the field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import yaml

from tournage.common.findings import Finding
from tournage.labor.compliance import check_team
from tournage.labor.contracts import Contract, Employer, check_contract
from tournage.labor.errors import LaborError
from tournage.labor.premiums import PremiumLine, premiums
from tournage.labor.timesheet import Shift, Worker

MAX_PLAN_BYTES = 5 * 1024 * 1024
T = TypeVar("T")


@dataclass
class TeamPlan:
    production: str
    workers: list[Worker] = field(default_factory=list)
    contracts: list[Contract] = field(default_factory=list)
    shifts: list[Shift] = field(default_factory=list)
    rejected: list[Finding] = field(default_factory=list)  # timesheets the rules cannot read


def _field(where: str, convert: Callable[[Any], T], value: Any) -> T:
    try:
        return convert(value)
    except (TypeError, ValueError, InvalidOperation, AttributeError) as error:
        if isinstance(error, LaborError):
            raise
        raise LaborError(
            "labor.value_invalid", f"{where} : valeur invalide ({value!r})."
        ) from error


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _money(value: Any) -> Decimal:
    amount = Decimal(str(value))
    if not amount.is_finite():
        raise ValueError(value)
    return amount


def _optional(convert: Callable[[Any], T]) -> Callable[[Any], T | None]:
    return lambda value: None if value is None else convert(value)


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise LaborError("labor.object_expected", f"{where} : un objet (clé: valeur) est attendu.")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise LaborError("labor.list_expected", f"{where} : une liste est attendue.")
    return value


def _worker(person: dict[str, Any], defaults: dict[str, Any], where: str) -> Worker:
    name = str(person.get("name") or "").strip()
    if not name:
        raise LaborError("labor.name_missing", f"{where} : le nom (name) est obligatoire.")
    return Worker(
        name=name,
        idcc=_field(f"{where}.idcc", int, person.get("idcc", defaults.get("idcc", 2642))),
        function=str(person.get("function", "")),
        birth_date=_field(f"{where}.birth_date", _optional(_date), person.get("birth_date")),
        genre=person.get("genre", defaults.get("genre")),
        reduced_rest_allowed=bool(person.get("reduced_rest_allowed", False)),
        weekly_derogation_hours=_field(
            f"{where}.weekly_derogation_hours",
            _optional(int),
            person.get("weekly_derogation_hours"),
        ),
        hourly_rate=_field(f"{where}.hourly_rate", _optional(_money), person.get("hourly_rate")),
    )


def _contract(worker: Worker, raw: dict[str, Any], employer: Employer, where: str) -> Contract:
    rights = _mapping(raw.get("rights_remuneration") or {}, f"{where}.rights_remuneration")
    return Contract(
        employer=employer,
        employee=worker.name,
        idcc=worker.idcc,
        function=worker.function,
        programme=str(raw.get("programme", "")),
        start=_field(f"{where}.start", _date, raw.get("start")),
        end=_field(f"{where}.end", _date, raw.get("end")),
        pay_amount=_field(f"{where}.pay_amount", _money, raw.get("pay_amount")),
        pay_basis=str(raw.get("pay_basis", "")),
        workplace=str(raw.get("workplace", "")),
        genre=worker.genre,
        birth_date=worker.birth_date,
        conges_spectacles_number=str(raw.get("conges_spectacles_number", "")),
        working_days=tuple(
            _field(f"{where}.working_days", _date, d)
            for d in _list(raw.get("working_days"), f"{where}.working_days")
        ),
        trial_days=_field(f"{where}.trial_days", int, raw.get("trial_days", 0)),
        delivered_on=_field(f"{where}.delivered_on", _optional(_date), raw.get("delivered_on")),
        minor_authorisation=str(raw.get("minor_authorisation", "")),
        rights_remuneration={
            str(k): _field(f"{where}.rights_remuneration", _money, v) for k, v in rights.items()
        },
        author_share_percent=_field(
            f"{where}.author_share_percent", _optional(_money), raw.get("author_share_percent")
        ),
        status=str(raw.get("status", "draft")),
    )


def _shift(raw: dict[str, Any], where: str) -> Shift:
    return Shift(
        person=str(raw.get("person", "")),
        start=_field(f"{where}.start", _datetime, raw.get("start")),
        end=_field(f"{where}.end", _datetime, raw.get("end")),
        break_minutes=_field(f"{where}.break_minutes", int, raw.get("break_minutes", 0)),
        school_holiday=bool(raw.get("school_holiday", False)),
    )


def plan_from_dict(data: Any) -> TeamPlan:
    data = _mapping(data, "fichier")
    employer_raw = _mapping(data.get("employer") or {}, "employer")
    fields = {k: str(v) for k, v in employer_raw.items() if k in Employer.__dataclass_fields__}
    employer = Employer(**{"name": "Employeur", **fields})
    plan = TeamPlan(str(data.get("production", "")))
    for index, raw in enumerate(_list(data.get("people"), "people")):
        where = f"people[{index}]"
        person = _mapping(raw, where)
        worker = _worker(person, data, where)
        plan.workers.append(worker)
        if person.get("contract") is not None:
            contract = _mapping(person["contract"], f"{where}.contract")
            plan.contracts.append(_contract(worker, contract, employer, f"{where}.contract"))
    names = {w.name for w in plan.workers}
    for index, raw in enumerate(_list(data.get("shifts"), "shifts")):
        shift = _shift(_mapping(raw, f"shifts[{index}]"), f"shifts[{index}]")
        if shift.person not in names:
            raise LaborError(
                "labor.person_unknown", f"shifts[{index}] : personne inconnue « {shift.person} »."
            )
        plan.shifts.append(shift)
    return plan


def load_plan(content: bytes) -> TeamPlan:
    """Parse a YAML or JSON team file (JSON is valid YAML)."""
    if len(content) > MAX_PLAN_BYTES:
        raise LaborError("labor.file_too_large", "Fichier trop volumineux (limite 5 Mo).")
    try:
        data = yaml.safe_load(content.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        raise LaborError(
            "labor.file_unreadable", "Fichier illisible : YAML ou JSON en UTF-8 attendu."
        ) from error
    return plan_from_dict(data)


def check_plan(plan: TeamPlan, today: date | None = None) -> list[Finding]:
    """Contract checks then working-time checks, for the whole team."""
    findings = [f for c in plan.contracts for f in check_contract(c, today)]
    return findings + plan.rejected + check_team(plan.workers, plan.shifts)


def plan_premiums(plan: TeamPlan) -> list[PremiumLine]:
    return [line for worker in plan.workers for line in premiums(worker, plan.shifts)]
