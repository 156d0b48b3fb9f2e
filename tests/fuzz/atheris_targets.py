"""Coverage-guided fuzzing of the byte-level parsers with atheris (libFuzzer).

``make fuzz-atheris`` (or ``PYTHONPATH=src:tests .venv/bin/python -m fuzz.atheris_targets
TARGET -runs=100000``) feeds each parser mutated bytes, starting from small valid files of
the test suites, guided by the coverage of tournage's own modules. Like the hypothesis
targets of this folder, a parser may only return or raise the product's ``DomainError``:
any other exception is a crash, which libFuzzer reports with the input that caused it.
atheris comes from the optional ``fuzz`` extra (``pip install -e ".[fuzz]"``).
"""

from __future__ import annotations

import io
import sys
import tempfile
from collections.abc import Callable
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
    from tournage.followup.takes import read_takes
    from tournage.screenplay.reader import read_script

TESTS = Path(__file__).parents[1]


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


def _seed_pdf() -> bytes:
    return (TESTS / "screenplay/fixtures/pdf/la_navette.final-draft-letter.pdf").read_bytes()


def _seed_otio() -> bytes:
    from editorial.otio_files import timeline_json

    return timeline_json()


def _files(*paths: str) -> Callable[[], list[bytes]]:
    return lambda: [(TESTS / path).read_bytes() for path in paths]


# name: (what one input goes through, the seeds it starts from)
TARGETS: dict[str, tuple[Callable[[bytes], object], Callable[[], list[bytes]]]] = {
    "fountain": (
        lambda data: read_script(data, "x.fountain", "fountain"),
        _files("screenplay/fixtures/le_phare.fountain"),
    ),
    "fdx": (
        lambda data: read_script(data, "x.fdx", "fdx"),
        _files("screenplay/fixtures/le_phare.fdx"),
    ),
    "pdf": (lambda data: read_script(data, "x.pdf", "pdf"), lambda: [_seed_pdf()]),
    "subtitles": (
        read_subtitles,
        _files(
            "accessibility/fixtures/clean.srt",
            "accessibility/fixtures/sample.vtt",
            "accessibility/fixtures/sample.ass",
            "accessibility/fixtures/sample.ttml",
        ),
    ),
    "edl": (
        lambda data: read_timeline(data, "x.edl"),
        _files("editorial/samples/final_cut.edl"),
    ),
    # the product's path: the library in a child process (it ends its process on some
    # inputs), so this target runs a process per input and is slow
    "otio": (lambda data: read_timeline(data, "x.otio"), lambda: [_seed_otio()]),
    "ale": (lambda data: read_takes(data, "x.ale"), lambda: [_ale()]),
    "resolve_csv": (lambda data: read_takes(data, "x.csv"), lambda: [_resolve_csv()]),
    "expenses_csv": (
        lambda data: _expenses(data, "banque.csv"),
        lambda: [b"Date;Compte;Libell\xc3\xa9;Montant TTC\n02/01/2026;6110;x;1 500,50\n"],
    ),
    "expenses_xlsx": (lambda data: _expenses(data, "banque.xlsx"), lambda: [_seed_xlsx()]),
    "devis_xlsx": (import_devis, lambda: [_seed_xlsx()]),
    "carbon_csv": (
        lambda data: parse_actuals(data, "reel.csv"),
        lambda: [b"factor;quantity;unit\nx;12;km\n"],
    ),
    "benchmark_csv": (
        lambda data: read_benchmark(data, "b.csv"),
        lambda: [b"titre;canal\nLa Digue;cinema\n"],
    ),
    "benchmark_xlsx": (lambda data: read_benchmark(data, "b.xlsx"), lambda: [_seed_xlsx()]),
}


def _ale() -> bytes:
    from followup.test_takes import ALE

    return ALE


def _resolve_csv() -> bytes:
    from followup.test_takes import CSV

    return CSV


def one_input(parse: Callable[[bytes], object]) -> Callable[[bytes], None]:
    def run(data: bytes) -> None:
        try:
            parse(data)
        except DomainError as refusal:
            assert refusal.message, "a refusal says why"

    return run


def main(argv: list[str]) -> None:
    name, options = argv[1], argv[2:]
    parse, seeds = TARGETS[name]
    corpus = Path(tempfile.mkdtemp(prefix=f"fuzz-{name}-"))
    for number, seed in enumerate(seeds()):
        (corpus / f"seed{number}").write_bytes(seed)
    atheris.Setup([argv[0], *options, str(corpus)], one_input(parse))
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
