"""Demo step: contracts, planned timesheets, risks, accessibility of the demo production."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from importlib.resources import files
from typing import Any

import yaml
from django.core.files.base import ContentFile
from django.utils import timezone

from tournage.demo import script_text
from tournage.labor.agreements import suggest_function
from tournage.labor.documents import contract_pdf
from tournage.screenplay import read_script
from tournage.web.productions.models import Location, Person, PersonKind, Production

from . import services
from .models import (
    AccommodationNeed,
    Contract,
    ContractStatus,
    InclusionDeclaration,
    LocationAccess,
    TeamSettings,
    Timesheet,
    TimesheetKind,
)


def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(
        files(__package__).joinpath("demo_team.yaml").read_text(encoding="utf-8")
    )
    return data


def _moment(day: date, clock: str) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.fromisoformat(clock)))


def load_demo_team(production: Production) -> None:
    """Contracts for the cast and crew, planned from the current schedule when the scheduling
    step made one, else from the days of ``demo_team.yaml``; then the safety part."""
    data = _data()
    TeamSettings.objects.update_or_create(
        production=production, defaults={**data["employer"], "idcc": data["idcc"]}
    )
    people = {p.key: p for p in production.people.exclude(kind=PersonKind.CONTACT)}
    _safety(production, data, people)
    if not services.plan_from_schedule(production):
        _plan_demo_days(production, data, people)
    for person in people.values():
        worked = sorted(
            {
                timezone.localtime(start).date()
                for start in person.labor_timesheets.values_list("start", flat=True)
            }
        )
        _contract(production, person, data, worked or [data["start"]])


def _plan_demo_days(
    production: Production, data: dict[str, Any], people: dict[str, Person]
) -> None:
    days = {d["date"]: d for d in data["days"]}
    for person in people.values():
        for day, call, wrap, pause in _calls(person, data, days):
            start, end = _moment(day, call), _moment(day, wrap)
            Timesheet.objects.get_or_create(
                production=production,
                person=person,
                start=start,
                defaults={
                    "end": end if end > start else end + timedelta(days=1),
                    "break_minutes": pause,
                    "kind": TimesheetKind.PLANNED,
                    "location": Location.objects.filter(
                        production=production, key=days[day]["location"]
                    ).first(),
                },
            )


def _calls(
    person: Person, data: dict[str, Any], days: dict[date, dict[str, Any]]
) -> list[tuple[date, str, str, int]]:
    if person.kind == PersonKind.CAST:
        wanted = data["cast_calls"].get(person.key, [{"date": data["start"]}])
    else:
        wanted = [{"date": d} for d in days]
    return [
        (
            c["date"],
            c.get("call", days[c["date"]]["call"]),
            c.get("wrap", days[c["date"]]["wrap"]),
            c.get("break", 60),
        )
        for c in wanted
    ]


def _contract(
    production: Production, person: Person, data: dict[str, Any], worked: list[date]
) -> None:
    everyday = person.function_list()[0] if person.function_list() else ""
    function = suggest_function(data["idcc"], everyday) or everyday
    rate = person.daily_rate or Decimal(0)
    cast = person.kind == PersonKind.CAST
    values: dict[str, Any] = {
        "idcc": data["idcc"],
        "function": function,
        "programme": data["programme"],
        "start": min(worked),
        "end": max(worked),
        "working_days": [d.isoformat() for d in worked],
        "pay_amount": rate if cast else rate * 5,
        "pay_basis": "cachet" if cast else "weekly_39h",
        "hourly_rate": None if cast else (rate / 8).quantize(Decimal("0.01"), ROUND_HALF_UP),
        "workplace": "Rabastens (Tarn) et décors extérieurs du plan de travail",
        "reference_hours": "39 heures par semaine" if not cast else "8 heures par jour",
        "conges_spectacles_number": f"CS-DEMO-{person.pk:04d}",
        "delivered_on": min(worked),
        "rights_remuneration": data["rights_remuneration"] if cast else {},
    }
    if person.key == data["late_delivery"]["person"]:
        values["delivered_on"] = data["late_delivery"]["delivered_on"]
    if person.key in data["author_shares"]:
        values["author_share_percent"] = Decimal(data["author_shares"][person.key])
    child = data["minor_authorisation"]
    if person.key == child["person"]:
        values["minor_authorisation"] = child["reference"]
        values["minor_guardian"], values["minor_schooling"] = child["guardian"], child["schooling"]
    contract, _ = Contract.objects.update_or_create(
        production=production, person=person, defaults=values
    )
    if person.key in data["signed"]:
        _sign(contract)


def _sign(contract: Contract) -> None:
    """Attach the generated PDF as the signed copy (once) and commit it to the budget."""
    if not contract.signed_file:
        pdf = contract_pdf(services.core_contract(contract))
        contract.signed_file.save(f"contrat-{contract.pk}-signe.pdf", ContentFile(pdf), save=False)
    contract.status = ContractStatus.SIGNED
    contract.save()
    services.commit_signed(contract)


def _safety(production: Production, data: dict[str, Any], people: dict[str, Person]) -> None:
    flags = services.breakdown_flags(production) or services.script_flags(
        read_script(script_text().encode(), "script.fountain").scenes
    )
    services.seed_risks(production, flags)
    for key, checklist in data["location_access"].items():
        location = Location.objects.filter(production=production, key=key).first()
        if location:
            LocationAccess.objects.update_or_create(
                location=location, defaults={"production": production, **checklist}
            )
    for key, needs in data["needs"].items():
        if key in people:
            AccommodationNeed.objects.update_or_create(
                person=people[key],
                defaults={
                    "production": production,
                    "needs": needs,
                    "consent": True,
                    "consent_on": data["start"],
                },
            )
    if not InclusionDeclaration.objects.filter(production=production).exists():
        InclusionDeclaration.objects.bulk_create(
            InclusionDeclaration(
                production=production,
                opted_in=True,
                **{k: v for k, v in answer.items() if k != "count"},
            )
            for answer in data["inclusion"]
            for _ in range(answer["count"])
        )
