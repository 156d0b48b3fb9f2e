"""Read a script file of any supported format into an analysed ``Script``.

One entry point for the CLI, the web upload and the demo: size limit, format
detection, decoding, parsing, pagination and breakdown. Every failure a user can
cause is a ``ScriptError`` with a French message.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tournage.data import load_yaml
from tournage.screenplay.assemble import build_script
from tournage.screenplay.breakdown import break_down
from tournage.screenplay.errors import ScriptError
from tournage.screenplay.fountain import parse_fountain
from tournage.screenplay.model import Script

FORMATS = ("fountain", "fdx", "pdf")
_SUFFIXES = {
    ".fountain": "fountain",
    ".spmd": "fountain",
    ".txt": "fountain",
    ".fdx": "fdx",
    ".pdf": "pdf",
}


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building a script.

    A script is tens of thousands of small acyclic objects; CPython would otherwise run
    its collector many times over them (about half the parse time, measured).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def max_bytes() -> int:
    limit: int = load_yaml("screenplay/import.yaml")["max_bytes"]
    return limit


def detect_format(data: bytes, filename: str | None = None) -> str:
    """Format from the content first (a PDF or XML signature), else the file name."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"<?xml") or head.startswith(b"<FinalDraft"):
        return "fdx"
    suffix = Path(filename).suffix.lower() if filename else ""
    return _SUFFIXES.get(suffix, "fountain")


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252; binary data is refused."""
    if b"\x00" in data[:4096]:
        raise ScriptError("binary", "Ce fichier n'est pas un texte de scénario (contenu binaire).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_script(
    data: bytes,
    filename: str | None = None,
    fmt: str | None = None,
    *,
    paper: str = "letter",
) -> Script:
    """Parse, paginate and break down a script given as bytes."""
    if len(data) > max_bytes():
        raise _too_large()
    if not data.strip():
        raise ScriptError("empty", "Le fichier est vide.")
    fmt = fmt or detect_format(data, filename)
    if fmt not in FORMATS:
        raise ScriptError("format", f"Format inconnu « {fmt} » (fountain, fdx ou pdf).")
    script = _PARSERS[fmt](data, paper)
    return break_down(script)


def read_file(path: Path | str, fmt: str | None = None, *, paper: str = "letter") -> Script:
    path = Path(path)
    try:
        if path.stat().st_size > max_bytes():
            raise _too_large()
        data = path.read_bytes()
    except OSError as error:
        raise ScriptError(
            "unreadable", f"Impossible de lire le fichier : {error.strerror}."
        ) from error
    return read_script(data, path.name, fmt, paper=paper)


def _too_large() -> ScriptError:
    megabytes = max_bytes() // 1_000_000
    return ScriptError("too_large", f"Le fichier dépasse la taille maximale de {megabytes} Mo.")


def parse_text(text: str, paper: str = "letter") -> Script:
    """Fountain text → paginated script (no breakdown)."""
    with gc_paused():
        title_page, elements = parse_fountain(text)
        return build_script(title_page, elements, "fountain", paper)


def _fountain(data: bytes, paper: str) -> Script:
    return parse_text(decode_text(data), paper)


def _fdx(data: bytes, paper: str) -> Script:
    from tournage.screenplay.fdx import parse_fdx

    return parse_fdx(data, paper)


def _pdf(data: bytes, paper: str) -> Script:
    from tournage.screenplay.pdf_import import parse_pdf

    return parse_pdf(data, paper)


_PARSERS = {"fountain": _fountain, "fdx": _fdx, "pdf": _pdf}
