"""The stripboard page: empty state, optimise and accept, who may act, the panel."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tournage.web.scheduling.models import Schedule, ScheduleStatus

from .web_helpers import url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_solver")]


def test_empty_state_without_script_in_french(member_client: Any, production: Any) -> None:
    response = member_client("producer").get(url("index", production))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Pas encore de dépouillement" in page  # French catalogue of the app
    assert url("optimise", production) not in page


def test_optimise_accept_and_board(member_client: Any, scripted: Any) -> None:
    client = member_client("production_manager")
    assert client.post(url("optimise", scripted)).status_code == 302
    proposal = Schedule.objects.get(production=scripted)
    assert proposal.status == ScheduleStatus.PROPOSED
    assert proposal.objective is not None and proposal.bound is not None
    assert proposal.assignments.count() == 3
    page = client.get(url("index", scripted)).content.decode()
    assert "Attente des comédiens (€)" in page  # comparison current vs proposed, in French
    client.post(url("accept", scripted, schedule_id=proposal.pk))
    proposal.refresh_from_db()
    assert proposal.status == ScheduleStatus.CURRENT
    board = client.get(url("board", scripted, schedule_id=proposal.pk))
    assert board.status_code == 200
    html = board.content.decode()
    assert "#a8dca8" in html  # EXT/NUIT strip colour from the data file
    assert 'data-scene="1"' in html and "scheduling/board.js" in html  # drag-and-drop
    crew_view = member_client("crew").get(url("board", scripted, schedule_id=proposal.pk))
    assert "data-scene" not in crew_view.content.decode()


def test_crew_cannot_optimise(member_client: Any, scripted: Any) -> None:
    assert member_client("crew").post(url("optimise", scripted)).status_code == 403
    assert not Schedule.objects.filter(production=scripted).exists()


def test_other_production_cannot_see_schedules(
    member_client: Any, scripted: Any, other_production: Any
) -> None:
    member_client("producer").post(url("optimise", scripted))
    schedule = Schedule.objects.get(production=scripted)
    outsider = member_client("producer", on=other_production)
    assert outsider.get(url("board", other_production, schedule_id=schedule.pk)).status_code == 404


def test_dashboard_panel_shows_the_current_schedule(member_client: Any, scripted: Any) -> None:
    client = member_client("producer")
    dashboard = reverse("productions:dashboard", kwargs={"production_id": scripted.pk})
    assert "optimise" in client.get(dashboard).content.decode().lower()  # empty state hint
    client.post(url("optimise", scripted))
    client.post(url("accept", scripted, schedule_id=Schedule.objects.get(production=scripted).pk))
    page = client.get(dashboard).content.decode()
    assert "kgCO2e" in page and "v1" in page


def test_a_move_to_a_set_without_location_says_so_and_links_the_mapping(
    member_client: Any, scripted: Any
) -> None:
    client = member_client("producer")
    client.post(url("optimise", scripted))
    schedule = Schedule.objects.get(production=scripted)
    page = client.get(url("board", scripted, schedule_id=schedule.pk)).content.decode()
    assert "None km" not in page and "distance inconnue" in page  # no set is placed
    assert reverse("screenplay:sets", kwargs={"production_id": scripted.pk}) in page
