"""Errors a user can cause by feeding a script: French message, stable code."""

from __future__ import annotations


class ScriptError(ValueError):
    """A script that cannot be read; ``code`` is stable, the message is for a producer."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
