"""The team planning page and each person's calendar."""

from __future__ import annotations

from typing import Any

import pytest

from tournage.web.productions.models import Person, Role

pytestmark = pytest.mark.django_db


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
