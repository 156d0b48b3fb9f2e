"""Errors a user can cause when feeding a schedule problem: French message, stable code."""

from __future__ import annotations

from tournage.common.errors import DomainError


class SchedulingError(DomainError):
    """A problem that cannot be read or solved; ``code`` is stable, the message is French."""
