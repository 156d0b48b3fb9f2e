"""Bulk inserts that still leave an audit trail (plain bulk_create skips the history)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.db.models import Model
from simple_history.utils import bulk_create_with_history

M = TypeVar("M", bound=Model)


def create_all(model: type[M], objects: Iterable[M], user: Any = None) -> list[M]:
    created: list[M] = bulk_create_with_history(list(objects), model, default_user=user)
    return created
