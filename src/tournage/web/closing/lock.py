"""A closed production is read-only for every app (``productions.access`` write locks)."""

from __future__ import annotations

from tournage.web.productions.access import register_write_lock
from tournage.web.productions.models import Production

from .models import ClosingFile


def is_closed(production: Production) -> bool:
    return ClosingFile.objects.filter(production=production, closed_at__isnull=False).exists()


def register() -> None:
    register_write_lock(is_closed)
