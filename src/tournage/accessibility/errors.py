"""Errors a user can cause with a subtitle or audio-description file."""

from __future__ import annotations

from tournage.common.errors import DomainError


class SubtitleFormatError(DomainError):
    """The file cannot be read as subtitles: ``code`` is stable, the message French."""
