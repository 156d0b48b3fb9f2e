"""Errors a user can cause by feeding a script: French message, stable code."""

from __future__ import annotations

from tournage.common.errors import DomainError


class ScriptError(DomainError):
    """A script that cannot be read; ``code`` is stable, the message is for a producer."""
