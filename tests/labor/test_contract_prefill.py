"""A new contract pre-filled from the production, the person's card and the accepted plan
de travail, each value with its origin; saved twice, nothing changes."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from flow_helpers import plan_production
from tournage.labor.agreements import agreement_for_format
from tournage.web.labor.models import Contract
from tournage.web.labor.prefill import contract_initial
from tournage.web.scheduling.api import accepted_plan

pytestmark = pytest.mark.django_db


def test_the_agreement_follows_the_production_format(production: Any) -> None:
    assert agreement_for_format("short") == agreement_for_format("feature") == 3097
    assert agreement_for_format("documentary") == agreement_for_format("web") == 2642
    assert agreement_for_format("unknown") == 2642  # the registry's default
    production.format = "series_episode"
    assert contract_initial(production, None)[0]["idcc"] == 2642


def test_a_crew_contract_comes_from_the_card_and_the_plan(
    production: Any, make_person: Any
) -> None:
    made = plan_production(production, make_person)
    initial, origins = contract_initial(production, made["crew"])
    days = [d.day for d in accepted_plan(production).days]
    assert initial["idcc"] == 3097 and initial["function"] == "Directeur de la photographie"
    assert initial["pay_amount"] == made["crew"].daily_rate and initial["pay_basis"] == "daily_8h"
    assert (initial["start"], initial["end"]) == (min(days), max(days))
    assert initial["working_days_text"] == ", ".join(d.isoformat() for d in sorted(set(days)))
    assert initial["workplace"] == "Maison Roussel, Rabastens"
    assert any(f"plan de travail v{made['schedule'].number}" in origin for origin in origins)


def test_the_cast_is_called_on_their_days_only(production: Any, make_person: Any) -> None:
    made = plan_production(production, make_person)
    initial, _ = contract_initial(production, made["anna"])
    anna_days = [d.day for d in accepted_plan(production).days if made["anna"].pk in d.cast_ids]
    assert initial["working_days_text"] == ", ".join(d.isoformat() for d in sorted(anna_days))
    assert "function" not in initial  # her card names no function


def test_the_page_pre_fills_and_saving_keeps_every_value(
    production: Any, make_person: Any, member_client: Any
) -> None:
    made = plan_production(production, make_person)
    client = member_client("production_manager")
    url = f"/p/{production.pk}/teams/contracts/new/"
    page = client.get(url, {"person": made["crew"].pk}).content.decode()
    assert "Directeur de la photographie" in page and "Maison Roussel, Rabastens" in page
    assert f"d’après le plan de travail v{made['schedule'].number}" in page
    initial, _ = contract_initial(production, made["crew"])
    form = {
        **{k: str(v) for k, v in initial.items()},
        "reference_hours": "35 heures par semaine",
        "trial_days": "0",
        "status": "draft",
    }
    assert client.post(url, form).status_code == 302
    contract = Contract.objects.get(production=production)
    assert contract.function == "Directeur de la photographie" and contract.idcc == 3097
    assert contract.working_days == initial["working_days_text"].split(", ")
    assert client.get(url, {"person": "x"}).status_code == 200  # a bad id pre-fills nothing


def test_worked_days_follow_a_changed_accepted_plan(production: Any, make_person: Any) -> None:
    from tournage.web.labor.services import schedule_calls
    from tournage.web.scheduling import services as scheduling

    made = plan_production(production, make_person)
    anna = made["anna"].pk
    before = contract_initial(production, made["anna"])[0]["working_days_text"]
    later = scheduling.optimise(production, seconds=1)
    assert later is not None
    moved = date(2027, 3, 19)  # a Friday no version used: Anna's first scene goes there
    scheduling.move_scene(later, "1", moved)
    assert contract_initial(production, made["anna"])[0]["working_days_text"] == before
    scheduling.accept(later)
    worked = contract_initial(production, made["anna"])[0]["working_days_text"].split(", ")
    plan = accepted_plan(production)
    assert plan is not None and plan.number == later.number
    assert worked == sorted({d.day.isoformat() for d in plan.days if anna in d.cast_ids})
    assert moved.isoformat() in worked and worked != before.split(", ")
    calls = {start.date() for start, _end, _place in schedule_calls(production)[anna]}
    assert calls == {date.fromisoformat(d) for d in worked}
