"""Before/after values of an audit-trail entry (django-simple-history records)."""

from __future__ import annotations

from typing import Any

from django import template

from .tournage_format import plain

register = template.Library()


@register.filter
def changes(record: Any) -> list[dict[str, Any]]:
    previous = record.prev_record
    if previous is None:
        return []
    delta = record.diff_against(previous)
    return [{"field": c.field, "old": _shown(c.old), "new": _shown(c.new)} for c in delta.changes]


def _shown(value: Any) -> Any:
    """A JSON value (a dict of comments, a list of days) in words, not as a Python repr."""
    return plain(value) if isinstance(value, dict | list) and value else value


@register.filter
def verbose_name(model: Any) -> str:
    return str(model._meta.verbose_name)
