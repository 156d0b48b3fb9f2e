"""Teams pages by role: pay and needs only for those who may see them."""

from __future__ import annotations

import io
from typing import Any

import pytest
from docx import Document

from tournage.labor.analysis import analyse_file
from tournage.web.labor.models import (
    Contract,
)
from tournage.web.productions.models import Role

pytestmark = pytest.mark.django_db


def test_producer_sees_pay_and_downloads_a_complete_docx(demo: Any, member_client: Any) -> None:
    client = member_client(Role.PRODUCER, on=demo)
    dashboard = client.get(f"/p/{demo.pk}/").content.decode()
    assert "contrats signés sur" in dashboard and "risques ouverts" in dashboard
    page = client.get(f"/p/{demo.pk}/teams/")
    assert page.status_code == 200
    assert "420,00\xa0€" in page.content.decode()
    contract = Contract.objects.get(production=demo, person__key="leon-chabert")
    response = client.get(f"/p/{demo.pk}/teams/contracts/{contract.pk}/contract.docx")
    assert response.status_code == 200
    analysis = analyse_file(response.content, "c.docx")
    assert all(m["present"] for m in analysis.mentions)
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "Léon Chabert" in text and "1er assistant opérateur cinéma" in text
    pdf = client.get(f"/p/{demo.pk}/teams/contracts/{contract.pk}/contract.pdf")
    assert pdf.content.startswith(b"%PDF")
    # 4 days of 9 h + the night of 8 h = 44 h: 8 h at +25 % and 1 h at +50 % (IDCC 3097 tiers)
    form_page = client.get(f"/p/{demo.pk}/teams/contracts/{contract.pk}/").content.decode()
    assert "heures supplémentaires (règle à confirmer) +25 %" in form_page
    assert "heures supplémentaires (règle à confirmer) +50 %" in form_page


def test_crew_sees_only_their_own_contract(demo: Any, member_client: Any) -> None:
    crew = member_client(Role.CREW, on=demo)
    own = Contract.objects.filter(production=demo).select_related("person").first()
    other = Contract.objects.filter(production=demo).exclude(pk=own.pk).first()
    crew.user.memberships.filter(production=demo).update(person=own.person)
    page = crew.get(f"/p/{demo.pk}/teams/").content.decode()
    assert str(own.person) in page
    assert str(other.person) not in page
    assert crew.get(f"/p/{demo.pk}/teams/contracts/{own.pk}/").status_code == 200
    assert crew.get(f"/p/{demo.pk}/teams/contracts/{own.pk}/contract.docx").status_code == 200
    for url in (
        f"/p/{demo.pk}/teams/contracts/{other.pk}/",
        f"/p/{demo.pk}/teams/contracts/{other.pk}/contract.pdf",
    ):
        assert crew.get(url).status_code == 404, url
    assert crew.post(f"/p/{demo.pk}/teams/contracts/{own.pk}/", {}).status_code == 403


def test_crew_never_sees_others_pay_or_needs(demo: Any, member_client: Any) -> None:
    crew = member_client(Role.CREW, on=demo)
    page = crew.get(f"/p/{demo.pk}/teams/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Inès Marty" not in body
    assert "€" not in body
    for url in (
        f"/p/{demo.pk}/teams/compliance/",
        f"/p/{demo.pk}/teams/accessibility/",
        f"/p/{demo.pk}/teams/analyse/",
    ):
        assert crew.get(url).status_code == 403, url
    risks = crew.get(f"/p/{demo.pk}/teams/risks/").content.decode()
    assert "reduced_mobility" not in risks
    assert "Mobilité" not in risks


def test_eco_referent_sees_no_contract(demo: Any, member_client: Any) -> None:
    referent = member_client(Role.ECO_REFERENT, on=demo)
    assert "Inès Marty" not in referent.get(f"/p/{demo.pk}/teams/").content.decode()
    contract = Contract.objects.filter(production=demo).first()
    assert referent.get(f"/p/{demo.pk}/teams/contracts/{contract.pk}/").status_code == 403


def test_accountant_reads_a_contract_and_downloads_it(demo: Any, member_client: Any) -> None:
    accountant = member_client(Role.ACCOUNTANT, on=demo)
    contract = Contract.objects.filter(production=demo).first()
    page = accountant.get(f"/p/{demo.pk}/teams/contracts/{contract.pk}/").content.decode()
    assert ">Enregistrer</button>" not in page
    document = accountant.get(f"/p/{demo.pk}/teams/contracts/{contract.pk}/contract.pdf")
    assert document.status_code == 200


def test_accountant_sees_compliance_but_not_needs(demo: Any, member_client: Any) -> None:
    accountant = member_client(Role.ACCOUNTANT, on=demo)
    page = accountant.get(f"/p/{demo.pk}/teams/compliance/")
    assert page.status_code == 200 and "LAB-REST-DAILY" in page.content.decode()
    assert accountant.get(f"/p/{demo.pk}/teams/accessibility/").status_code == 403


def test_crew_cannot_post(production: Any, member_client: Any) -> None:
    crew = member_client(Role.CREW)
    assert crew.post(f"/p/{production.pk}/teams/risks/", {"add_risk": "1"}).status_code == 403
