"""Media backups: every camera or sound card copied twice, each copy verified by a checksum
equal to the card's (computed by tournage on a server folder, or read from the DIT tool).

An offload hashes every file of the card and of each copy (streamed, bounded memory) and
compares the copies with the card file by file."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


Progress = Callable[[int], None]  # bytes read so far


def _xxhash(name: str) -> Any:
    """The xxHash constructor of ``name`` when the optional ``xxhash`` wheel is installed."""
    try:
        import xxhash
    except ImportError:
        return None
    return {"xxh64": xxhash.xxh64, "xxh128": xxhash.xxh3_128}.get(name)


def available_algorithms() -> tuple[str, ...]:
    """The data's algorithms this server can compute (xxHash only with its wheel)."""
    return tuple(
        name
        for name in FOLLOWUP.load().backups.algorithms
        if name in hashlib.algorithms_available or _xxhash(name) is not None
    )


def new_hash(algorithm: str) -> Any:
    if algorithm not in FOLLOWUP.load().backups.algorithms:
        raise FollowupError("backup.algorithm", f"Algorithme « {algorithm} » inconnu.")
    constructor = _xxhash(algorithm)
    if constructor is not None:
        return constructor()
    if algorithm not in hashlib.algorithms_available:
        raise FollowupError(
            "backup.algorithm", f"Algorithme « {algorithm} » indisponible sur ce serveur."
        )
    return hashlib.new(algorithm)


def card_files(root: Path) -> list[Path]:
    """The card's files in path order (links are not followed: a copy holds files)."""
    if not root.is_dir():
        raise FollowupError("backup.folder", f"Dossier introuvable : {root.name}.")
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def check_distinct(folders: Sequence[Path]) -> None:
    """A card and its copies are distinct folders, none inside another (a copy inside the
    card would be hashed as the card's own files)."""
    resolved = [f.resolve() for f in folders]
    if len(set(resolved)) < len(resolved) or any(
        a != b and a.is_relative_to(b) for a in resolved for b in resolved
    ):
        raise FollowupError(
            "backup.nested",
            "La carte et chaque copie doivent être des dossiers distincts, aucun dans un autre.",
        )


def folder_size(root: Path) -> int:
    return sum(path.stat().st_size for path in card_files(root))


def file_digest(path: Path, algorithm: str, progress: Progress | None = None) -> str:
    """Streamed in CHUNK pieces: memory stays bounded whatever the clip's size."""
    digest = new_hash(algorithm)
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
            if progress is not None:
                progress(len(chunk))
    return str(digest.hexdigest())


def manifest(root: Path, algorithm: str, progress: Progress | None = None) -> dict[str, str]:
    """Relative path → digest of every file of a card folder."""
    return {
        path.relative_to(root).as_posix(): file_digest(path, algorithm, progress)
        for path in card_files(root)
    }


def manifest_digest(files: dict[str, str], algorithm: str) -> str:
    """One checksum for a card: its manifest's paths and digests in path order, so the
    same card gives the same value wherever it is copied."""
    digest = new_hash(algorithm)
    for name in sorted(files):
        digest.update(f"{name}\0{files[name]}\n".encode())
    return str(digest.hexdigest())


def folder_checksum(root: Path, algorithm: str = "sha256") -> str:
    """The checksum of a copied card folder (see ``manifest_digest``)."""
    new_hash(algorithm)  # an unknown algorithm is refused before reading anything
    return manifest_digest(manifest(root, algorithm), algorithm)


@dataclass(frozen=True)
class CopyCheck:
    """A copy compared file by file with the card: what it lacks, adds or holds changed."""

    missing: tuple[str, ...]
    extra: tuple[str, ...]
    different: tuple[str, ...]

    @property
    def verified(self) -> bool:
        return not (self.missing or self.extra or self.different)


def compare(source: dict[str, str], copy: dict[str, str]) -> CopyCheck:
    return CopyCheck(
        tuple(sorted(set(source) - set(copy))),
        tuple(sorted(set(copy) - set(source))),
        tuple(sorted(n for n in set(source) & set(copy) if source[n] != copy[n])),
    )
