"""The one base of every error a user can cause: a stable code and a message for a producer."""

from __future__ import annotations

from typing import Any


class DomainError(ValueError):
    """An input a producer can fix (bad file, unknown function, impossible plan...).

    ``code`` is stable (tests, the web app and the CLI key on it); ``message`` is
    the sentence shown to the user, in French; ``context`` carries the values the
    message was built from (a row number, a field), for logs and JSON output.
    """

    def __init__(self, code: str, message: str, **context: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.context = context

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, **self.context}


def reason(error: BaseException) -> str:
    """What went wrong, without the file name that OSError and FFmpeg errors append:
    the file sits in a server folder whose path must not reach a page."""
    return getattr(error, "strerror", None) or str(error)
