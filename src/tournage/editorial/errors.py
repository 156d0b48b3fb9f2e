"""The one error an edit decision list or timeline file can cause."""

from __future__ import annotations

from tournage.common.errors import DomainError


class EditorialError(DomainError):
    """An EDL or OpenTimelineIO file tournage cannot read (French message, line named)."""
