"""The teams demo step: contracts, planted compliance issues, risks from the breakdown."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tournage.labor.findings import finding_day
from tournage.web.labor.demo import load_demo_team
from tournage.web.labor.models import (
    AccommodationNeed,
    Contract,
    InclusionDeclaration,
    LocationAccess,
    Risk,
    Timesheet,
)
from tournage.web.labor.services import compliance
from tournage.web.productions.models import Person

pytestmark = pytest.mark.django_db


def _counts(production: Any) -> tuple[int, ...]:
    return tuple(
        m.objects.filter(production=production).count()
        for m in (
            Contract,
            Timesheet,
            Risk,
            LocationAccess,
            AccommodationNeed,
            InclusionDeclaration,
        )
    )


def test_demo_contracts_for_crew_and_cast_and_idempotent(demo: Any) -> None:
    people = Person.objects.filter(production=demo).exclude(kind="contact")
    assert Contract.objects.filter(production=demo).count() == people.count()
    child = Contract.objects.get(production=demo, person__key="ines-marty")
    assert child.minor_authorisation and child.function == "Artiste-interprète"
    assert child.idcc == 3097 and child.pay_basis == "cachet"
    signed = Contract.objects.filter(production=demo, status="signed")
    assert {c.person.key for c in signed} == {"olivier-teyssier", "thibault-mercadier"}
    assert all(c.signed_file for c in signed)
    files = sorted(c.signed_file.name for c in signed)
    before = _counts(demo)
    load_demo_team(demo)
    assert sorted(c.signed_file.name for c in signed.all()) == files
    assert _counts(demo) == before
    assert all(before), before


def test_demo_compliance_catches_the_planted_issues(demo: Any) -> None:
    findings, premiums = compliance(demo)
    got = {(f.code, f.subject) for f in findings}
    # night wrap Thursday 01:00, call 08:00: 7 h of rest
    rest = [f for f in findings if f.code == "LAB-REST-DAILY"]
    assert rest and all(finding_day(f) == date(2027, 4, 22) for f in rest)
    assert ("LAB-DELIVERY-LATE", "Hugo Lafon") in got
    assert ("LAB-MINOR-NIGHT", "Inès Marty") in got
    assert ("LAB-MINOR-AUTHORISATION", "Inès Marty") not in got
    assert premiums  # overtime / night hours of the week


def test_demo_risks_seeded_from_the_breakdown(demo: Any) -> None:
    codes = set(Risk.objects.filter(production=demo).values_list("code", flat=True))
    assert {"night_exterior", "water", "vehicle_in_motion", "minor"} <= codes


def test_every_demo_contract_generates_its_document(demo: Any) -> None:
    from tournage.labor.documents import contract_docx
    from tournage.web.labor.services import core_contract

    for contract in Contract.objects.filter(production=demo):
        assert contract_docx(core_contract(contract))[:2] == b"PK", contract
