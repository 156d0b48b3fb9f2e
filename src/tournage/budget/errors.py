"""Errors a user can cause, with a stable code and a French message."""

from __future__ import annotations


class BudgetError(ValueError):
    """A budget input a producer must fix (bad number, unknown account, ...)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
