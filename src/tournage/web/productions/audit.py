"""The production's audit trail, one page at a time, filtered by module, user and dates.

History rows live in one table per model (django-simple-history). A page is merged from
the newest rows of each table: the tables are counted and each one gives at most the rows
up to the end of the wanted page, so a deep page costs more but no page reads a whole
table into memory.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import islice
from typing import Any

from django.apps import apps
from django.db.models import Model, QuerySet
from django.utils import timezone

from .archive import archived_models
from .models import Production

PAGE_SIZE = 50
SYSTEM = "system"  # the user filter's value for rows no user wrote (demo, import, task)


@dataclass(frozen=True)
class Filters:
    module: str = ""  # an app label
    user: str = ""  # a user id, or SYSTEM
    since: date | None = None
    until: date | None = None  # inclusive


@dataclass(frozen=True)
class Page:
    entries: list[Any]
    number: int
    num_pages: int
    total: int

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages


def historied_models() -> list[type[Model]]:
    """Production first, then every archived model that keeps a history."""
    models: list[type[Model]] = [Production, *archived_models()]
    return [m for m in models if getattr(m, "history", None) is not None]


def module_choices() -> list[tuple[str, str]]:
    labels = dict.fromkeys(m._meta.app_label for m in historied_models())
    return sorted(
        ((label, str(apps.get_app_config(label).verbose_name)) for label in labels),
        key=lambda choice: choice[1].lower(),
    )


def page(production_id: int, filters: Filters, number: int, size: int | None = None) -> Page:
    """Page ``number`` (from 1, clamped to the last page) of the filtered trail."""
    size = size or PAGE_SIZE
    querysets = [
        _filtered(_scoped(model, production_id), filters)
        for model in historied_models()
        if not filters.module or model._meta.app_label == filters.module
    ]
    total = sum(qs.count() for qs in querysets)
    num_pages = max(1, -(-total // size))
    number = min(max(number, 1), num_pages)
    newest = [_newest(qs, number * size) for qs in querysets]
    merged = heapq.merge(*newest, key=lambda record: record.history_date, reverse=True)
    entries = list(islice(merged, (number - 1) * size, number * size))
    return Page(entries, number, num_pages, total)


def _newest(records: QuerySet[Any], limit: int) -> Iterator[Any]:
    return iter(records.select_related("history_user").order_by("-history_date")[:limit])


def _filtered(records: QuerySet[Any], filters: Filters) -> QuerySet[Any]:
    if filters.user == SYSTEM:
        records = records.filter(history_user__isnull=True)
    elif filters.user:
        records = records.filter(history_user_id=filters.user)
    if filters.since:
        records = records.filter(history_date__gte=_start_of(filters.since))
    if filters.until:
        records = records.filter(history_date__lt=_start_of(filters.until + timedelta(days=1)))
    return records


def _start_of(day: date) -> datetime:
    """Midnight of ``day`` where the user is: a day is the user's day, not UTC's."""
    return timezone.make_aware(datetime.combine(day, time.min))


def _scoped(model: type[Model], production_id: int) -> QuerySet[Any]:
    records: QuerySet[Any] = model.history.all()  # type: ignore[attr-defined]
    if model is Production:
        return records.filter(id=production_id)
    field_names = {f.name for f in model._meta.concrete_fields}
    if "production" in field_names:
        return records.filter(production_id=production_id)
    for fk in model._meta.concrete_fields:
        related = getattr(fk, "related_model", None)
        if related is not None and "production" in {f.name for f in related._meta.concrete_fields}:
            ids = related._default_manager.filter(production_id=production_id).values("pk")
            return records.filter(**{f"{fk.attname}__in": ids})
    return records.none()
