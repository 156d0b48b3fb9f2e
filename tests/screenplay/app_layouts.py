"""The layouts that screenwriting applications print, for the committed PDF corpus.

Each layout is the geometry an application's default screenplay template writes, in
Courier 12 (10 characters per inch; indents below are characters from the left margin).
Where the application publishes no figure, the layout is the industry template it
follows and says so: the aim is a reader tested on every column scheme producers receive,
not a byte-exact copy of any application's output.

``python -m screenplay.app_layouts`` (with ``PYTHONPATH=src:tests``) prints the Fountain
source ``fixtures/pdf/la_navette.fountain`` in each layout into ``fixtures/pdf/``;
``test_pdf_apps.py`` reads the committed PDFs back.
"""

from __future__ import annotations

from pathlib import Path

from .print_layouts import PrintLayout, french_numbers, printed

FOLDER = Path(__file__).parent / "fixtures" / "pdf"
SOURCE = FOLDER / "la_navette.fountain"

# Final Draft's US template (modernscreenplay.com, "What if I don't have Final Draft?",
# 2024): action 1.5" from the left edge, character 3.7", dialogue 2.5" to 6.0",
# parenthetical 3.1" and at most 2.4" wide, 1" top and bottom; page number "N." at the top
# right, scene numbers in both margins, (MORE)/(CONT'D).
_FINAL_DRAFT = {"character": (22, 38), "parenthetical": (16, 24), "dialogue": (10, 35)}
# The Fountain tools' print profile (afterwriting's print-profiles.js, a4 and usletter):
# character 3.5", parenthetical 3.0" (26 wide), dialogue 2.5" (36 wide), 57 lines on A4 and
# 55 on Letter. Highland (by Fountain's authors) prints this profile; uncertain to a column.
_FOUNTAIN_TOOLS = {"character": (20, 33), "parenthetical": (15, 26), "dialogue": (10, 36)}

APP_LAYOUTS = [
    PrintLayout("final-draft-letter", "letter", 55, 1.5, 1.0, 12, _FINAL_DRAFT, header="{page}."),
    # Final Draft's A4 page with its indents, a French script: sequence numbers written in
    # the heading ("1. INT. CABINE - AUBE"), none in the margins, (SUITE) for both marks.
    PrintLayout(
        "final-draft-a4-french",
        "a4",
        57,
        1.5,
        1.0,
        12,
        _FINAL_DRAFT,
        numbers="none",
        header="{page}.",
        headings=french_numbers,
        more="(SUITE)",
        contd="(SUITE)",
    ),
    # Fade In: the industry template, page numbers, numbers in both margins, bold headings
    # (its "bold scene headings" option); no published figures: uncertain to a column.
    PrintLayout(
        "fade-in-letter",
        "letter",
        55,
        1.5,
        1.0,
        12,
        _FINAL_DRAFT,
        header="{page}.",
        bold_headings=True,
    ),
    # WriterDuet: the industry template on A4 with numbers in the left margin only and
    # "(CONT)" after a cue; no published figures: uncertain.
    PrintLayout(
        "writerduet-a4",
        "a4",
        57,
        1.5,
        1.0,
        12,
        _FINAL_DRAFT,
        numbers="left",
        header="{page}.",
        contd="(CONT.)",
    ),
    # Celtx: names centred over the dialogue column, transitions at a column, no scene
    # numbers, page numbers; reported, uncertain.
    PrintLayout(
        "celtx-letter",
        "letter",
        55,
        1.5,
        1.0,
        12,
        _FINAL_DRAFT,
        cue_centred=True,
        numbers="none",
        header="{page}.",
        transition_indent=45,
    ),
    # Highland 2: the Fountain tools' profile, bold headings (its default), numbers in
    # both margins.
    PrintLayout(
        "highland-letter",
        "letter",
        55,
        1.5,
        1.0,
        12,
        _FOUNTAIN_TOOLS,
        header="{page}.",
        bold_headings=True,
    ),
]


def pdf_path(spec: PrintLayout) -> Path:
    return FOLDER / f"la_navette.{spec.name}.pdf"


def write_corpus() -> list[Path]:
    source = SOURCE.read_text(encoding="utf-8")
    paths = []
    for spec in APP_LAYOUTS:
        _, pdf, _ = printed(source, spec)
        pdf_path(spec).write_bytes(pdf)
        paths.append(pdf_path(spec))
    return paths


if __name__ == "__main__":
    for path in write_corpus():
        print(f"written: {path}")
