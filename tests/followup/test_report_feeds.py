"""A saved daily report feeds the carbon actuals, the timesheets and the cost report, once."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from tournage.budget.report import analyse
from tournage.labor.premiums import first_overtime_premium
from tournage.web.budget import adapters
from tournage.web.budget.models import BudgetLine, BudgetVersion, ReportedCost
from tournage.web.carbon.models import CarbonActivity
from tournage.web.followup.models import DailyReport
from tournage.web.labor import services as labor_services
from tournage.web.labor.models import Contract, Timesheet
from tournage.web.productions.models import Role

pytestmark = pytest.mark.django_db
URL = "/p/{}/followup/reports/2027-03-01/"
ORIGIN = "rapport de production du 01/03/2027"


@pytest.fixture
def shoot(scheduled: Any, cast: dict[str, Any]) -> Any:
    return scheduled.production


def _form(cast: dict[str, Any], **extra: str) -> dict[str, str]:
    anna, bruno = cast["ANNA"], cast["BRUNO"]
    return {
        "shot-status_1": "complete",
        "shot-eighths_1": "1",
        "shot-eighths_2": "1",
        "shot-eighths_3": "1",
        "call": "08:00",
        "wrap": "18:30",
        "meal_minutes": "60",
        "setups": "12",
        "takes": "30",
        "overtime_minutes": "0",
        "meal_penalties": "0",
        "transport_km": "312",
        "meals": "38",
        f"people-present_{anna.pk}": "on",
        f"people-present_{bruno.pk}": "on",
        f"people-call_{anna.pk}": "09:00",
        f"people-wrap_{anna.pk}": "13:00",
        **extra,
    }


def _history(production: Any) -> list[int]:
    return [
        DailyReport.history.filter(production=production).count(),
        CarbonActivity.history.filter(production=production).count(),
        Timesheet.history.filter(production=production).count(),
        ReportedCost.history.filter(production=production).count(),
    ]


def _local(moment: Any) -> tuple[time, time]:
    return timezone.localtime(moment).time()


def test_report_quantities_and_times_are_fed_once(
    shoot: Any, cast: dict[str, Any], member_client: Any
) -> None:
    manager = member_client(Role.PRODUCTION_MANAGER)
    assert manager.post(URL.format(shoot.pk), _form(cast)).status_code == 302
    activities = {a.factor: a for a in CarbonActivity.objects.filter(production=shoot)}
    assert activities["car_unknown_avg_desnz"].quantity == 312
    assert activities["car_unknown_avg_desnz"].label == f"Transport (véhicules) — {ORIGIN}"
    assert activities["meal_average_uk_production_albert_derived"].quantity == 38
    sheets = {t.person_id: t for t in Timesheet.objects.filter(production=shoot)}
    bruno, anna = sheets[cast["BRUNO"].pk], sheets[cast["ANNA"].pk]
    assert (_local(bruno.start), _local(bruno.end), bruno.break_minutes) == (
        time(8),
        time(18, 30),
        60,
    )
    assert (_local(anna.start), _local(anna.end)) == (time(9), time(13))
    assert {t.origin for t in sheets.values()} == {ORIGIN}

    before, ids = _history(shoot), sorted(CarbonActivity.objects.values_list("pk", flat=True))
    assert manager.post(URL.format(shoot.pk), _form(cast)).status_code == 302
    assert _history(shoot) == before  # saved unchanged: nothing written anywhere
    assert sorted(CarbonActivity.objects.values_list("pk", flat=True)) == ids

    del_bruno = _form(cast, transport_km="")
    del del_bruno[f"people-present_{cast['BRUNO'].pk}"]
    manager.post(URL.format(shoot.pk), del_bruno)
    left = CarbonActivity.objects.filter(production=shoot)
    assert [a.factor for a in left] == ["meal_average_uk_production_albert_derived"]
    assert list(Timesheet.objects.values_list("person_id", flat=True)) == [cast["ANNA"].pk]

    page = manager.get(URL.format(shoot.pk)).content.decode()
    assert "Repas servis — rapport de production du 01/03/2027" in page
    assert f"/p/{shoot.pk}/teams/compliance/" in page


def _contract(production: Any, person: Any, hourly: str | None) -> Contract:
    return Contract.objects.create(
        production=production,
        person=person,
        idcc=2642,
        function="Comédien",
        programme="Essai",
        start=date(2027, 2, 22),
        end=date(2027, 3, 12),
        pay_amount=Decimal("900"),
        workplace="Albi",
        hourly_rate=None if hourly is None else Decimal(hourly),
    )


def test_a_53_minute_call_with_an_hour_break_is_a_finding_not_a_crash(
    shoot: Any, cast: dict[str, Any], member_client: Any
) -> None:
    bruno = cast["BRUNO"]
    _contract(shoot, bruno, "20")
    manager = member_client(Role.PRODUCTION_MANAGER)
    form = _form(cast, **{f"people-call_{bruno.pk}": "08:00", f"people-wrap_{bruno.pk}": "08:53"})
    assert manager.post(URL.format(shoot.pk), form).status_code == 302
    findings, _premiums = labor_services.compliance(shoot)
    [rejected] = [f for f in findings if f.code == "labor.break_invalid"]
    assert rejected.subject == str(bruno) and rejected.severity == "fail"
    assert manager.get(f"/p/{shoot.pk}/teams/compliance/").status_code == 200


def test_overtime_and_extra_days_feed_the_estimate_to_complete(
    shoot: Any, cast: dict[str, Any], member_client: Any
) -> None:
    bruno = cast["BRUNO"]
    contract = _contract(shoot, bruno, "20")
    version = BudgetVersion.objects.create(
        production=shoot, name="v1", title="Devis", is_reference=True
    )
    BudgetLine.objects.create(
        budget=version,
        account="3.1",
        label="Bruno",
        unit="jour",
        quantity_ref="tournage",
        rate=Decimal("450"),
        person=bruno,
    )
    manager = member_client(Role.PRODUCTION_MANAGER)
    form = _form(cast, overtime_minutes="90", extra_days="1")
    assert manager.post(URL.format(shoot.pk), form).status_code == 302
    premium = first_overtime_premium(labor_services.core_worker(contract))
    assert premium is not None
    costs = {c.reference.rsplit(":", 2)[1]: c for c in ReportedCost.objects.all()}
    assert costs["overtime"].amount == (Decimal("1.5") * 20 * (1 + premium)).quantize(
        Decimal("0.01")
    )
    assert costs["extra"].amount == Decimal("450.00")
    assert {c.origin for c in costs.values()} == {ORIGIN}
    _totals, report, _financing = analyse(adapters.production_budget(shoot))
    [row] = [r for r in report.accounts if r.code == "3.1"]
    assert row.etc_added == costs["overtime"].amount + costs["extra"].amount
    page = member_client(Role.PRODUCER).get(f"/p/{shoot.pk}/budget/costs/").content.decode()
    assert "d&#x27;après le rapport de production du 01/03/2027" in page

    manager.post(URL.format(shoot.pk), _form(cast, overtime_minutes="0", extra_days=""))
    assert not ReportedCost.objects.exists()


@pytest.mark.django_db(transaction=True)  # SQLite's schema editor refuses an open atomic block
@pytest.mark.parametrize(
    ("app", "migration"),
    [("followup", "0002"), ("labor", "0004"), ("budget", "0005")],
)
def test_new_columns_are_added_without_rebuilding_a_table(app: str, migration: str) -> None:
    out = StringIO()
    call_command("sqlmigrate", app, migration, stdout=out)
    sql = out.getvalue()
    assert sql and "new__" not in sql  # SQLite's table rebuild copies into new__<table>
