"""The one exception of the labor core."""

from __future__ import annotations

from tournage.common.errors import DomainError


class LaborError(DomainError):
    """A problem the user can fix (bad input file, unknown function...); French message."""
