"""Older archives' data the signage page now holds or hands on (``plugins.Legacy``): the
age categories typed in development's channel plan come here, the slots typed here go to
the distribution plan, by the very functions of the migrations that moved them (with the
models from the app registry, as a migration takes them)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

from django.apps import apps

from tournage.web.productions.archive_legacy import text_field, time_field

from .models import ChannelRating

CATEGORIES = import_module("tournage.web.development.migrations.0003_age_category_to_rights")
SLOTS = import_module("tournage.web.rights.migrations.0002_slot_from_distribution_plan")

Resolve = Callable[[str, Any], Any]


def age_categories(production: Any, rows: list[dict[str, Any]], resolve: Resolve) -> None:
    for row in rows:
        typed = text_field(row, "development.channelplan", "age_category")
        channel = text_field(row, "development.channelplan", "channel")
        if typed and channel:
            rating, _ = ChannelRating.objects.get_or_create(production=production, channel=channel)
            CATEGORIES.merge(rating, typed)
            rating.save()


def slots(production: Any, rows: list[dict[str, Any]], resolve: Resolve) -> None:
    if not apps.is_installed("tournage.web.development"):
        return  # no distribution plan to hold them
    plan = apps.get_model("development", "ChannelPlan")
    for row in rows:
        slot = time_field(row, "rights.channelrating", "slot")
        channel = text_field(row, "rights.channelrating", "channel")
        rating = ChannelRating.objects.filter(production=production, channel=channel).first()
        if slot is not None and rating is not None:
            SLOTS.move_slot(plan, rating, slot)
