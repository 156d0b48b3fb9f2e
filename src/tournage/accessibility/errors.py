"""Errors a user can cause with a subtitle or audio-description file."""


class SubtitleFormatError(ValueError):
    """The file cannot be read as subtitles; the message says why, in French."""
