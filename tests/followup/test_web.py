"""Follow-up pages: call sheet completed and issued, takes imported, plan and exports."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tournage.web.followup.models import CallSheet, DailyReport, Milestone, Take
from tournage.web.productions.models import Role

pytestmark = pytest.mark.django_db
D1 = date(2027, 3, 1)


@pytest.fixture
def shoot(scheduled: Any, cast: dict[str, Any]) -> Any:
    return scheduled.production


def _url(production: Any, tail: str) -> str:
    return f"/p/{production.pk}/followup/{tail}"


def test_call_sheet_is_completed_issued_and_versioned(shoot: Any, member_client: Any) -> None:
    manager = member_client(Role.PRODUCTION_MANAGER)
    page = manager.get(_url(shoot, "call-sheets/"))
    assert page.status_code == 200 and "2027-03-01" in page.content.decode()
    form = {
        "weather": "Soleil",
        "hospital": "CH d'Albi",
        "safety_notes": "Câbles",
        "contacts": "Régie : 06",
        "notes": "",
    }
    assert manager.post(_url(shoot, "call-sheets/2027-03-01/"), form).status_code == 302
    assert manager.post(_url(shoot, "call-sheets/2027-03-01/"), form).status_code == 302
    assert CallSheet.objects.get().weather == "Soleil"
    for _ in range(2):
        manager.post(_url(shoot, "call-sheets/2027-03-01/issue/"))
    sheet = CallSheet.objects.get()
    assert sheet.version == 2 and sheet.content["hospital"] == "CH d'Albi"
    text = manager.get(_url(shoot, "call-sheets/2027-03-01/")).content.decode()
    assert "CH d&#x27;Albi" in text and "ANNA" in text


def test_a_day_outside_the_schedule_is_404(shoot: Any, member_client: Any) -> None:
    manager = member_client(Role.PRODUCTION_MANAGER)
    assert manager.get(_url(shoot, "call-sheets/2027-05-05/")).status_code == 404
    assert manager.get(_url(shoot, "call-sheets/x/")).status_code == 404
    assert manager.get(_url(shoot, "reports/2027-05-05/")).status_code == 404


def test_daily_report_form_saves(shoot: Any, member_client: Any) -> None:
    manager = member_client(Role.PRODUCTION_MANAGER)
    data = {
        "shot-status_1": "complete",
        "shot-eighths_1": "1",
        "shot-status_3": "partial",
        "shot-eighths_3": "0",
        "call": "08:00",
        "wrap": "18:30",
        "setups": "12",
        "takes": "30",
        "overtime_minutes": "0",
        "meal_penalties": "0",
        "energy_kwh": "85,5",
        "signed_off_by": "Scripte",
    }
    assert manager.post(_url(shoot, "reports/2027-03-01/"), data).status_code == 302
    report = DailyReport.objects.get()
    assert str(report.energy_kwh) == "85.5" and report.date == D1
    rows = list(report.scenes.values_list("pk", "scene", "complete"))
    assert [r[1:] for r in rows] == [("1", True), ("3", False)]
    manager.post(_url(shoot, "reports/2027-03-01/"), data)  # saved again unchanged
    assert list(report.scenes.values_list("pk", "scene", "complete")) == rows
    manager.post(_url(shoot, "reports/2027-03-01/"), {**data, "shot-status_3": ""})
    assert list(report.scenes.values_list("scene", flat=True)) == ["1"]
    refused = manager.post(_url(shoot, "reports/2027-03-01/"), {**data, "energy_kwh": "-3"})
    assert refused.status_code == 200
    report.refresh_from_db()
    assert str(report.energy_kwh) == "85.5"
    assert "Scripte" in manager.get(_url(shoot, "reports/")).content.decode()


ALE = (
    b"Heading\nFIELD_DELIM\tTABS\nFPS\t25\n\nColumn\nName\tScene\tSlate\tTake\tCamroll\tcircleTake\n\n"
    b"Data\nA001C001\t1\t1\t1\tA001\t\nA001C002\t1\t1\t2\tA001\ttrue\n"
)


def test_takes_import_then_a_bad_file_changes_nothing(shoot: Any, member_client: Any) -> None:
    manager = member_client(Role.PRODUCTION_MANAGER)
    upload = SimpleUploadedFile("jour1.ale", ALE)
    assert manager.post(_url(shoot, "takes/"), {"file": upload}).status_code == 302
    assert Take.objects.filter(selected=True).count() == 1
    bad = SimpleUploadedFile("jour2.ale", b"Heading\nFPS\t25\n")
    page = manager.post(_url(shoot, "takes/"), {"file": bad})
    assert page.status_code == 200 and "Heading, Column et Data" in page.content.decode()
    assert Take.objects.count() == 2
    again = SimpleUploadedFile("jour1.ale", ALE)
    manager.post(_url(shoot, "takes/"), {"file": again})
    assert Take.objects.count() == 2  # the same takes are updated, not doubled
    exported = manager.get(_url(shoot, "takes/export.ale"))
    assert exported.status_code == 200 and b"A001C002" in exported.content
    assert manager.get(_url(shoot, "takes/export.pdf")).status_code == 404


def test_crew_reads_but_cannot_import(shoot: Any, member_client: Any) -> None:
    crew = member_client(Role.CREW)
    assert crew.get(_url(shoot, "takes/")).status_code == 200
    upload = SimpleUploadedFile("jour1.ale", ALE)
    assert crew.post(_url(shoot, "takes/"), {"file": upload}).status_code == 403
    assert not Take.objects.exists()


def test_plan_page_gantt_and_ics(production: Any, member_client: Any) -> None:
    Milestone.objects.create(
        production=production,
        key="prep",
        name="Préparation",
        planned_start=date(2027, 1, 4),
        planned_end=date(2027, 2, 26),
        actual_start=date(2027, 1, 4),
        actual_end=date(2027, 3, 1),
    )
    manager = member_client(Role.PRODUCTION_MANAGER)
    page = manager.get(_url(production, "plan/")).content.decode()
    assert "<svg" in page and "Préparation" in page and "retard" in page
    feed = manager.get(_url(production, "plan/project.ics"))
    assert feed["Content-Type"].startswith("text/calendar")
    assert b"DTSTART;VALUE=DATE:20270104" in feed.content
    assert manager.get(_url(production, "")).status_code == 200


def test_call_sheet_pdf_and_personal_e_mails(
    shoot: Any, cast: dict[str, Any], member_client: Any
) -> None:
    from django.core import mail

    cast["ANNA"].email, cast["BRUNO"].email = "anna@example.org", "bruno@example.org"
    for person in cast.values():
        person.save()
    manager = member_client(Role.PRODUCTION_MANAGER)
    draft = manager.get(_url(shoot, "call-sheets/2027-03-02/sheet.pdf"))
    assert draft.status_code == 200 and draft.content.startswith(b"%PDF")
    manager.post(_url(shoot, "call-sheets/2027-03-02/send/"))
    assert mail.outbox == []  # not issued yet: nothing sent
    manager.post(_url(shoot, "call-sheets/2027-03-02/issue/"))
    manager.post(_url(shoot, "call-sheets/2027-03-02/send/"))
    assert [m.to for m in mail.outbox] == [["bruno@example.org"]]  # only BRUNO is called
    message = mail.outbox[0]
    assert "Votre convocation : ramassage" in message.body
    assert message.attachments[0][0] == "feuille-2027-03-02-v1.pdf"


def test_cards_copies_and_dropped_scenes(production: Any, member_client: Any) -> None:
    from tournage.web.followup.models import BackupCopy, DroppedScene, MediaCard

    manager = member_client(Role.PRODUCTION_MANAGER)
    card = {"card-label": "A001", "card-checksum": "ab12", "card-algorithm": "sha256"}
    manager.post(_url(production, "takes/add/card/"), card)
    stored = MediaCard.objects.get()
    for checksum in ("ab12", "ab13"):
        copy = {"copy-card": stored.pk, "copy-destination": "NAS", "copy-checksum": checksum}
        manager.post(_url(production, "takes/add/copy/"), copy)
    assert list(BackupCopy.objects.values_list("verified", flat=True)) == [True, False]
    dropped = {"dropped-scene": "12", "dropped-reason": "coupée"}
    manager.post(_url(production, "takes/add/dropped/"), dropped)
    assert DroppedScene.objects.get().production == production
    assert manager.post(_url(production, "takes/add/x/")).status_code == 404


def test_default_phases_and_versions(shoot: Any, member_client: Any) -> None:
    from tournage.web.followup.models import PostVersion

    manager = member_client(Role.PRODUCTION_MANAGER)
    manager.post(_url(shoot, "plan/phases/"))
    manager.post(_url(shoot, "plan/phases/"))  # twice: nothing doubled
    shoot_row = Milestone.objects.get(key="shoot")
    assert Milestone.objects.count() == 9
    assert (shoot_row.planned_start, shoot_row.planned_end) == (D1, date(2027, 3, 2))
    assert Milestone.objects.get(key="prep").planned_end == date(2027, 2, 28)
    version = {
        "version-kind": "mix",
        "version-number": "1",
        "version-approved_by": "Réal",
        "version-approved_on": "2027-09-01",
        "version-for_pad": "on",
    }
    manager.post(_url(shoot, "plan/versions/"), version)
    assert PostVersion.objects.get().approved


def test_crew_sees_no_one_elses_accommodation(
    shoot: Any, cast: dict[str, Any], member_client: Any
) -> None:
    from tournage.web.labor.models import AccommodationNeed

    AccommodationNeed.objects.create(
        production=shoot, person=cast["BRUNO"], needs=["wheelchair"], consent=True
    )
    manager = member_client(Role.PRODUCTION_MANAGER)
    crew = member_client(Role.CREW)
    office = manager.get(_url(shoot, "call-sheets/2027-03-02/")).content.decode()
    assert "Fauteuil roulant" in office
    shared = crew.get(_url(shoot, "call-sheets/2027-03-02/")).content.decode()
    assert "Fauteuil roulant" not in shared and "Wheelchair" not in shared
