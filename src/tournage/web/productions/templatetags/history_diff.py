"""Before/after values of an audit-trail entry (django-simple-history records)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def changes(record: Any) -> list[dict[str, Any]]:
    previous = record.prev_record
    if previous is None:
        return []
    delta = record.diff_against(previous)
    return [{"field": c.field, "old": c.old, "new": c.new} for c in delta.changes]


@register.filter
def verbose_name(model: Any) -> str:
    return str(model._meta.verbose_name)
