"""Bulk inserts that still leave an audit trail (a plain ``bulk_create`` records no history).

Every app uses ``create_with_history`` to insert many rows of a model that declares
``history = HistoricalRecords()``; ``tests/productions/test_plugins.py`` checks it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.db.models import Model
from simple_history.utils import bulk_create_with_history

M = TypeVar("M", bound=Model)


def create_with_history(model: type[M], objects: Iterable[M], user: Any = None) -> list[M]:
    """Insert ``objects`` in one query and one history row each, by ``user`` if known."""
    created: list[M] = bulk_create_with_history(list(objects), model, default_user=user)
    return created
