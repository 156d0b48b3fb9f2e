"""Media backups: every camera or sound card copied twice, each copy verified by a checksum
equal to the card's (computed by tournage on a server folder, or read from the DIT tool)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tournage.followup.errors import FollowupError
from tournage.followup.tables import FOLLOWUP

CHUNK = 1 << 20


@dataclass(frozen=True)
class Copy:
    destination: str
    checksum: str
    verified: bool


@dataclass(frozen=True)
class Card:
    label: str
    checksum: str  # of the card itself (source), "" when unknown
    copies: tuple[Copy, ...]


def good_copies(card: Card) -> int:
    """Copies verified with the card's checksum (two copies of a corrupt read do not count
    against a different source checksum)."""
    return sum(
        1
        for c in card.copies
        if c.verified and c.checksum and (not card.checksum or c.checksum == card.checksum)
    )


def unsafe_cards(cards: Sequence[Card]) -> list[str]:
    """Labels of cards with fewer verified copies than the data requires."""
    needed = FOLLOWUP.load().backups.copies_required
    return [card.label for card in cards if good_copies(card) < needed]


def folder_checksum(root: Path, algorithm: str = "sha256") -> str:
    """One checksum for a copied card folder: every file's relative path and content in
    path order, so the same card gives the same value wherever it is copied."""
    if algorithm not in hashlib.algorithms_available:
        raise FollowupError("backup.algorithm", f"Algorithme « {algorithm} » inconnu.")
    if not root.is_dir():
        raise FollowupError("backup.folder", f"Dossier introuvable : {root.name}.")
    digest = hashlib.new(algorithm)
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        with path.open("rb") as stream:
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
    return digest.hexdigest()
