"""The referential tests' small scripted and scheduled productions, for the stripboard."""

from referential.conftest import scheduled, scripted

__all__ = ["scheduled", "scripted"]
