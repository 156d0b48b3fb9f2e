"""Errors a user can cause in the rights domain."""

from __future__ import annotations

from tournage.common.errors import DomainError


class RightsError(DomainError):
    """A rights input a producer can fix (bad upload, unknown type, impossible dates)."""
