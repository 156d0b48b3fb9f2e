"""What the closing app accepts as uploads: delivered files (any type, fingerprinted), and
acceptance or auditor certificates (PDF only). Refusals are ``ClosingError`` with a French
message; nothing here writes anything.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import PurePath

from tournage.common.errors import DomainError

PDF_MAGIC = b"%PDF-"
PDF_TAIL = b"%%EOF"
SHA256 = re.compile(r"[0-9a-f]{64}")
MAX_NAME = 255


class ClosingError(DomainError):
    """A closing upload or value a user gave that tournage refuses."""


def sha256_of(chunks: Iterable[bytes]) -> tuple[str, int]:
    """SHA-256 (hex) and size of a file read in chunks."""
    digest, size = hashlib.sha256(), 0
    for chunk in chunks:
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def normalise_sha256(text: str) -> str:
    """A SHA-256 typed or pasted (spaces, upper case, a ``sha256:`` prefix) → 64 hex digits."""
    value = re.sub(r"\s+", "", text).lower().removeprefix("sha256:")
    if not SHA256.fullmatch(value):
        raise ClosingError(
            "sha256.invalid", "Empreinte SHA-256 invalide : 64 caractères hexadécimaux attendus."
        )
    return value


def safe_name(name: str) -> str:
    """The last component of an uploaded name, without control characters."""
    base = PurePath(name.replace("\\", "/")).name
    cleaned = "".join(c for c in base if c.isprintable() and c not in '<>:"|?*')
    if not cleaned.strip(" ."):
        raise ClosingError("file.name", "Nom de fichier invalide.")
    return cleaned[-MAX_NAME:]


def check_size(size: int, limit: int) -> None:
    if size <= 0:
        raise ClosingError("file.empty", "Le fichier est vide.")
    if size > limit:
        raise ClosingError(
            "file.too_large",
            f"Fichier trop volumineux ({limit // (1024 * 1024)} Mo au plus).",
            limit=limit,
        )


def check_pdf(head: bytes, tail: bytes, size: int, limit: int) -> None:
    """An attestation or a certificate must be a whole PDF: its header and its end marker."""
    check_size(size, limit)
    if not head.startswith(PDF_MAGIC):
        raise ClosingError("pdf.not_pdf", "Le document doit être un PDF.")
    if PDF_TAIL not in tail:
        raise ClosingError("pdf.truncated", "PDF tronqué : la fin du fichier manque.")
