"""The broadcast slot has one record, the development app's distribution plan: the signage
page reads it, judges it against the category with its own rules (which the cahier des
charges lists too), and slots typed on the signage page before moved there."""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest
from django.urls import reverse

from migration_helpers import migrated_back
from tournage.web.development import adapters as development
from tournage.web.development.models import ChannelPlan
from tournage.web.rights import api, services
from tournage.web.rights.forms import ChannelRatingForm
from tournage.web.rights.models import ChannelRating

BEFORE = [("rights", "0001_initial"), ("development", "0004_heads_owned_by_safety")]


@pytest.fixture
def on_tv(production: Any) -> Any:
    production.channels = ["fr_pad_hd_file", "fr_pad_arte"]
    production.save()
    return production


def _age_rating(production: Any) -> Any:
    return next(s for s in development.cdc_sections(production) if s.id == "age_rating")


@pytest.mark.django_db
def test_the_signage_reads_the_plan_s_slot_and_judges_it(on_tv: Any, member_client: Any) -> None:
    plan = ChannelPlan.objects.create(production=on_tv, channel="fr_pad_hd_file", slot=time(21))
    ChannelRating.objects.create(production=on_tv, channel="fr_pad_hd_file", category="III")
    facts = {f.channel: f for f in services.rating_facts(on_tv)}
    assert (facts["fr_pad_hd_file"].slot, facts["fr_pad_arte"].slot) == (time(21), None)
    [breach] = api.slot_breaches(on_tv)
    assert breach.startswith("fr_pad_hd_file : catégorie III incompatible")
    assert breach in _age_rating(on_tv).missing  # the cahier des charges lists the same
    page = member_client("producer").get(reverse("rights:release", args=[on_tv.pk]))
    html = page.content.decode()
    assert "<td>21:00</td>" in html
    assert reverse("development:distribution", args=[on_tv.pk]) in html
    plan.slot = time(22, 10)
    plan.save()
    assert api.slot_breaches(on_tv) == []
    assert not [m for m in _age_rating(on_tv).missing if "incompatible" in m]


def test_the_signage_form_does_not_ask_for_the_slot() -> None:
    assert "slot" not in ChannelRatingForm.base_fields


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_the_signage_slots_into_the_plan(production: Any) -> None:
    with migrated_back(BEFORE) as old:
        plan = old.get_model("development", "ChannelPlan")
        rating = old.get_model("rights", "ChannelRating")
        plan.objects.create(production_id=production.pk, channel="fr_pad_arte")  # no slot
        plan.objects.create(production_id=production.pk, channel="dcp_cinema", slot=time(20))
        for channel, slot in (
            ("fr_pad_hd_file", time(21, 10)),  # no plan row yet
            ("fr_pad_arte", time(22, 30)),
            ("dcp_cinema", time(23, 0)),  # the plan says otherwise
        ):
            rating.objects.create(
                production_id=production.pk, channel=channel, slot=slot, reason="Vu."
            )
    slots = dict(ChannelPlan.objects.filter(production=production).values_list("channel", "slot"))
    assert slots == {
        "fr_pad_hd_file": time(21, 10),
        "fr_pad_arte": time(22, 30),
        "dcp_cinema": time(20, 0),
    }
    reasons = dict(
        ChannelRating.objects.filter(production=production).values_list("channel", "reason")
    )
    assert reasons["dcp_cinema"] == "Vu. Case saisie à la signalétique : 23:00"
    assert reasons["fr_pad_arte"] == "Vu."
