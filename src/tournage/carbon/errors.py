"""The one exception of the carbon core: a French message and a stable code."""

from __future__ import annotations

from tournage.common.errors import DomainError


class CarbonError(DomainError):
    """An input a producer can fix: unknown factor, wrong unit, malformed file."""
