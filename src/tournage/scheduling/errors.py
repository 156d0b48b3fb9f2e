"""Errors a user can cause when feeding a schedule problem: French message, stable code."""

from __future__ import annotations


class SchedulingError(ValueError):
    """A problem that cannot be read or solved; ``code`` is stable, the message is French."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
