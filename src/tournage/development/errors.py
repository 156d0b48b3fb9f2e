"""Errors of the development domain."""

from __future__ import annotations

from tournage.common.errors import DomainError


class DevelopmentError(DomainError):
    """An input of the development domain a producer can fix (a bad benchmark file...)."""
