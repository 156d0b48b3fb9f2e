"""Writes that leave the audit trail a reader expects.

Every app uses ``create_with_history`` to insert many rows of a model that declares
``history = HistoricalRecords()`` (a plain ``bulk_create`` records no history;
``tests/productions/test_plugins.py`` checks it), ``save_changed`` to save a row only when
a value differs, and ``save_with_history`` to name who made a save outside a request, or why.
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


def save_changed(model: type[M], lookup: dict[str, Any], values: dict[str, Any]) -> M:
    """``update_or_create`` that saves only when a value differs: saving the same input
    twice then leaves no second history row (an unchanged form changes nothing)."""
    row = model._default_manager.filter(**lookup).first()
    if row is None:
        created: M = model._default_manager.create(**lookup, **values)
        return created
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    if changed:
        for name in changed:
            setattr(row, name, values[name])
        row.save(update_fields=changed)
    return row


def save_with_history(instance: Model, user: Any = None, reason: str = "", **options: Any) -> None:
    """Save ``instance``; its history row names ``user`` (else the request's) and ``reason``.

    django-simple-history reads both from attributes of the instance that no model
    declares (``_history_user``, ``_change_reason``): set here, once, through ``vars``."""
    if user is not None:
        vars(instance)["_history_user"] = user
    if reason:
        vars(instance)["_change_reason"] = reason
    instance.save(**options)
