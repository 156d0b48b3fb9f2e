from __future__ import annotations

import io

import pdfplumber
from reportlab.platypus import SimpleDocTemplate

from tournage.common.pdf import embedded_font, embedded_styles, text


def _render(value: str) -> tuple[str, set[str]]:
    buffer = io.BytesIO()
    styles = embedded_styles()
    SimpleDocTemplate(buffer, initialFontName=embedded_font()).build(
        [text(value, styles["Heading1"]), text(value, styles["BodyText"])]
    )
    with pdfplumber.open(io.BytesIO(buffer.getvalue())) as pdf:
        page = pdf.pages[0]
        return page.extract_text(), {char["fontname"].split("+")[-1] for char in page.chars}


def test_french_thousands_keep_a_visible_no_break_space_in_the_embedded_font() -> None:
    amount = "1\u202f500,00\u00a0€ — « devis » <b>"
    assert text(amount).text == "1\u00a0500,00\u00a0€ — « devis » &lt;b&gt;"
    shown, fonts = _render(amount)
    assert shown.replace("\u00a0", " ").splitlines() == ["1 500,00 € — « devis » <b>"] * 2
    assert fonts == {"BitstreamVeraSans-Bold", "BitstreamVeraSans-Roman"}
