"""Replanning: a new version, unavailabilities honoured."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tournage.web.scheduling.models import Schedule, Unavailability

from .web_helpers import url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_solver")]


def test_replanning_creates_a_new_version(member_client: Any, scripted: Any) -> None:
    client = member_client("producer")
    client.post(url("optimise", scripted))
    first = Schedule.objects.get(production=scripted)
    client.post(url("accept", scripted, schedule_id=first.pk))
    lost = first.days.order_by("date").first().date
    client.post(url("replan", scripted, schedule_id=first.pk), {"date": lost.isoformat()})
    second = Schedule.objects.exclude(pk=first.pk).get(production=scripted)
    assert second.origin == "replan"
    assert lost not in {day.date for day in second.days.all()}


def test_unavailability_is_used_by_the_next_solve(
    member_client: Any, scripted: Any, make_person: Any
) -> None:
    from tournage.web.screenplay.models import Character

    anna = make_person(scripted, kind="cast", first_name="Anna", last_name="K")
    Character.objects.filter(production=scripted, name="ANNA").update(person=anna)
    client = member_client("producer")
    client.post(
        url("unavailability", scripted),
        {"person": anna.pk, "date": "2027-03-01", "reason": "tournage ailleurs"},
    )
    assert Unavailability.objects.filter(person=anna).count() == 1
    client.post(url("optimise", scripted))
    schedule = Schedule.objects.get(production=scripted)
    anna_days = {
        a.day.date for a in schedule.assignments.select_related("day") if a.scene_key in ("1", "3")
    }
    assert date(2027, 3, 1) not in anna_days


def test_availability_collected_is_recorded_once_and_shown(
    member_client: Any, scripted: Any, make_person: Any
) -> None:
    from tournage.web.scheduling.models import AvailabilityConfirmation

    anna = make_person(scripted, kind="cast", first_name="Anna", last_name="K")
    make_person(scripted, kind="cast", first_name="Bruno", last_name="L")
    client = member_client("producer")
    for day in ("2027-01-04", "2027-01-05"):
        client.post(url("availability", scripted), {"person": anna.pk, "confirmed_on": day})
    confirmation = AvailabilityConfirmation.objects.get(production=scripted)
    assert (confirmation.person, confirmation.confirmed_on) == (anna, date(2027, 1, 5))
    page = client.get(url("index", scripted)).content.decode()
    assert "5 janvier 2027" in page
    assert page.count("non recueillies") == 1  # Bruno


def test_a_reader_cannot_record_availability(
    member_client: Any, scripted: Any, make_person: Any
) -> None:
    from tournage.web.scheduling.models import AvailabilityConfirmation

    anna = make_person(scripted, kind="cast", first_name="Anna", last_name="K")
    response = member_client("accountant").post(
        url("availability", scripted), {"person": anna.pk, "confirmed_on": "2027-01-04"}
    )
    assert response.status_code == 403
    assert not AvailabilityConfirmation.objects.exists()
