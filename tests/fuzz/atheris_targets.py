"""Coverage-guided fuzzing of the parsers with atheris (libFuzzer).

``make fuzz-atheris`` (or ``PYTHONPATH=src:tests .venv/bin/python -m fuzz.atheris_targets
TARGET -runs=100000``) feeds each parser mutated bytes, starting from small valid files of
the test suites, guided by the coverage of tournage's own modules. Like the hypothesis
targets of this folder, a parser may only return or raise the product's ``DomainError``:
any other exception is a crash, which libFuzzer reports with the input that caused it.
atheris comes from the optional ``fuzz`` extra (``pip install -e ".[fuzz]"``).

Each target drives the product's own read path on one input. Its seeds are small and its
inputs bounded (``max_len``, libFuzzer's ``-max_len`` unless given on the command line):
a parser's cost grows with its input, and 100,000 inputs of a few kilobytes exercise the
grammar as well as a few of a megabyte would (the size limits have their own tests). The
targets whose input is not a file (``pdf_layout``, ``archive_rows``) build it from the
fuzzer's bytes; ``archive`` and ``archive_rows`` need Django (see ``fuzz.atheris_archive``).
"""

from __future__ import annotations

import io
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["tournage"]):
    from tournage.accessibility.readers import read_subtitles
    from tournage.budget.expense_import import parse_expenses, read_table, suggest_mapping
    from tournage.budget.xlsx import import_devis
    from tournage.carbon.importer import parse_actuals
    from tournage.common.errors import DomainError
    from tournage.development.benchmark_import import read as read_benchmark
    from tournage.editorial import read_timeline
    from tournage.editorial.otio import read_in_process
    from tournage.followup.takes import read_takes
    from tournage.screenplay.breakdown import break_down
    from tournage.screenplay.limits import ParseLimits
    from tournage.screenplay.pdf_import import parse_document
    from tournage.screenplay.pdf_text import Run, document_from_runs
    from tournage.screenplay.reader import read_script

TESTS = Path(__file__).parents[1]


@dataclass(frozen=True)
class Target:
    parse: Callable[[bytes], object]  # what one input goes through
    seeds: Callable[[], list[bytes]]  # the corpus it starts from
    max_len: int | None = None  # bytes per input; None: libFuzzer's own (4,096)


def _expenses(data: bytes, name: str) -> None:
    table = read_table(data, name)
    parse_expenses(table, suggest_mapping(table.headers), lambda code: None)


def _seed_xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in (["Date", "Compte", "Libellé", "Montant TTC"], ["2026-01-02", "6110", "x", 12.5]):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fountain_scenes() -> list[bytes]:
    """The sample script cut into pieces of a few paragraphs, each under the target's
    ``max_len``: the title page, notes, boneyard, lyrics, transitions, forced elements
    and dual dialogue are each in one."""
    text = (TESTS / "screenplay/fixtures/le_phare.fountain").read_bytes()
    pieces: list[bytes] = [b""]
    for paragraph in text.split(b"\n\n"):
        if len(pieces[-1]) > 400:
            pieces.append(b"")
        pieces[-1] += paragraph + b"\n\n"
    return pieces


_PDF_ROWS = [  # column (characters from the left edge), row, text: a page in Courier 12
    (15, 8, "1"),
    (15, 8, "INT. CUISINE - JOUR"),
    (76, 8, "1"),
    (15, 10, "NADIA pose une tasse. Un chien dort sous la table."),
    (37, 12, "NADIA"),
    (31, 13, "(bas)"),
    (25, 14, "Tu restes ?"),
    (37, 16, "MARC (CONT'D)"),
    (25, 17, "Non."),
    (67, 19, "CUT TO:"),
    (15, 21, "EXT. RUE - NUIT"),
    (72, 3, "2."),
]


def _seed_pdfs() -> list[bytes]:
    """A one-page script with its content stream left uncompressed, so that mutations
    reach the text operators, and the product's own rendering of a short script."""
    from reportlab.pdfgen.canvas import Canvas

    from tournage.screenplay.pdf_export import render_pdf
    from tournage.screenplay.reader import parse_text

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(612, 792), pageCompression=0, invariant=1)
    canvas.setFont("Courier", 12)
    for column, row, text in _PDF_ROWS:
        canvas.drawString(column * 7.2, 792 - 72 - row * 12, text)
    canvas.showPage()
    canvas.save()
    rendered = render_pdf(parse_text("INT. GARE - AUBE\n\nElle attend.\n\nNADIA\nEnfin.\n"))
    return [buffer.getvalue(), rendered]


_LIMITS = ParseLimits.defaults()


def _pdf_layout(data: bytes) -> None:
    """Text runs drawn from the bytes, as pdfium would give them (pages of runs: origin,
    right edge, baseline, text, bold, size), through the layout and the classifier."""
    source = atheris.FuzzedDataProvider(data)
    pages: list[list[Run]] = []
    for _ in range(source.ConsumeIntInRange(1, 3)):
        pages.append([_run(source) for _ in range(source.ConsumeIntInRange(0, 30))])
    script = parse_document(document_from_runs(pages, source.ConsumeFloatInRange(0, 900)), _LIMITS)
    if script.scenes:  # as read_script: a script without scenes is refused before this
        break_down(script)


_PDF_WORDS = [text for _, _, text in _PDF_ROWS] + ["(MORE)", "SÉQ. 3 — INT. GARE", "*", ""]


def _run(source: atheris.FuzzedDataProvider) -> Run:
    column = source.ConsumeIntInRange(-10, 90)
    row = source.ConsumeIntInRange(-5, 70)
    if source.ConsumeBool():
        text = source.PickValueInList(_PDF_WORDS)
    else:
        text = source.ConsumeUnicodeNoSurrogates(40)
    x0 = column * 7.2 + source.ConsumeIntInRange(-20, 20) / 10
    x1 = x0 + len(text) * 7.2 + source.ConsumeIntInRange(-50, 50) / 10
    size = source.PickValueInList([12.0, 12.0, 10.0, 1.0, 30.0, 0.0])
    return (
        x0,
        x1,
        72 + row * 12 + source.ConsumeIntInRange(-6, 6),
        text,
        source.ConsumeBool(),
        size,
    )


def _seed_pdf_layout() -> list[bytes]:
    return [bytes(range(256)) * 2, b"\x00" * 64, b"\x01\x05" * 200]


def _seed_otio() -> bytes:
    from editorial.otio_files import timeline_json

    return timeline_json()


def _files(*paths: str) -> Callable[[], list[bytes]]:
    return lambda: [(TESTS / path).read_bytes() for path in paths]


def _ale() -> bytes:
    from followup.test_takes import ALE

    return ALE


def _resolve_csv() -> bytes:
    from followup.test_takes import CSV

    return CSV


def _archive(name: str) -> Target:
    from fuzz import atheris_archive

    return atheris_archive.target(name, Target)


TARGETS: dict[str, Callable[[], Target]] = {
    "fountain": lambda: Target(
        lambda data: read_script(data, "x.fountain", "fountain"), _fountain_scenes, 1024
    ),
    "fdx": lambda: Target(
        lambda data: read_script(data, "x.fdx", "fdx"), _files("screenplay/fixtures/le_phare.fdx")
    ),
    # pdfium's reading of the bytes, then the layout: bounded to small documents
    "pdf": lambda: Target(lambda data: read_script(data, "x.pdf", "pdf"), _seed_pdfs, 2048),
    # the layout and the classifier alone, on runs pdfium could give: many more shapes
    "pdf_layout": lambda: Target(_pdf_layout, _seed_pdf_layout, 2048),
    "subtitles": lambda: Target(
        read_subtitles,
        _files(
            "accessibility/fixtures/clean.srt",
            "accessibility/fixtures/sample.vtt",
            "accessibility/fixtures/sample.ass",
            "accessibility/fixtures/sample.ttml",
        ),
    ),
    "edl": lambda: Target(
        lambda data: read_timeline(data, "x.edl"), _files("editorial/samples/final_cut.edl")
    ),
    # what the child process of read_otio runs, in this process: the schema checks must
    # keep the library from ending it (a crash of this process is a finding)
    "otio": lambda: Target(lambda data: read_in_process(data, None), lambda: [_seed_otio()]),
    "ale": lambda: Target(lambda data: read_takes(data, "x.ale"), lambda: [_ale()]),
    "resolve_csv": lambda: Target(lambda data: read_takes(data, "x.csv"), lambda: [_resolve_csv()]),
    "expenses_csv": lambda: Target(
        lambda data: _expenses(data, "banque.csv"),
        lambda: [b"Date;Compte;Libell\xc3\xa9;Montant TTC\n02/01/2026;6110;x;1 500,50\n"],
    ),
    "expenses_xlsx": lambda: Target(
        lambda data: _expenses(data, "banque.xlsx"), lambda: [_seed_xlsx()]
    ),
    "devis_xlsx": lambda: Target(import_devis, lambda: [_seed_xlsx()]),
    "carbon_csv": lambda: Target(
        lambda data: parse_actuals(data, "reel.csv"),
        lambda: [b"factor;quantity;unit\nx;12;km\n"],
    ),
    "benchmark_csv": lambda: Target(
        lambda data: read_benchmark(data, "b.csv"),
        lambda: [b"titre;canal\nLa Digue;cinema\n"],
    ),
    "benchmark_xlsx": lambda: Target(
        lambda data: read_benchmark(data, "b.xlsx"), lambda: [_seed_xlsx()]
    ),
    "archive": lambda: _archive("archive"),
    "archive_rows": lambda: _archive("archive_rows"),
}


def one_input(parse: Callable[[bytes], object]) -> Callable[[bytes], None]:
    def run(data: bytes) -> None:
        try:
            parse(data)
        except DomainError as refusal:
            assert refusal.message, "a refusal says why"

    return run


def main(argv: list[str]) -> None:
    name, options = argv[1], argv[2:]
    target = TARGETS[name]()
    if target.max_len and not any(option.startswith("-max_len=") for option in options):
        options.append(f"-max_len={target.max_len}")
    if not any(not option.startswith("-") for option in options):  # else: replay files
        corpus = Path(tempfile.mkdtemp(prefix=f"fuzz-{name}-"))
        for number, seed in enumerate(target.seeds()):
            (corpus / f"seed{number}").write_bytes(seed)
        options.append(str(corpus))
    atheris.Setup([argv[0], *options], one_input(target.parse))
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
