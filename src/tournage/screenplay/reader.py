"""Read a script file of any supported format into an analysed ``Script``.

One entry point for the CLI, the web upload and the demo: size limit, format
detection, decoding, parsing, pagination and breakdown. Every failure a user can
cause is a ``ScriptError`` with a French message.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from tournage.screenplay.assemble import apply_aliases, build_script
from tournage.screenplay.breakdown import break_down
from tournage.screenplay.errors import ScriptError
from tournage.screenplay.fountain import parse_fountain
from tournage.screenplay.limits import ParseLimits
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
    """The default size limit of a script file, in bytes."""
    return ParseLimits.defaults().max_bytes


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
    limits: ParseLimits | None = None,
    aliases: Mapping[str, str] | None = None,
) -> Script:
    """Parse, paginate and break down a script given as bytes.

    ``aliases`` merges characters (cue name → the character it is), as the user did on a
    previous version.

    A script without any scene is refused (``no_scenes``): it cannot be broken down, and
    as a new version it would mark every scene of the previous one omitted.
    """
    limits = limits or ParseLimits.defaults()
    if len(data) > limits.max_bytes:
        raise limits.too_large()
    if not data.strip():
        raise ScriptError("empty", "Le fichier est vide.")
    detected = detect_format(data, filename)
    fmt = fmt or detected
    if fmt not in FORMATS:
        raise ScriptError("format", f"Format inconnu « {fmt} » (fountain, fdx ou pdf).", fmt=fmt)
    _check_forced_format(fmt, detected)
    script = _PARSERS[fmt](data, paper, limits)
    if not script.scenes:
        raise _no_scenes(fmt)
    return break_down(apply_aliases(script, aliases or {}))


_FORMAT_NAMES = {
    "fountain": "un texte Fountain",
    "fdx": "un document Final Draft (FDX)",
    "pdf": "un PDF",
}


def _check_forced_format(fmt: str, detected: str) -> None:
    """A format chosen by hand that the content contradicts (a Fountain file read as PDF)."""
    signed = ("pdf", "fdx")  # formats recognised by their content
    if fmt != detected and (fmt in signed or detected in signed):
        raise ScriptError(
            "format_mismatch",
            f"Ce fichier est {_FORMAT_NAMES[detected]}, pas {_FORMAT_NAMES[fmt]} : "
            "choisissez le format qui correspond au fichier, ou laissez la détection "
            "automatique.",
            format=fmt,
            detected=detected,
        )


def _no_scenes(fmt: str) -> ScriptError:
    return ScriptError(
        "no_scenes",
        "Aucune séquence trouvée dans ce fichier : un scénario commence ses séquences par "
        "un intitulé (INT. CUISINE - JOUR, EXT. RUE - NUIT…).",
        format=fmt,
    )


def read_file(
    path: Path | str,
    fmt: str | None = None,
    *,
    paper: str = "letter",
    limits: ParseLimits | None = None,
) -> Script:
    path = Path(path)
    limits = limits or ParseLimits.defaults()
    try:
        if path.stat().st_size > limits.max_bytes:
            raise limits.too_large()
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise ScriptError("not_found", f"Fichier introuvable : {path}.", path=str(path)) from error
    except IsADirectoryError as error:
        raise ScriptError(
            "unreadable", f"{path} est un dossier, pas un fichier.", path=str(path)
        ) from error
    except PermissionError as error:
        raise ScriptError(
            "unreadable", f"Lecture du fichier {path} refusée (droits).", path=str(path)
        ) from error
    except OSError as error:
        raise ScriptError(
            "unreadable", f"Impossible de lire le fichier {path}.", path=str(path)
        ) from error
    return read_script(data, path.name, fmt, paper=paper, limits=limits)


def parse_text(text: str, paper: str = "letter", limits: ParseLimits | None = None) -> Script:
    """Fountain text → paginated script (no breakdown)."""
    limits = limits or ParseLimits.defaults()
    with gc_paused():
        title_page, elements = parse_fountain(text, limits)
        return build_script(title_page, elements, "fountain", paper, limits)


def _fountain(data: bytes, paper: str, limits: ParseLimits) -> Script:
    return parse_text(decode_text(data), paper, limits)


def _fdx(data: bytes, paper: str, limits: ParseLimits) -> Script:
    from tournage.screenplay.fdx import parse_fdx

    return parse_fdx(data, paper, limits)


def _pdf(data: bytes, paper: str, limits: ParseLimits) -> Script:
    from tournage.screenplay.pdf_import import parse_pdf

    return parse_pdf(data, paper, limits)


_PARSERS = {"fountain": _fountain, "fdx": _fdx, "pdf": _pdf}
