"""Uploaded documents of the rights domain: checked for type, size and content before
anything is stored. A PDF must open, a DOCX must be a Word archive of reasonable size,
an image must be the image its name says."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from tournage.common.rules import RuleTable
from tournage.rights.errors import RightsError

MAGIC = {
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
}


@dataclass(frozen=True)
class UploadLimits:
    source: str
    max_bytes: int
    extensions: tuple[str, ...]
    docx_max_uncompressed: int
    docx_max_entries: int
    edit_max_bytes: int
    edit_extensions: tuple[str, ...]


UPLOADS = RuleTable("rights/uploads.yaml", UploadLimits)


def _suffix(filename: str) -> str:
    return PurePath(filename).suffix.lower()


def check_document(content: bytes, filename: str) -> None:
    """Raise ``RightsError`` unless ``content`` is an acceptable document named ``filename``."""
    limits = UPLOADS.load()
    suffix = _suffix(filename)
    if suffix not in limits.extensions:
        raise RightsError(
            "rights.document_type",
            f"Type de fichier refusé ({suffix[:10] or 'sans extension'}) : "
            f"{', '.join(limits.extensions)} seulement.",
        )
    if not content:
        raise RightsError("rights.document_empty", "Le fichier est vide.")
    if len(content) > limits.max_bytes:
        raise RightsError(
            "rights.document_size",
            f"Le fichier dépasse {limits.max_bytes // (1024 * 1024)} Mo.",
        )
    if not content.startswith(MAGIC[suffix]):
        raise RightsError(
            "rights.document_content", f"Le contenu ne correspond pas à un fichier {suffix}."
        )
    if suffix == ".docx":
        _check_docx(content, limits)
    if suffix == ".pdf" and b"%%EOF" not in content[-2048:]:
        raise RightsError("rights.document_content", "Ce PDF est tronqué ou illisible.")


def _check_docx(content: bytes, limits: UploadLimits) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile:
        raise RightsError("rights.document_content", "Ce DOCX est illisible.") from None
    names = {e.filename for e in entries}
    if len(entries) > limits.docx_max_entries or (
        sum(e.file_size for e in entries) > limits.docx_max_uncompressed
    ):
        raise RightsError(
            "rights.document_size", "Ce DOCX est trop volumineux une fois décompressé."
        )
    if "word/document.xml" not in names:
        raise RightsError("rights.document_content", "Ce fichier n'est pas un document Word.")


def check_edit(size: int, filename: str) -> None:
    """The cheap checks of an edit upload (the editorial core parses the content)."""
    limits = UPLOADS.load()
    if _suffix(filename) not in limits.edit_extensions:
        raise RightsError(
            "rights.edit_type", "Fournissez une EDL (.edl) ou un fichier OpenTimelineIO (.otio)."
        )
    if size > limits.edit_max_bytes:
        raise RightsError(
            "rights.edit_size", f"Le montage dépasse {limits.edit_max_bytes // (1024 * 1024)} Mo."
        )
