"""Teams checks: contracts (mentions, minima, delays, minors), commitments, working time,
risks and accessibility needs."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from tournage.referential.registry import Status
from tournage.web.labor.models import AccommodationNeed, Contract, LocationAccess, Risk, Timesheet

from .conftest import run

pytestmark = pytest.mark.django_db


def contract(production: Any, person: Any, **changes: Any) -> Contract:
    fields = {
        "idcc": 2642,
        "function": "Machiniste",
        "programme": "Court métrage « La Traversée »",
        "start": date(2026, 3, 2),
        "end": date(2026, 3, 13),
        "working_days": ["2026-03-02", "2026-03-03", "2026-03-09"],
        "pay_amount": Decimal("850.00"),
        "pay_basis": "weekly_35h",
        "workplace": "Albi",
        "genre": "fiction",
        "conges_spectacles_number": "CS-778812",
        "delivered_on": date(2026, 3, 3),
        **changes,
    }
    return Contract.objects.create(production=production, person=person, **fields)


@pytest.fixture
def hired(production: Any, make_person: Any) -> Contract:
    return contract(production, make_person(production))


def test_contract_checks_are_unknown_without_contracts(production: Any) -> None:
    for check in ("cddu_mentions", "minimum_pay", "all_contracts_validated"):
        assert run(check, production).status is Status.UNKNOWN


def test_contract_checks_pass_on_a_clean_contract(hired: Contract) -> None:
    production = hired.production
    for check in (
        "cddu_mentions",
        "minimum_pay",
        "contract_delivery_deadline",
        "all_contracts_validated",
        "minors_authorisation",
    ):
        assert run(check, production).status is Status.MET, check


def test_minimum_pay_and_validation_fail_under_the_minimum(hired: Contract) -> None:
    hired.pay_amount = Decimal("100.00")
    hired.save()
    assert run("minimum_pay", hired.production).status is Status.NOT_MET
    assert run("all_contracts_validated", hired.production).status is Status.NOT_MET


def test_cddu_mentions_fail_on_a_vague_object(hired: Contract) -> None:
    hired.programme = "divers"
    hired.save()
    assert run("cddu_mentions", hired.production).status is Status.NOT_MET


def test_contract_delivery_deadline_fails_when_handed_late(hired: Contract) -> None:
    hired.delivered_on = date(2026, 3, 20)
    hired.save()
    assert run("contract_delivery_deadline", hired.production).status is Status.NOT_MET


def test_minors_authorisation(hired: Contract, make_person: Any) -> None:
    production = hired.production
    child = make_person(production, kind="cast", birth_date=date(2017, 5, 1))
    young = contract(production, child, function="Machiniste")
    assert run("minors_authorisation", production).status is Status.NOT_MET
    young.minor_authorisation = "Préfecture du Tarn, arrêté 2026-014"
    young.save()
    assert run("minors_authorisation", production).status is Status.MET


def test_contract_to_commitment(hired: Contract) -> None:
    from tournage.web.budget.models import Commitment

    production = hired.production
    hired.status = "signed"
    hired.save()
    assert run("contract_to_commitment", production).status is Status.NOT_MET
    Commitment.objects.create(
        production=production, account="2.10", amount=1700, reference=f"contrat-{hired.pk}"
    )
    assert run("contract_to_commitment", production).status is Status.MET


def _shift(
    hired: Contract, start: tuple[int, int, int, int], end: tuple[int, int, int, int]
) -> None:
    Timesheet.objects.create(
        production=hired.production,
        person=hired.person,
        start=timezone.make_aware(datetime(*start)),
        end=timezone.make_aware(datetime(*end)),
        break_minutes=60,
    )


def test_working_time_compliance(hired: Contract) -> None:
    production = hired.production
    assert run("working_time_compliance", production).status is Status.UNKNOWN
    _shift(hired, (2026, 3, 2, 8, 0), (2026, 3, 2, 17, 0))
    assert run("working_time_compliance", production).status is Status.MET
    _shift(hired, (2026, 3, 3, 6, 0), (2026, 3, 3, 23, 0))
    result = run("working_time_compliance", production)
    assert result.status is Status.NOT_MET


def test_risky_scene_has_measures(production: Any) -> None:
    assert run("risky_scene_has_measures", production).status is Status.UNKNOWN
    risk = Risk.objects.create(
        production=production, scene="12", code="water", label="Eau", measures="", owner=""
    )
    assert run("risky_scene_has_measures", production).status is Status.NOT_MET
    risk.measures, risk.owner = "Plongeur de sécurité", "Régisseur général"
    risk.save()
    assert run("risky_scene_has_measures", production).status is Status.MET


def test_needs_matched(hired: Contract, make_location: Any) -> None:
    production = hired.production
    assert run("needs_matched", production).status is Status.UNKNOWN
    place = make_location(production)
    AccommodationNeed.objects.create(
        production=production, person=hired.person, needs=["wheelchair"], consent=True
    )
    Timesheet.objects.create(
        production=production,
        person=hired.person,
        location=place,
        start=timezone.make_aware(datetime(2026, 3, 2, 8)),
        end=timezone.make_aware(datetime(2026, 3, 2, 17)),
    )
    access = LocationAccess.objects.create(
        production=production, location=place, step_free_access=False
    )
    assert run("needs_matched", production).status is Status.NOT_MET
    access.step_free_access = access.accessible_toilets = access.accessible_parking = True
    access.save()
    assert run("needs_matched", production).status is Status.MET


def test_sensitive_data_consent_sees_the_teams_records(hired: Contract) -> None:
    production = hired.production
    need = AccommodationNeed.objects.create(
        production=production, person=hired.person, needs=["wheelchair"], consent=True
    )
    assert run("sensitive_data_consent", production).status is Status.MET
    need.consent = False
    need.save()
    assert run("sensitive_data_consent", production).status is Status.NOT_MET
