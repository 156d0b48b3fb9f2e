"""The target age category has one record, the rights app's signage page: the channel plan
reads it (and says where from), and categories typed in the plan before moved there."""

from __future__ import annotations

from importlib import import_module
from types import SimpleNamespace
from typing import Any

import pytest
from django.urls import reverse

from migration_helpers import migrated_back
from tournage.web.development import adapters
from tournage.web.development.models import ChannelPlan
from tournage.web.rights.models import ChannelRating

MIGRATION = import_module("tournage.web.development.migrations.0003_age_category_to_rights")
BEFORE = [("development", "0002_channelplan_slot_time"), ("rights", "0001_initial")]


def _rating(category: str = "", reason: str = "") -> Any:
    return SimpleNamespace(category=category, reason=reason)


def test_a_typed_category_fills_an_empty_rating_and_a_different_one_is_noted() -> None:
    empty = _rating()
    MIGRATION.merge(empty, "-12")
    assert (empty.category, empty.reason) == ("III", "")
    same = _rating("II", "Enfant en danger.")
    MIGRATION.merge(same, "II")
    assert (same.category, same.reason) == ("II", "Enfant en danger.")
    other = _rating("II", "Enfant en danger.")
    MIGRATION.merge(other, "I")
    assert other.category == "II"  # the signage page's own category wins...
    assert other.reason == "Enfant en danger. Catégorie saisie au plan de diffusion : I"  # ...kept
    unreadable = _rating()
    MIGRATION.merge(unreadable, "-10/-12")
    assert unreadable.category == "" and "-10/-12" in unreadable.reason


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_the_plans_categories_into_the_rights(production: Any) -> None:
    with migrated_back(BEFORE) as old:
        plan = old.get_model("development", "ChannelPlan")
        rating = old.get_model("rights", "ChannelRating")
        for channel, typed in (("fr_pad_hd_file", "I"), ("fr_pad_arte", "IV"), ("dcp_cinema", "")):
            plan.objects.create(production_id=production.pk, channel=channel, age_category=typed)
        rating.objects.create(production_id=production.pk, channel="fr_pad_hd_file", category="II")
    moved = {r.channel: r for r in ChannelRating.objects.filter(production=production)}
    assert set(moved) == {"fr_pad_hd_file", "fr_pad_arte"}
    assert moved["fr_pad_arte"].category == "IV"
    assert moved["fr_pad_hd_file"].category == "II"
    assert "plan de diffusion : I" in moved["fr_pad_hd_file"].reason
    assert adapters.age_categories(production) == {"fr_pad_hd_file": "II", "fr_pad_arte": "IV"}


@pytest.mark.django_db
def test_the_plan_reads_the_signage_page_and_links_to_it(production: Any, member_client) -> None:
    ChannelPlan.objects.create(production=production, channel="fr_pad_hd_file", versions="VF")
    ChannelRating.objects.create(production=production, channel="fr_pad_hd_file", category="III")
    [read] = adapters.channel_plans(production)
    assert read.age_category == "III"
    page = member_client("producer").get(
        reverse("development:distribution", kwargs={"production_id": production.pk})
    )
    html = page.content.decode()
    assert "<td>III " in html
    assert reverse("rights:release", kwargs={"production_id": production.pk}) in html


@pytest.mark.django_db
def test_the_channel_plan_form_no_longer_asks_the_category(production: Any, member_client) -> None:
    producer = member_client("producer")
    create = reverse("development:channel_plan_create", kwargs={"production_id": production.pk})
    assert 'name="age_category"' not in producer.get(create).content.decode()
    ChannelRating.objects.create(production=production, channel="fr_pad_arte", category="IV")
    producer.post(create, {"channel": "fr_pad_arte", "versions": "VF", "age_category": "I"})
    assert ChannelRating.objects.get(production=production).category == "IV"
