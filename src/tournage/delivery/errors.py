"""Errors a user can cause while analysing a master."""

from __future__ import annotations


class DeliveryError(ValueError):
    """A file or request we cannot analyse; ``code`` is stable, the message is French."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
