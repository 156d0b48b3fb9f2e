"""Errors a user can cause while analysing a master."""

from __future__ import annotations

from tournage.common.errors import DomainError


class DeliveryError(DomainError):
    """A file or request we cannot analyse: ``code`` is stable, the message French."""
