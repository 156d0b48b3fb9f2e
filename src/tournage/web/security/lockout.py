"""Lift a login lockout (django-axes) from the command line: ``tournage unlock``."""

from __future__ import annotations

from axes.utils import reset


def unlock(username: str | None = None, ip: str | None = None) -> int:
    """Forget the failed attempts of ``username`` and/or from ``ip``; how many were removed."""
    removed = 0
    if username:
        removed += reset(username=username)
    if ip:
        removed += reset(ip=ip)
    return removed
