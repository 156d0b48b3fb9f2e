"""Text in every PDF tournage writes (reportlab): user text is shown, never interpreted.

reportlab's ``Paragraph`` reads a markup language (``<b>``, ``<font>``, ``<img src>``…):
a scene heading with ``<img src="/etc/…">`` would embed a server file, a lone ``<``
would break the build. ``text`` escapes before building the paragraph; ``table`` lets a
row taller than a page split instead of failing the whole document.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph, Table


def text(value: object, style: Any = None) -> Paragraph:
    """A paragraph showing ``value`` literally (``None`` as an empty paragraph)."""
    escaped = escape("" if value is None else str(value))
    return Paragraph(escaped) if style is None else Paragraph(escaped, style)


def table(rows: Sequence[Sequence[Any]], **options: Any) -> Table:
    """A table whose rows may split across pages (long user text never overflows)."""
    return Table(rows, splitInRow=1, **options)
