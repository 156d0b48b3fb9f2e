"""Errors a user can cause with a subtitle or audio-description file."""

from tournage.common.errors import DomainError


class SubtitleFormatError(DomainError):
    """The file cannot be read as subtitles; the message says why, in French."""

    def __init__(self, message: str, code: str = "subtitles.unreadable") -> None:
        super().__init__(code, message)
