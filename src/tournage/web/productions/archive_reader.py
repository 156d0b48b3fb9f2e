"""Reading a production archive as untrusted input: bounded, streamed, verified first.

An archive may come from anyone with an account, so nothing in it is believed before
it is checked: the zip directory against the size limits (an absolute cap and a cap
proportional to the compressed size, per member and in total), every member against
the manifest's checksums (none missing, none extra), and the sections are parsed row
by row (ijson) so that memory stays bounded by the largest row, never a whole section.
"""

from __future__ import annotations

import hashlib
import json
import lzma
import os
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO, Any

import ijson
from django.conf import settings

from tournage.common.errors import DomainError

MANIFEST = "manifest.json"
CHUNK = 1024 * 1024
# Tiny members (an empty section, a short text file) compress arbitrarily well: the
# ratio check applies beyond this many bytes.
RATIO_SLACK = 1024 * 1024
# What reading a damaged member raises: a bad header or CRC, data cut short, a corrupt
# deflate or LZMA stream, a compression method or an encryption zipfile does not read.
DAMAGED = (
    zipfile.BadZipFile,
    OSError,
    EOFError,
    zlib.error,
    lzma.LZMAError,
    NotImplementedError,
    RuntimeError,
)


class ArchiveError(DomainError):
    """The archive cannot be read or imported; the message says why, for a producer."""


@dataclass(frozen=True)
class Limits:
    """What an archive may expand to (settings ``TOURNAGE_ARCHIVE_*``, docs/security.md)."""

    max_uncompressed: int  # absolute cap on the sum of the members' sizes
    max_ratio: int  # decompressed / compressed, per member and for the whole archive
    max_section: int  # one section's JSON; the rows are streamed, this bounds one row
    max_members: int
    max_rows: int  # rows over all sections: bounds the id map kept during the import

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(
            max_uncompressed=settings.TOURNAGE_ARCHIVE_MAX_UNCOMPRESSED,
            max_ratio=settings.TOURNAGE_ARCHIVE_MAX_RATIO,
            max_section=settings.TOURNAGE_ARCHIVE_MAX_SECTION,
            max_members=settings.TOURNAGE_ARCHIVE_MAX_MEMBERS,
            max_rows=settings.TOURNAGE_ARCHIVE_MAX_ROWS,
        )


def _too_big(name: str) -> ArchiveError:
    return ArchiveError(
        "archive_too_large",
        f"Archive trop volumineuse une fois décompressée ({name}) : import refusé.",
        member=name,
    )


def _source_size(source: str | IO[bytes]) -> int:
    if isinstance(source, str | os.PathLike):
        return os.path.getsize(source)
    position = source.tell()
    size = source.seek(0, os.SEEK_END)
    source.seek(position)
    return size


class ArchiveReader:
    """An opened archive whose directory passed the limits; use as a context manager."""

    def __init__(self, source: str | IO[bytes], limits: Limits | None = None) -> None:
        self.limits = limits or Limits.from_settings()
        try:
            compressed = _source_size(source)
            self.zip_file = zipfile.ZipFile(source)
        except (ValueError, *DAMAGED) as bad:  # a zip version zipfile does not read, too
            raise ArchiveError(
                "not_a_zip",
                "Ce fichier n'est pas une archive de production tournage (zip illisible).",
            ) from bad
        try:
            self._check_directory(compressed)
        except ArchiveError:
            self.zip_file.close()
            raise

    def __enter__(self) -> ArchiveReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.zip_file.close()

    def _check_directory(self, compressed: int) -> None:
        infos = self.zip_file.infolist()
        if len(infos) > self.limits.max_members:
            raise _too_big(f"{len(infos)} fichiers")
        total = 0
        for info in infos:
            if not info.filename:  # zipfile itself fails on it (is_dir)
                raise ArchiveError("unsafe_path", "Fichier sans nom dans l'archive.", member="")
            path = PurePosixPath(info.filename)
            if path.is_absolute() or ".." in path.parts or "\\" in info.filename:
                raise ArchiveError(
                    "unsafe_path",
                    f"Chemin dangereux dans l'archive : {info.filename}",
                    member=info.filename,
                )
            if info.file_size > self.limits.max_ratio * info.compress_size + RATIO_SLACK:
                raise _too_big(info.filename)
            total += info.file_size
        if total > min(
            self.limits.max_uncompressed, self.limits.max_ratio * compressed + RATIO_SLACK
        ):
            raise _too_big(f"{total} octets")
        self.names = {info.filename for info in infos if not info.is_dir()}

    # members -------------------------------------------------------------------------
    def open(self, name: str) -> IO[bytes]:
        """A member, read in a stream; zipfile stops at the size the directory declared
        (and fails its CRC if the data goes on), which the limits above have checked."""
        try:
            return self.zip_file.open(name)
        except KeyError as missing:
            raise ArchiveError(
                "missing_member", f"Fichier manquant dans l'archive : {name}", member=name
            ) from missing

    def manifest(self) -> dict[str, Any]:
        if MANIFEST not in self.names:
            raise ArchiveError(
                "no_manifest", "Archive sans manifest.json : ce n'est pas une archive tournage."
            )
        if self.zip_file.getinfo(MANIFEST).file_size > CHUNK:
            raise _too_big(MANIFEST)
        try:
            with self.open(MANIFEST) as member:
                manifest = json.loads(member.read())
        except (ValueError, *DAMAGED) as bad:
            raise ArchiveError("bad_manifest", "Le manifest de l'archive est illisible.") from bad
        if not isinstance(manifest, dict):
            raise ArchiveError("bad_manifest", "Le manifest de l'archive est illisible.")
        return manifest

    def verify_checksums(self, manifest: dict[str, Any]) -> None:
        """Every member but the manifest is listed with its SHA-256, and matches it."""
        expected = manifest.get("checksums")
        if not isinstance(expected, dict) or not all(isinstance(d, str) for d in expected.values()):
            raise ArchiveError(
                "no_checksums", "Le manifest ne contient pas les sommes de contrôle."
            )
        unlisted = sorted(self.names - {MANIFEST} - set(expected))
        if unlisted:
            raise ArchiveError(
                "unlisted_member",
                f"Fichier sans somme de contrôle dans l'archive : {unlisted[0]}",
                member=unlisted[0],
            )
        for name, digest in expected.items():
            if name not in self.names or name == MANIFEST:
                raise ArchiveError(
                    "missing_member",
                    f"Fichier manquant ou endommagé dans l'archive : {name}",
                    member=name,
                )
            if self._sha256(name) != digest:
                raise ArchiveError(
                    "bad_checksum",
                    f"Archive corrompue : {name} ne correspond pas à sa somme de contrôle.",
                    member=name,
                )

    def _sha256(self, name: str) -> str:
        digest = hashlib.sha256()
        try:
            with self.open(name) as member:
                for block in iter(lambda: member.read(CHUNK), b""):
                    digest.update(block)
        except (ValueError, *DAMAGED) as bad:
            raise ArchiveError(
                "damaged_member",
                f"Fichier manquant ou endommagé dans l'archive : {name}",
                member=name,
            ) from bad
        return digest.hexdigest()

    # sections ------------------------------------------------------------------------
    def section(self, name: str) -> SectionDocument:
        member = f"sections/{name}.json"
        if member not in self.names:
            raise ArchiveError(
                "missing_section", f"Section {name} absente de l'archive.", section=name
            )
        if self.zip_file.getinfo(member).file_size > self.limits.max_section:
            raise _too_big(member)
        return SectionDocument(self, name, member)


class SectionDocument:
    """One section's JSON (``{model label: [rows]}``), parsed row by row on demand."""

    def __init__(self, reader: ArchiveReader, name: str, member: str) -> None:
        self.reader, self.name, self.member = reader, name, member

    def _unreadable(self, bad: Exception | None = None) -> ArchiveError:
        return ArchiveError(
            "bad_section",
            f"Section {self.name} illisible dans l'archive.",
            section=self.name,
            detail=str(bad) if bad else "",
        )

    def labels(self) -> list[str]:
        """The model labels the section holds (its top-level keys)."""
        labels: list[str] = []
        try:
            with self.reader.open(self.member) as stream:
                for prefix, event, value in ijson.parse(stream):
                    if prefix == "" and event == "start_map":
                        continue
                    if prefix == "" and event == "map_key":
                        labels.append(value)
                    elif prefix == "" and event != "end_map":
                        raise self._unreadable()
        except (ijson.JSONError, ijson.IncompleteJSONError, *DAMAGED) as bad:
            raise self._unreadable(bad) from bad
        return labels

    def rows(self, label: str) -> Iterator[Any]:
        """The rows of one model, one at a time."""
        try:
            with self.reader.open(self.member) as stream:
                yield from ijson.items(stream, f"{label}.item", use_float=True)
        except (ijson.JSONError, ijson.IncompleteJSONError, *DAMAGED) as bad:
            raise self._unreadable(bad) from bad
