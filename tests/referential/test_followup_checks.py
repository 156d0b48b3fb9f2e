"""Referential checks of the shoot follow-up: each one failing, then passing."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from django.utils import timezone

from tournage.web.followup import services
from tournage.web.followup.models import (
    BackupCopy,
    CallSheet,
    DailyReport,
    DroppedScene,
    MediaCard,
    Milestone,
    PostVersion,
    ReportedScene,
    Take,
)

from .conftest import run

pytestmark = pytest.mark.django_db
D1, D2 = date(2027, 3, 1), date(2027, 3, 2)  # the schedule of conftest's script: 1 and 3, then 2
SCENES = {D1: ("1", "3"), D2: ("2",)}
ACTIVITY = {"transport_km": 10, "energy_kwh": 5, "meals": 3, "waste_kg": 2}


@pytest.fixture
def shoot(scheduled: Any, cast: dict[str, Any], make_location: Any) -> Any:
    production = scheduled.production
    make_location(production, name="Cuisine", sets=["JARDIN"], address="2 rue des Lilas")
    return production


def _report(production: Any, day: date, scenes: tuple[str, ...] = (), **fields: Any) -> Any:
    values = {"signed_off_by": "Scripte", "call": time(8), "wrap": time(18), **ACTIVITY}
    values.update(fields)
    report = DailyReport.objects.create(production=production, date=day, **values)
    for scene in scenes:
        ReportedScene.objects.create(report=report, scene=scene, eighths=1)
    return report


def _status(check: str, production: Any) -> str:
    return run(check, production).status.value


def test_checks_are_unknown_without_a_schedule(production: Any) -> None:
    for check in (
        "c2_3_1.daily_report_each_day",
        "c3_2_3a.call_sheet_each_day",
        "c3_2_3a.call_times_rest",
        "c4_1_1.every_scene_has_select",
        "c3_2_3b.progress_vs_plan",
        "crit_b2_schedule_breakdown.breakdown_elements_available",
    ):
        assert _status(check, production) == "unknown", check


def test_daily_report_each_day(shoot: Any) -> None:
    assert _status("c2_3_1.daily_report_each_day", shoot) == "unknown"  # nothing shot yet
    _report(shoot, D2, SCENES[D2])
    result = run("c2_3_1.daily_report_each_day", shoot)
    assert result.status.value == "partly" and "01/03" in result.message
    _report(shoot, D1, SCENES[D1])
    assert _status("c2_3_1.daily_report_each_day", shoot) == "met"


def test_report_per_day_wants_signed_reports(shoot: Any) -> None:
    _report(shoot, D1, SCENES[D1], signed_off_by="")
    assert _status("crit_b3_progress_reports.report_per_day", shoot) == "not_met"
    DailyReport.objects.update(signed_off_by="Scripte")
    assert _status("crit_b3_progress_reports.report_per_day", shoot) == "met"


def test_activity_data_complete(shoot: Any) -> None:
    _report(shoot, D1, SCENES[D1], waste_kg=None)
    assert _status("c2_3.activity_data_complete", shoot) == "not_met"
    DailyReport.objects.update(waste_kg=4)
    assert _status("c2_3.activity_data_complete", shoot) == "met"


def _complete_sheets(production: Any) -> None:
    for day in (D1, D2):
        CallSheet.objects.create(
            production=production,
            date=day,
            weather="Soleil",
            hospital="CH",
            safety_notes="Câbles",
            contacts="Régie : 06",
            elements_confirmed=["props: tasse"],
        )
        services.issue(production, day)
    eve = timezone.make_aware(datetime(2027, 2, 28, 19))
    CallSheet.objects.filter(date=D1).update(issued_at=eve)
    CallSheet.objects.filter(date=D2).update(issued_at=eve + timedelta(days=1))


def test_call_sheet_each_day(shoot: Any) -> None:
    _report(shoot, D1, SCENES[D1])
    assert _status("c3_2_3a.call_sheet_each_day", shoot) == "not_met"
    _complete_sheets(shoot)
    assert _status("c3_2_3a.call_sheet_each_day", shoot) == "met"
    late = timezone.make_aware(datetime(2027, 3, 2, 9))  # sent on the day itself
    CallSheet.objects.filter(date=D2).update(issued_at=late)
    assert _status("c3_2_3a.call_sheet_each_day", shoot) == "partly"


def test_call_times_rest(shoot: Any) -> None:
    assert _status("c3_2_3a.call_times_rest", shoot) == "met"
    # a wrap before the call is the next morning: 07:00, then BRUNO's HMC at 16:30 on D2
    _report(shoot, D1, SCENES[D1], call=time(8), wrap=time(7, 0))
    result = run("c3_2_3a.call_times_rest", shoot)
    assert result.status.value == "not_met" and "repos" in result.message


def test_accommodations_on_call_sheets(shoot: Any, cast: dict[str, Any]) -> None:
    from tournage.web.labor.models import AccommodationNeed

    assert _status("c3_2_1.accommodations_applied", shoot) == "unknown"
    AccommodationNeed.objects.create(
        production=shoot, person=cast["BRUNO"], needs=["wheelchair"], consent=True
    )
    _complete_sheets(shoot)
    assert _status("c3_2_1.accommodations_applied", shoot) == "met"
    sheet = CallSheet.objects.get(date=D2)
    sheet.content = {**sheet.content, "accessibility": []}  # issued before the need was told
    sheet.save()
    check = "crit_b3_inclusive_coordination.accommodations_on_call_sheets"
    assert _status(check, shoot) == "partly"


def test_breakdown_elements_available(shoot: Any) -> None:
    check = "crit_b2_schedule_breakdown.breakdown_elements_available"
    assert _status(check, shoot) == "not_met"
    CallSheet.objects.create(production=shoot, date=D1, elements_confirmed=["props: tasse"])
    assert _status(check, shoot) == "met"


def test_progress_vs_plan(shoot: Any) -> None:
    _report(shoot, D1, ("1",))
    result = run("c3_2_3b.progress_vs_plan", shoot)
    assert result.status.value == "not_met" and result.value["eighths_shot"] == 1
    ReportedScene.objects.create(report=DailyReport.objects.get(), scene="3", eighths=1)
    assert _status("c3_2_3b.progress_vs_plan", shoot) == "met"


def test_report_consistency(shoot: Any, cast: dict[str, Any]) -> None:
    report = _report(shoot, D1, ("1", "99"))
    assert _status("crit_b3_progress_reports.report_consistency", shoot) == "not_met"
    ReportedScene.objects.filter(scene="99").update(scene="3")
    assert _status("crit_b3_progress_reports.report_consistency", shoot) == "met"
    from tournage.web.labor.models import Timesheet

    start = timezone.make_aware(datetime(2027, 3, 1, 8))
    Timesheet.objects.create(
        production=shoot, person=cast["ANNA"], start=start, end=start + timedelta(hours=4)
    )
    report.people_present.set([cast["ANNA"], cast["BRUNO"]])  # BRUNO has no timesheet
    result = run("crit_b3_progress_reports.report_consistency", shoot)
    assert result.status.value == "not_met" and "sans relevé" in result.message


def test_every_scene_has_select(shoot: Any) -> None:
    _report(shoot, D1, SCENES[D1])
    Take.objects.create(production=shoot, scene="1", shot="1", take="1", selected=True)
    result = run("c4_1_1.every_scene_has_select", shoot)
    assert result.status.value == "partly" and result.message.endswith("3")
    DroppedScene.objects.create(production=shoot, scene="3", reason="coupée au montage")
    assert _status("c4_1_1.every_scene_has_select", shoot) == "met"


def test_rushes_backed_up(production: Any) -> None:
    assert _status("c4_1_1.rushes_backed_up", production) == "unknown"
    card = MediaCard.objects.create(production=production, label="A001", checksum="ab")
    BackupCopy.objects.create(card=card, destination="ssd", checksum="ab", verified=True)
    assert _status("c4_1_1.rushes_backed_up", production) == "not_met"
    BackupCopy.objects.create(card=card, destination="nas", checksum="ab", verified=True)
    assert _status("c4_1_1.rushes_backed_up", production) == "met"


def _milestone(production: Any, key: str, start: date, end: date, **kw: Any) -> Milestone:
    return Milestone.objects.create(
        production=production, key=key, name=key, planned_start=start, planned_end=end, **kw
    )


def test_milestones_on_time(production: Any) -> None:
    assert _status("crit_b2_time_budget.milestones_on_time", production) == "unknown"
    prep = _milestone(
        production, "prep", date(2026, 1, 1), date(2026, 1, 10), actual_end=date(2026, 1, 12)
    )
    result = run("crit_b2_time_budget.milestones_on_time", production)
    assert result.status.value == "not_met" and "2 jour(s)" in result.message
    prep.actual_end = date(2026, 1, 10)
    prep.save()
    assert _status("crit_b2_time_budget.milestones_on_time", production) == "met"


def test_dependency_order(production: Any) -> None:
    check = "crit_b3_planning_chronology.dependency_order"
    assert _status(check, production) == "unknown"
    _milestone(production, "mix", date(2027, 6, 1), date(2027, 6, 10))
    qc = _milestone(production, "qc", date(2027, 6, 5), date(2027, 6, 12), after=["mix"])
    assert _status(check, production) == "not_met"
    qc.planned_start = date(2027, 6, 11)
    qc.save()
    assert _status(check, production) == "met"
    Milestone.objects.filter(key="mix").update(after=["qc"])
    assert "circulaires" in run(check, production).message


def test_pad_built_from_final_versions(production: Any) -> None:
    check = "crit_b4_pad_definition.pad_built_from_final_versions"
    assert _status(check, production) == "unknown"
    approved = {"approved_by": "Réalisatrice", "approved_on": date(2027, 9, 1)}
    PostVersion.objects.create(
        production=production, kind="grade", number=1, for_pad=True, **approved
    )
    PostVersion.objects.create(
        production=production, kind="mix", number=1, for_pad=True, **approved
    )
    PostVersion.objects.create(production=production, kind="mix", number=2, **approved)
    assert _status(check, production) == "not_met"
    PostVersion.objects.filter(kind="mix").update(for_pad=False)
    PostVersion.objects.filter(kind="mix", number=2).update(for_pad=True)
    assert _status(check, production) == "met"


def test_pad_built_from_final_versions_reads_the_delivered_pad(production: Any) -> None:
    """Without versions the check names the data missing; with them, a PAD delivered (by
    its checksum) before the approval of the final mix cannot be built from it."""
    from tournage.web.closing.models import Destination, RegisterItem

    check = "crit_b4_pad_definition.pad_built_from_final_versions"
    message = run(check, production).message
    assert "étalonnage et de mixage" in message and "registre de livraison" in message
    channel = Destination.objects.create(production=production, name="F3", kind="broadcaster")
    RegisterItem.objects.create(
        destination=channel,
        kind="pad",
        label="PAD HD",
        file_sha256="a" * 64,
        delivered_on=date(2027, 9, 10),
    )
    assert "registre de livraison" not in run(check, production).message
    approved = {"approved_by": "Réalisatrice", "for_pad": True}
    PostVersion.objects.create(
        production=production, kind="grade", number=1, approved_on=date(2027, 9, 1), **approved
    )
    PostVersion.objects.create(
        production=production, kind="mix", number=1, approved_on=date(2027, 9, 15), **approved
    )
    result = run(check, production)
    assert result.status.value == "not_met" and "PAD HD" in result.message
    PostVersion.objects.filter(kind="mix").update(approved_on=date(2027, 9, 5))
    assert _status(check, production) == "met"
