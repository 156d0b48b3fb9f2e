"""Errors of the shoot follow-up a user can cause (a bad log file, a plan that loops)."""

from __future__ import annotations

from tournage.common.errors import DomainError


class FollowupError(DomainError):
    """A follow-up input a production manager can fix; ``message`` is in French."""
