"""The one exception of the carbon core: a French message and a stable code."""

from __future__ import annotations


class CarbonError(ValueError):
    """An input a producer can fix: unknown factor, wrong unit, malformed file."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
