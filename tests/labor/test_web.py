"""Teams pages, demo step and permissions (crew never sees pay or accommodation needs)."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from docx import Document

from tournage.labor.analysis import analyse_file
from tournage.web.labor.demo import load_demo_team
from tournage.web.labor.models import (
    AccommodationNeed,
    Contract,
    Incident,
    InclusionDeclaration,
    LocationAccess,
    Risk,
    Timesheet,
)
from tournage.web.labor.services import compliance
from tournage.web.productions import demo as foundation_demo
from tournage.web.productions.models import Person, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(monkeypatch: pytest.MonkeyPatch) -> Any:
    """The demo production with only the foundation data, then the teams step."""
    monkeypatch.setattr(foundation_demo, "_steps", [])
    production, _ = foundation_demo.load_demo()
    load_demo_team(production)
    return production


def _counts(production: Any) -> tuple[int, ...]:
    return tuple(
        m.objects.filter(production=production).count()
        for m in (
            Contract,
            Timesheet,
            Risk,
            Incident,
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
    got = {(f.code, f.person) for f in findings}
    # night wrap Thursday 01:00, call 08:00: 7 h of rest
    rest = [f for f in findings if f.code == "LAB-REST-DAILY"]
    assert rest and all(f.day == date(2027, 4, 22) for f in rest)
    assert ("LAB-DELIVERY-LATE", "Hugo Lafon") in got
    assert ("LAB-MINOR-NIGHT", "Inès Marty") in got
    assert ("LAB-MINOR-AUTHORISATION", "Inès Marty") not in got
    assert premiums  # overtime / night hours of the week


def test_demo_risks_seeded_from_the_breakdown(demo: Any) -> None:
    codes = set(Risk.objects.filter(production=demo).values_list("code", flat=True))
    assert {"night_exterior", "water", "vehicle_in_motion", "minor"} <= codes


def test_producer_sees_pay_and_downloads_a_complete_docx(demo: Any, member_client: Any) -> None:
    client = member_client(Role.PRODUCER, on=demo)
    dashboard = client.get(f"/p/{demo.pk}/").content.decode()
    assert "contrats signés sur" in dashboard and "risques ouverts" in dashboard
    page = client.get(f"/p/{demo.pk}/teams/")
    assert page.status_code == 200 and "420,00 €" in page.content.decode()
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


def test_crew_never_sees_pay_or_needs(demo: Any, member_client: Any) -> None:
    crew = member_client(Role.CREW, on=demo)
    page = crew.get(f"/p/{demo.pk}/teams/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Inès Marty" in body and "€" not in body and "420,00" not in body
    contract = Contract.objects.filter(production=demo).first()
    for url in (
        f"/p/{demo.pk}/teams/contracts/{contract.pk}/contract.docx",
        f"/p/{demo.pk}/teams/contracts/{contract.pk}/",
        f"/p/{demo.pk}/teams/compliance/",
        f"/p/{demo.pk}/teams/accessibility/",
        f"/p/{demo.pk}/teams/risks/report.pdf",
        f"/p/{demo.pk}/teams/analyse/",
    ):
        assert crew.get(url).status_code == 403, url
    risks = crew.get(f"/p/{demo.pk}/teams/risks/").content.decode()
    assert "reduced_mobility" not in risks and "Mobilité" not in risks


def test_accountant_sees_compliance_but_not_needs(demo: Any, member_client: Any) -> None:
    accountant = member_client(Role.ACCOUNTANT, on=demo)
    page = accountant.get(f"/p/{demo.pk}/teams/compliance/")
    assert page.status_code == 200 and "LAB-REST-DAILY" in page.content.decode()
    assert accountant.get(f"/p/{demo.pk}/teams/accessibility/").status_code == 403


def test_manager_accessibility_and_report(demo: Any, member_client: Any) -> None:
    manager = member_client(Role.PRODUCTION_MANAGER, on=demo)
    page = manager.get(f"/p/{demo.pk}/teams/accessibility/").content.decode()
    assert "LAB-ACCESS-UNMET" in page and "Gérard Albouy" in page
    report = manager.get(f"/p/{demo.pk}/teams/risks/report.pdf")
    assert report.status_code == 200 and report.content.startswith(b"%PDF")
    from tournage.labor.analysis import extract_text

    text = extract_text(report.content)
    for expected in (
        "Rapport d'observation",
        "Registre des risques",
        "Extérieur nuit",
        "Glissade sur le ponton",
        "Référent sécurité : Yannick Rouquette",
        "Atelier de Marcel",
        "Repos de 7 h",
    ):
        assert expected in text, expected


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


def test_crew_cannot_post(production: Any, member_client: Any) -> None:
    crew = member_client(Role.CREW)
    assert crew.post(f"/p/{production.pk}/teams/risks/", {"add_risk": "1"}).status_code == 403


PLANTED = (
    "Contrat à durée déterminée d'usage (L.1242-2). Convention collective de la production "
    "audiovisuelle. Engagé en qualité de Machiniste. Rémunération brute : 600,00 € par "
    "semaine."
).encode()


def test_analyse_upload(production: Any, member_client: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = member_client(Role.ACCOUNTANT)
    url = f"/p/{production.pk}/teams/analyse/"
    page = client.post(url, {"file": SimpleUploadedFile("c.txt", PLANTED)}).content.decode()
    assert "LAB-MENTION-MISSING" in page and "LAB-PAY-BELOW-MIN" in page
    bad = client.post(url, {"file": SimpleUploadedFile("c.pdf", b"%PDF-1.4 broken")})
    assert bad.status_code == 200 and "PDF illisible" in bad.content.decode()
    wrong = client.post(url, {"file": SimpleUploadedFile("c.exe", b"MZ")})
    assert wrong.status_code == 200 and Contract.objects.count() == 0


def test_seed_risks_from_an_uploaded_script(production: Any, member_client: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = member_client(Role.PRODUCER)
    script = b"EXT. PONT SUR LA RIVIERE - NUIT\n\nLa voiture roule vers le fleuve.\n"
    url = f"/p/{production.pk}/teams/risks/seed/"
    client.post(url, {"file": SimpleUploadedFile("s.fountain", script)})
    assert {"night_exterior", "water"} <= set(Risk.objects.values_list("code", flat=True))
    count = Risk.objects.count()
    client.post(url, {"file": SimpleUploadedFile("s.fountain", b"")})
    client.post(url, {"file": SimpleUploadedFile("s.fountain", script)})
    assert Risk.objects.count() == count


def test_planning_and_person_calendar(demo: Any, member_client: Any) -> None:
    from icalendar import Calendar

    crew = member_client(Role.CREW, on=demo)
    page = crew.get(f"/p/{demo.pk}/teams/planning/")
    assert page.status_code == 200 and "Inès Marty" in page.content.decode()
    ines = Person.objects.get(production=demo, key="ines-marty")
    ics = crew.get(f"/p/{demo.pk}/teams/planning/{ines.pk}.ics")
    events = Calendar.from_ical(ics.content).walk("VEVENT")
    assert len(events) == 3  # contract period + 2 calls
    other = member_client(Role.PRODUCER)  # member of another production
    assert other.get(f"/p/{demo.pk}/teams/planning/{ines.pk}.ics").status_code == 404


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


def test_cli_checks_a_production_in_the_database(demo: Any, capsys: Any) -> None:
    import json

    from tournage.cli import main

    main(["--json", "labor", "check", str(demo.pk)])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert {"LAB-REST-DAILY", "LAB-DELIVERY-LATE"} <= {f["code"] for f in findings}
    with pytest.raises(SystemExit):
        main(["labor", "check", "999999"])
    assert "introuvable" in capsys.readouterr().err


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
        "rights_text": "cinéma = 50\ntélévision = 30,5",
    }
    response = client.post(f"/p/{production.pk}/teams/contracts/new/", data)
    assert response.status_code == 302
    contract = Contract.objects.get(production=production)
    assert contract.working_days == ["2026-03-02", "2026-03-03", "2026-03-09"]
    assert contract.rights_remuneration == {"cinéma": "50", "télévision": "30.5"}
    page = client.get(response["Location"]).content.decode()
    assert "LAB-DATES-UNCOVERED" in page and "LAB-ARTIST-RIGHTS" not in page
    bad = client.post(
        f"/p/{production.pk}/teams/contracts/new/",
        {**data, "working_days_text": "demain", "rights_text": "cinéma = beaucoup"},
    )
    assert bad.status_code == 200 and Contract.objects.count() == 1


def test_inclusion_page_hides_small_groups(demo: Any, member_client: Any) -> None:
    manager = member_client(Role.PRODUCER, on=demo)
    page = manager.get(f"/p/{demo.pk}/teams/inclusion/").content.decode()
    # image: 6 answers (3 f, 3 m): total shown, each gender group (3 < 5) hidden
    assert "people : 6" in page and "gender_f : —" in page
    crew = member_client(Role.CREW, on=demo)
    assert crew.get(f"/p/{demo.pk}/teams/inclusion/").status_code == 403
    refused = manager.post(f"/p/{demo.pk}/teams/inclusion/", {"department": "son"})
    assert refused.status_code == 200  # not opted in: nothing stored


def test_seed_risks_from_the_screenplay_apps_current_version(
    production: Any, member_client: Any
) -> None:
    from tournage.web.screenplay.services import import_script

    import_script(
        production, b"EXT. TOIT DE L'IMMEUBLE - NUIT\n\nMarc grimpe sur le toit.\n", "s.fountain"
    )
    client = member_client(Role.PRODUCTION_MANAGER)
    client.post(f"/p/{production.pk}/teams/risks/breakdown/")
    assert {"night_exterior", "height"} <= set(
        Risk.objects.filter(production=production).values_list("code", flat=True)
    )
    assert (
        member_client(Role.CREW).post(f"/p/{production.pk}/teams/risks/breakdown/").status_code
        == 403
    )


def test_actual_timesheet_replaces_the_planned_day(demo: Any, member_client: Any) -> None:
    manager = member_client(Role.PRODUCTION_MANAGER, on=demo)
    leon = Person.objects.get(production=demo, key="leon-chabert")
    url = f"/p/{demo.pk}/teams/compliance/"
    # Thursday call moved to 12:00: 01:00 -> 12:00 = 11 h of rest, the daily rest is met
    response = manager.post(
        url,
        {
            "person": leon.pk,
            "start": "2027-04-22T12:00",
            "end": "2027-04-22T20:00",
            "break_minutes": 60,
            "kind": "actual",
        },
    )
    assert response.status_code == 302
    findings, _ = compliance(demo)
    rest = {f.person for f in findings if f.code == "LAB-REST-DAILY"}
    assert "Léon Chabert" not in rest and "Julie Marcoux" in rest
    wrong = manager.post(
        url,
        {
            "person": leon.pk,
            "start": "2027-04-22T20:00",
            "end": "2027-04-22T12:00",
            "break_minutes": 0,
            "kind": "actual",
        },
    )
    assert wrong.status_code == 200
    too_long = manager.post(
        url,
        {
            "person": leon.pk,
            "start": "2027-04-22T08:00",
            "end": "2027-04-24T08:00",
            "break_minutes": 0,
            "kind": "actual",
        },
    )
    assert "24 h" in too_long.content.decode()
    assert Timesheet.objects.filter(person=leon, kind="actual").count() == 1
    # a call after the contract's end (23 April) is a day the contract does not cover
    manager.post(
        url,
        {
            "person": leon.pk,
            "start": "2027-04-26T08:00",
            "end": "2027-04-26T12:00",
            "break_minutes": 0,
            "kind": "actual",
        },
    )
    findings, _ = compliance(demo)
    assert ("LAB-DATES-UNCOVERED", "Léon Chabert", date(2027, 4, 26)) in {
        (f.code, f.person, f.day) for f in findings
    }


SCRIPT = """Title: Le Pont

EXT. PONT DE LA DIGUE - NUIT

Lou court sur le pont sous la pluie.

LOU
Attends-moi !

INT. CUISINE DE LA MAISON - JOUR

MARC range la vaisselle.

MARC
Tu es trempée.
""".encode()


def test_timesheets_planned_from_the_current_schedule(
    production: Any, member_client: Any, make_person: Any
) -> None:
    from tournage.web.scheduling.services import accept, optimise
    from tournage.web.screenplay.models import Character
    from tournage.web.screenplay.services import import_script

    production.shoot_start = date(2027, 5, 3)
    production.save()
    version = import_script(production, SCRIPT, "pont.fountain")
    lou = make_person(production, first_name="Lou", last_name="Petit", kind="cast")
    make_person(production, first_name="Ana", last_name="Roy", kind="crew")
    Character.objects.filter(version=version, name="LOU").update(person=lou)
    schedule = optimise(production, seconds=2)
    assert schedule is not None
    accept(schedule)
    Risk.objects.create(production=production, scene="1", code="night_exterior", label="x")
    manager = member_client(Role.PRODUCER)
    response = manager.post(f"/p/{production.pk}/teams/compliance/from-schedule/")
    assert response.status_code == 302
    sheets = Timesheet.objects.filter(production=production, kind="planned")
    assert {s.person.first_name for s in sheets} == {"Lou", "Ana"}
    assert sheets.filter(person=lou).count() == 1  # Lou only on the day of scene 1
    assert Risk.objects.get(production=production).day is not None
    again = manager.post(f"/p/{production.pk}/teams/compliance/from-schedule/")
    assert (
        again.status_code == 302
        and sheets.count()
        == Timesheet.objects.filter(production=production, kind="planned").count()
    )


def test_risk_added_by_hand_once_per_scene(production: Any, member_client: Any) -> None:
    client = member_client(Role.PRODUCER)
    url = f"/p/{production.pk}/teams/risks/"
    risk = {
        "add_risk": "1",
        "risk-scene": "12",
        "risk-code": "weapon",
        "risk-label": "Arme",
        "risk-status": "open",
    }
    assert client.post(url, risk).status_code == 302
    again = client.post(url, risk)
    assert again.status_code == 200 and "déjà" in again.content.decode()
    assert Risk.objects.filter(production=production).count() == 1
