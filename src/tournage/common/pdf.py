"""Text in every PDF tournage writes (reportlab): user text is shown, never interpreted.

reportlab's ``Paragraph`` reads a markup language (``<b>``, ``<font>``, ``<img src>``…):
a scene heading with ``<img src="/etc/…">`` would embed a server file, a lone ``<``
would break the build. ``text`` escapes before building the paragraph; ``table`` lets a
row taller than a page split instead of failing the whole document.

``embedded_styles`` gives paragraph styles in a font embedded in the file (Bitstream
Vera, shipped with reportlab): an accessible PDF (PDF/UA) may not rely on the reader's
Helvetica. Vera has no narrow no-break space, which Babel puts between thousands in
French; ``text`` writes a no-break space instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.lib.styles import StyleSheet1, getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, Table

EMBEDDED_FONT = "TournageSans"
_VERA = {  # (bold, italic) -> (face suffix, the file reportlab ships)
    (0, 0): ("", "Vera.ttf"),
    (1, 0): ("-Bold", "VeraBd.ttf"),
    (0, 1): ("-Italic", "VeraIt.ttf"),
    (1, 1): ("-BoldItalic", "VeraBI.ttf"),
}
_NARROW_NBSP, _NBSP = "\u202f", "\u00a0"


def text(value: object, style: Any = None) -> Paragraph:
    """A paragraph showing ``value`` literally (``None`` as an empty paragraph)."""
    escaped = escape("" if value is None else str(value).replace(_NARROW_NBSP, _NBSP))
    return Paragraph(escaped) if style is None else Paragraph(escaped, style)


def table(rows: Sequence[Sequence[Any]], **options: Any) -> Table:
    """A table whose rows may split across pages (long user text never overflows)."""
    return Table(rows, splitInRow=1, **options)


@cache
def embedded_font() -> str:
    """Register the embedded family once; its regular face's name."""
    for (bold, italic), (suffix, file) in _VERA.items():
        name = EMBEDDED_FONT + suffix
        pdfmetrics.registerFont(TTFont(name, file))
        addMapping(EMBEDDED_FONT, bold, italic, name)
    return EMBEDDED_FONT


def embedded_styles() -> StyleSheet1:
    """reportlab's sample styles, every one in the embedded font (bold where it was)."""
    family = embedded_font()
    styles = getSampleStyleSheet()
    for style in styles.byName.values():
        if not hasattr(style, "fontName"):
            continue  # list styles take their paragraphs' font
        bold = "Bold" in style.fontName
        style.fontName = family + "-Bold" if bold else family
    return styles
