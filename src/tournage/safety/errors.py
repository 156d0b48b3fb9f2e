"""The one exception of the safety core."""

from __future__ import annotations

from tournage.common.errors import DomainError


class SafetyError(DomainError):
    """A value the user can fix (a rating off the scale, an unknown post...); French message."""
