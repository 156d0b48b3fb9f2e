"""Errors a user can cause, with a stable code and a French message."""

from __future__ import annotations

from tournage.common.errors import DomainError


class BudgetError(DomainError):
    """A budget input a producer must fix (bad number, unknown account, ...)."""
