"""The contract form: creation, unknown functions, working days, rights, budget commitment."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tournage.web.labor.models import (
    Contract,
)
from tournage.web.productions.models import Role

pytestmark = pytest.mark.django_db


def test_contract_form_creates_and_rejects_unknown_function(
    production: Any, member_client: Any, make_person: Any
) -> None:
    client = member_client(Role.PRODUCER)
    person = make_person(production)
    data = {
        "person": person.pk,
        "idcc": 2642,
        "function": "Machiniste",
        "programme": "Série X ép. 1",
        "start": "2026-03-02",
        "end": "2026-03-06",
        "pay_amount": "700",
        "pay_basis": "weekly_35h",
        "workplace": "Paris",
        "reference_hours": "35 heures par semaine",
        "trial_days": 0,
        "status": "draft",
    }
    response = client.post(f"/p/{production.pk}/teams/contracts/new/", data)
    assert response.status_code == 302
    contract = Contract.objects.get(production=production)
    page = client.get(response["Location"]).content.decode()
    assert "LAB-PAY-BELOW-MIN" in page  # 700 < 721.54
    bad = client.post(f"/p/{production.pk}/teams/contracts/new/", {**data, "function": "Pilote"})
    assert bad.status_code == 200 and Contract.objects.count() == 1
    backwards = client.post(
        f"/p/{production.pk}/teams/contracts/new/", {**data, "end": "2026-03-01"}
    )
    assert backwards.status_code == 200 and Contract.objects.count() == 1
    assert contract.history.count() == 1


def test_contract_form_reads_working_days_and_rights(
    production: Any, member_client: Any, make_person: Any
) -> None:
    client = member_client(Role.PRODUCTION_MANAGER)
    person = make_person(production, kind="cast")
    data = {
        "person": person.pk,
        "idcc": 3097,
        "function": "Artiste-interprète",
        "programme": "Long métrage Y",
        "start": "2026-03-02",
        "end": "2026-03-06",
        "pay_amount": "450",
        "pay_basis": "cachet",
        "workplace": "Lyon",
        "reference_hours": "8 heures par jour",
        "trial_days": 0,
        "status": "draft",
        "working_days_text": "2026-03-03, 2026-03-02 2026-03-09",
        "rights_text": "cinéma = 50\ntélévision = 30,5\nvidéo = 1 500,50",
    }
    response = client.post(f"/p/{production.pk}/teams/contracts/new/", data)
    assert response.status_code == 302
    contract = Contract.objects.get(production=production)
    assert contract.working_days == ["2026-03-02", "2026-03-03", "2026-03-09"]
    rights = {"cinéma": "50", "télévision": "30.5", "vidéo": "1500.50"}  # French amounts read
    assert contract.rights_remuneration == rights
    page = client.get(response["Location"]).content.decode()
    assert "LAB-DATES-UNCOVERED" in page and "LAB-ARTIST-RIGHTS" not in page
    bad = client.post(
        f"/p/{production.pk}/teams/contracts/new/",
        {**data, "working_days_text": "demain", "rights_text": "cinéma = beaucoup"},
    )
    assert bad.status_code == 200 and Contract.objects.count() == 1


def test_signed_contract_becomes_a_budget_commitment(
    production: Any, member_client: Any, make_person: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tournage.web.budget.models import BudgetLine, BudgetVersion, Commitment

    person = make_person(production)
    version = BudgetVersion.objects.create(production=production, name="v1", title="Devis")
    BudgetLine.objects.create(
        budget=version, account="2.1", label="Machiniste", rate=800, person=person
    )
    contract = Contract.objects.create(
        production=production,
        person=person,
        idcc=2642,
        function="Machiniste",
        programme="Série X, ép. 1",
        start=date(2026, 3, 2),
        end=date(2026, 3, 13),
        working_days=[
            "2026-03-02",
            "2026-03-03",
            "2026-03-04",
            "2026-03-05",
            "2026-03-06",
            "2026-03-09",
        ],
        pay_amount=800,
        pay_basis="weekly_35h",
        workplace="Paris",
    )
    client = member_client(Role.PRODUCER)
    url = f"/p/{production.pk}/teams/contracts/{contract.pk}/signed/"
    client.post(url, {"file": SimpleUploadedFile("signed.docx", b"PK")})
    assert Commitment.objects.count() == 0  # wrong type: nothing stored
    client.post(url, {"file": SimpleUploadedFile("signed.pdf", b"%PDF-1.4 broken")})
    assert Commitment.objects.count() == 0  # unreadable PDF: nothing stored
    from tournage.labor.documents import contract_pdf
    from tournage.web.labor.services import core_contract

    signed = contract_pdf(core_contract(contract))
    client.post(url, {"file": SimpleUploadedFile("signed.pdf", signed)})
    commitment = Commitment.objects.get(production=production)
    # 6 working days = 2 started weeks x 800 EUR
    assert commitment.account == "2.1" and commitment.amount == 1600
    assert commitment.reference == f"contrat-{contract.pk}"
    contract.refresh_from_db()
    assert contract.status == "signed" and contract.signed_file
    client.post(url, {"file": SimpleUploadedFile("signed.pdf", signed)})
    assert Commitment.objects.count() == 1
